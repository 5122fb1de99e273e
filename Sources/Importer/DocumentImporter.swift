import Core

/// Reads one file into an `ImportResult`: decode the bytes, pick the template reader, read.
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
        let reader = try self.reader(for: text, overrides: overrides)
        if let lastPart = reader.lastPart { try TruncationCheck.check(text, lastPart: lastPart) }
        let result = try reader.read(text, overrides: overrides)
        if strict && !result.report.unrecognizedFigureLines.isEmpty {
            throw ImportError.strict(file: text.sourceFile, lines: result.report.unrecognizedFigureLines.sorted())
        }
        return result
    }

    /// The reader named by `overrides.template`, or the most confident one (≥ 0.5).
    public static func reader(for text: SourceText, overrides: ImportOverrides = ImportOverrides()) throws -> TemplateReader.Type {
        if let name = overrides.template {
            guard let reader = TemplateReaders.reader(named: name) else {
                throw ImportError.invalid(file: text.sourceFile, line: 1,
                                          message: "未知的模板「\(name)」（可用：" + TemplateReaders.all.map { $0.template }.joined(separator: "、") + "）")
            }
            return reader
        }
        var best: (reader: TemplateReader.Type, confidence: Double)?
        for reader in TemplateReaders.all {
            let confidence = reader.confidence(text)
            if confidence >= minimumConfidence, confidence > (best?.confidence ?? -1) { best = (reader, confidence) }
            // Confidence is at most 1 and a later reader must exceed the best: none can.
            if confidence >= 1 { break }
        }
        guard let best else { throw ImportError.unknownTemplate(file: text.sourceFile) }
        return best.reader
    }
}
