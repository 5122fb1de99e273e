import Core
import Foundation
import Store
@testable import Audit

/// Helpers for the G rule tests: the seed (disclosure 1 of the seeded in-memory database),
/// and the seed text with one printed cell changed, imported into an empty database.
enum PerformanceFixture {
    static let seedPath = MutationHarness.documents[0]

    static func seedDocument() throws -> AuditDocument {
        let connections = try Connections.memory()
        return try AuditLoader.load(connections.writer, disclosureID: 1)
    }

    /// The seed text with `old` replaced by `new` on 1-based `line` (the `occurrence`-th match).
    static func mutated(line: Int, _ old: String, _ new: String, occurrence: Int = 0) throws -> AuditDocument {
        var lines = try MutationHarness.lines(of: seedPath)
        var text = lines[line - 1]
        var ranges: [Range<String.Index>] = []
        var start = text.startIndex
        while let range = text.range(of: old, range: start..<text.endIndex) { ranges.append(range); start = range.upperBound }
        precondition(occurrence < ranges.count, "「\(old)」 not on line \(line): \(text)")
        text.replaceSubrange(ranges[occurrence], with: new)
        lines[line - 1] = text
        let imported = try MutationHarness.importAndAudit(lines, name: "seed-mutated.txt", rules: [])
        return try AuditLoader.load(imported.connections.writer, disclosureID: imported.disclosureID)
    }

    static func findings(_ rule: AuditRule.Type, _ document: AuditDocument) -> [Finding] {
        if case .fail(let findings) = rule.evaluate(document) { return findings }
        return []
    }

    static func describe(_ findings: [Finding]) -> String {
        findings.map { f in
            "\(f.severity) \(f.ruleID) L\(f.figures.map { "\($0.lineFrom)" }.joined(separator: ",")) \(f.message) [\(f.expected ?? "-") / \(f.stated ?? "-") / \(f.difference ?? "-")]"
        }.joined(separator: "\n")
    }
}
