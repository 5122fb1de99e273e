import Core

/// Reads the shanghai template. (Placeholder: recognizes nothing yet.)
public enum ShanghaiReader: TemplateReader {
    public static let template = "shanghai"

    public static func confidence(_ text: SourceText) -> Double { 0 }

    public static func read(_ text: SourceText, overrides: ImportOverrides) throws -> ImportResult {
        throw ImportError.unknownTemplate(file: text.sourceFile)
    }
}
