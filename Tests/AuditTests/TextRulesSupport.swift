import XCTest
import Foundation
import Core
import Store
import Importer
@testable import Audit

/// Loads the seed or a Shanghai fixture (optionally mutated) and runs the text rules.
enum TextRulesFixture {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let shanghai = ["caizhengju", "guihuaziyuanju", "shehuigongzuobu"]

    static func path(_ name: String) -> String { root + "/fixtures/disclosures/2024-shanghai-putuo-\(name).txt" }

    static func seed() throws -> AuditDocument {
        let connections = try Connections.memory()
        return try AuditLoader.load(connections.reader, disclosureID: 1)
    }

    /// Imports a fixture, after replacing `old` by `new` in its text (the first occurrence at or after `line`).
    static func shanghai(_ name: String, replacing old: String? = nil, with new: String = "", atLine line: Int? = nil) throws -> AuditDocument {
        var filePath = path(name)
        if let old {
            var lines = try String(contentsOfFile: filePath, encoding: .utf8).components(separatedBy: "\n")
            let index = lines.indices.first { ($0 + 1 >= (line ?? 1)) && lines[$0].contains(old) }
            guard let index else { throw FixtureError("\(old) not found in \(name)") }
            lines[index] = lines[index].replacingOccurrences(of: old, with: new)
            filePath = NSTemporaryDirectory() + "textrules-\(UUID().uuidString).txt"
            try lines.joined(separator: "\n").write(toFile: filePath, atomically: true, encoding: .utf8)
        }
        let result = try DocumentImporter.read(path: filePath, sourceFile: "2024-shanghai-putuo-\(name).txt")
        let connections = try Connections.memory(contents: .empty)
        guard case .imported(let id, _, _) = try DocumentWriter.write(result.document, into: connections.writer) else {
            throw FixtureError("\(name) was not imported")
        }
        return try AuditLoader.load(connections.reader, disclosureID: id)
    }

    /// The rule's findings; [] when it passes or does not apply. A rule that could not be
    /// evaluated fails the calling test: an empty list must mean "checked, nothing found".
    static func findings(_ rule: AuditRule.Type, _ document: AuditDocument,
                         file: StaticString = #filePath, line: UInt = #line) -> [Finding] {
        switch rule.evaluate(document) {
        case .fail(let f): return f
        case .couldNotEvaluate(let reason):
            XCTFail("\(rule.id) could not be evaluated: \(reason)", file: file, line: line)
            return []
        default: return []
        }
    }

    /// "D2.share error 152" per finding, in order.
    static func pins(_ rule: AuditRule.Type, _ document: AuditDocument, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        findings(rule, document, file: file, line: line).map { "\($0.ruleID) \($0.severity.rawValue) \($0.line)" }
    }
}

/// A fixture could not be prepared: the test fails (never skips).
struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
