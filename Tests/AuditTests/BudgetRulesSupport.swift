import Foundation
import Importer
import Store
@testable import Audit

/// Imports the dev budget documents (fixtures/disclosures/budgets), optionally with one line
/// changed, into a fresh in-memory database and loads them for the audit.
enum BudgetFixture {
    static func path(_ name: String) -> String { TextRulesFixture.root + "/fixtures/disclosures/budgets/\(name).txt" }

    /// Every dev budget file, in name order.
    static var files: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TextRulesFixture.root + "/fixtures/disclosures/budgets")) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { String($0.dropLast(4)) }
    }

    /// A file's lines after replacing `old` by `new` on the first line at or after `line` containing it.
    static func text(_ name: String, replacing old: String?, with new: String, atLine line: Int?) throws -> String {
        var lines = try String(contentsOfFile: path(name), encoding: .utf8).components(separatedBy: "\n")
        if let old {
            guard let index = lines.indices.first(where: { $0 + 1 >= (line ?? 1) && lines[$0].contains(old) }) else {
                throw FixtureError("\(old) not found in \(name)")
            }
            if let line { guard index + 1 == line else { throw FixtureError("\(old) not on line \(line) of \(name)") } }
            lines[index] = lines[index].replacingOccurrences(of: old, with: new)
        }
        return lines.joined(separator: "\n")
    }

    /// Imports the files (the parts of one disclosure together) into `connections`; returns the disclosure ids.
    @discardableResult
    static func load(_ names: [String], into connections: Connections, replacing old: String? = nil, with new: String = "",
                     atLine line: Int? = nil, in changed: String? = nil, overrides: ImportOverrides = ImportOverrides()) throws -> [Int64] {
        let directory = NSTemporaryDirectory() + "budget-rules-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try names.map { name -> ImportResult in
            let file = directory + "/" + name + ".txt"
            let isChanged = changed == nil ? names.count == 1 : changed == name
            try text(name, replacing: isChanged ? old : nil, with: new, atLine: line).write(toFile: file, atomically: true, encoding: .utf8)
            return try DocumentImporter.read(path: file, sourceFile: name + ".txt", overrides: overrides)
        }
        var ids: [Int64] = []
        for group in DisclosureParts.groups(results, asOne: false) {
            let document = DisclosureParts.join(group.map { results[$0] }).document
            guard case .imported(let id, _, _) = try DocumentWriter.write(document, into: connections.writer) else {
                throw FixtureError("\(names) not imported")
            }
            ids.append(id)
        }
        return ids
    }

    /// One budget disclosure (one file, or the parts of a split one), optionally changed, loaded.
    static func document(_ names: String..., replacing old: String? = nil, with new: String = "", atLine line: Int? = nil,
                         in changed: String? = nil) throws -> AuditDocument {
        let connections = try Connections.memory(contents: .empty)
        let ids = try load(names, into: connections, replacing: old, with: new, atLine: line, in: changed)
        guard ids.count == 1 else { throw FixtureError("\(names) is not one disclosure") }
        return try AuditLoader.load(connections.reader, disclosureID: ids[0])
    }

    /// Findings of a full check, one per root cause.
    static func findings(_ document: AuditDocument, rules: [AuditRule.Type] = AuditRules.all) -> [Finding] {
        Auditor.Report(results: Auditor.evaluate(document, rules: rules)).findings
    }
}
