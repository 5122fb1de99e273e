import Core

/// Reads the sichuan template. (Placeholder: recognizes nothing yet.)
public enum SichuanReader: TemplateReader {
    public static let template = "sichuan"

    public static func confidence(_ text: SourceText) -> Double { 0 }

    public static func read(_ text: SourceText, overrides: ImportOverrides) throws -> ImportResult {
        throw ImportError.unknownTemplate(file: text.sourceFile)
    }
}
