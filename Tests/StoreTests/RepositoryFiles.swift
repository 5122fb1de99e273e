import Foundation

/// Files of this repository, found from this source file's path.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The seed disclosure's lines; index 0 is line 1.
    static func seedDocumentLines() throws -> [String] {
        try text("fixtures/disclosures/000_aa60969cd7f058a1.txt")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
