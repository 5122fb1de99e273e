import Core

/// Reads one file into an `ImportResult`: decode the bytes, pick the template reader, read.
/// A text no template recognizes — or that the template it resembles refuses as not its own
/// (no year or title where the template prints them) — is read as a partial document
/// (`PartialReader`) when it names its unit, year and kind; otherwise the refusal stands.
public enum DocumentImporter {
    /// Confidence a reader must reach to be chosen without `--template`.
    public static let minimumConfidence = 0.5

    /// Decodes `path` and reads it with the reader of `overrides.template`, else the most
    /// confident reader. With `strict`, any unrecognized line holding a figure fails the file.
    public static func read(path: String, sourceFile: String? = nil, overrides: ImportOverrides = ImportOverrides(),
                            strict: Bool = false) throws -> ImportResult {
        let text = try TextDecoder.read(path: path, sourceFile: sourceFile)
        return try read(text, overrides: overrides, strict: strict)
    }

    /// Reads already-decoded text, normalized first (`TextNormalizer`: same lines, page
    /// furniture removed, full-width figures half-width).
    public static func read(_ text: SourceText, overrides: ImportOverrides = ImportOverrides(),
                            strict: Bool = false) throws -> ImportResult {
        let text = TextNormalizer.normalize(text)
        let result: ImportResult
        do {
            let (reader, found) = try choice(for: text, overrides: overrides)
            if let lastPart = reader.lastPart { try TruncationCheck.check(text, lastPart: lastPart) }
            do {
                result = try reader.read(text, overrides: overrides, found: found)
            } catch let refusal as ImportError where overrides.template == nil && refusal.isNotThisTemplate {
                result = try partial(text, overrides: overrides, refusedBy: reader, refusal)
            }
        } catch let refusal as ImportError where overrides.template == nil && refusal.code == ImportError.unknownTemplate(file: "").code {
            result = try partial(text, overrides: overrides, refusedBy: nil, refusal)
        }
        if strict && !result.report.unrecognizedFigureLines.isEmpty {
            throw ImportError.strict(file: text.sourceFile, lines: result.report.unrecognizedFigureLines.sorted())
        }
        return result
    }

    /// The text read as a partial document. When it cannot be, the refusal that led here
    /// stands: a template reader's, or (no template recognized the text) why the partial
    /// reading failed, when the text is a disclosure at all. A template reader's refusal of a
    /// text read as partial is kept in the warnings.
    static func partial(_ text: SourceText, overrides: ImportOverrides, refusedBy reader: TemplateReader.Type?,
                        _ refusal: ImportError) throws -> ImportResult {
        var result: ImportResult
        do {
            result = try PartialReader.read(text, overrides: overrides)
        } catch let error as ImportError {
            if reader != nil || error.code == refusal.code { throw refusal }
            throw error
        }
        if let reader {
            result.report.warnings.append("模板 \(reader.template) 未能读取本文件（\(refusal.description)）")
        }
        return result
    }

    /// The reader named by `overrides.template`, or the most confident one (≥ 0.5).
    public static func reader(for text: SourceText, overrides: ImportOverrides = ImportOverrides()) throws -> TemplateReader.Type {
        try choice(for: text, overrides: overrides).reader
    }

    /// `reader(for:overrides:)`, with what the chosen reader found while assessing the text.
    static func choice(for text: SourceText, overrides: ImportOverrides) throws -> (reader: TemplateReader.Type, found: Any?) {
        if let name = overrides.template {
            guard let reader = TemplateReaders.reader(named: name) else {
                throw ImportError.invalid(file: text.sourceFile, line: 1,
                                          message: "未知的模板「\(name)」（可用：" + TemplateReaders.all.map { $0.template }.joined(separator: "、") + "）")
            }
            return (reader, nil)
        }
        var best: (reader: TemplateReader.Type, confidence: Double, found: Any?)?
        for reader in TemplateReaders.all {
            let (confidence, found) = reader.assess(text)
            if confidence >= minimumConfidence, confidence > (best?.confidence ?? -1) { best = (reader, confidence, found) }
            // Confidence is at most 1 and a later reader must exceed the best: none can.
            if confidence >= 1 { break }
        }
        guard let best else { throw ImportError.unknownTemplate(file: text.sourceFile) }
        return (best.reader, best.found)
    }
}
