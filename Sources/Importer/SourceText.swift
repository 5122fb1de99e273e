import Core

/// A document's text as a reader sees it: decoded to UTF-8, split into the 1-based lines
/// of the file as given (whatever its encoding), with the file's identity.
public struct SourceText: Sendable {
    /// lines[0] is line 1. Form feeds and trailing CRs are removed; nothing else changes.
    public let lines: [String]
    /// The name the user gave (kept as the disclosure's source file).
    public let sourceFile: String
    /// SHA-256 of the file's bytes as given (before decoding or conversion).
    public let sha256: String
    /// The encoding the bytes were read in: UTF-8, GB18030, or PDF (via pdftotext).
    public let encoding: String
    /// 1-based lines that began with a form feed: the first line of a new page.
    public let pageStarts: [Int]

    public init(lines: [String], sourceFile: String, sha256: String, encoding: String, pageStarts: [Int] = []) {
        self.lines = lines
        self.sourceFile = sourceFile
        self.sha256 = sha256
        self.encoding = encoding
        self.pageStarts = pageStarts
    }

    /// The same file with other lines (normalized text keeps every line number).
    public func replacingLines(_ lines: [String]) -> SourceText {
        SourceText(lines: lines, sourceFile: sourceFile, sha256: sha256, encoding: encoding, pageStarts: pageStarts)
    }

    /// Line `number` (1-based), or "" outside the file.
    public func line(_ number: Int) -> String {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }
}

/// What a reader recognized and what it could not, for the import report and `--strict`.
public struct ImportReport: Hashable, Sendable {
    /// Counts by kind: facts, statements, projects, indicators, paragraphs, tables …
    public var recognized: [String: Int] = [:]
    /// Lines inside the template's sections that hold a figure no rule recognized.
    public var unrecognizedFigureLines: [Int] = []
    /// Lines skipped as not part of any known section.
    public var skippedLines: [Int] = []
    /// Things the reader noticed (a table whose rows do not add up, …), with their lines.
    public var warnings: [String] = []

    public init() {}
}

/// A reader has made sense of a document.
public struct ImportResult: Sendable {
    public var document: ImportedDocument
    public var report: ImportReport

    public init(document: ImportedDocument, report: ImportReport) {
        self.document = document
        self.report = report
    }
}

/// What a user may override on the command line.
public struct ImportOverrides: Hashable, Sendable {
    public var unit: String?
    public var year: Int?
    public var template: String?

    public init(unit: String? = nil, year: Int? = nil, template: String? = nil) {
        self.unit = unit
        self.year = year
        self.template = template
    }
}

/// One template's reader. Readers are pure: text in, model values out; no SQLite.
public protocol TemplateReader: Sendable {
    /// The template id stored on the disclosure ('sichuan', 'shanghai').
    static var template: String { get }
    /// The number of the template's last part (`第N部分`): a document whose body stops before
    /// it is refused as truncated. Nil when the template has no numbered parts.
    static var lastPart: Int? { get }
    /// How sure the reader is that `text` is its template (0 = not at all, 1 = certain).
    static func confidence(_ text: SourceText) -> Double
    /// Reads the whole document or throws an ImportError naming the line.
    static func read(_ text: SourceText, overrides: ImportOverrides) throws -> ImportResult
    /// `confidence`, with what the reader found in `text` while measuring it (nil: nothing
    /// worth keeping), for `read(_:overrides:found:)` of the same text not to look again.
    static func assess(_ text: SourceText) -> (confidence: Double, found: Any?)
    /// `read`, given what `assess` found in the same text.
    static func read(_ text: SourceText, overrides: ImportOverrides, found: Any?) throws -> ImportResult
}

extension TemplateReader {
    public static func assess(_ text: SourceText) -> (confidence: Double, found: Any?) { (confidence(text), nil) }

    public static func read(_ text: SourceText, overrides: ImportOverrides, found: Any?) throws -> ImportResult {
        try read(text, overrides: overrides)
    }
}
