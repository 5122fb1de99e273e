import XCTest
import Foundation
import Core
import Store
import Importer
@testable import Audit

/// Real documents for the table-rule tests: the seed (disclosure 1 of the seeded memory
/// database) and the three Shanghai fixtures, each imported into its own empty database,
/// optionally with printed figures edited in memory first.
enum TableRulesFixture {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let caizhengju = "fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt"
    static let guihua = "fixtures/disclosures/2024-shanghai-putuo-guihuaziyuanju.txt"
    static let shehui = "fixtures/disclosures/2024-shanghai-putuo-shehuigongzuobu.txt"

    nonisolated(unsafe) static var cache: [String: AuditDocument] = [:]

    static func seed() throws -> AuditDocument {
        if let document = cache["seed"] { return document }
        let connections = try Connections.memory()
        let document = try AuditLoader.load(connections.reader, disclosureID: 1)
        cache["seed"] = document
        return document
    }

    /// A fixture as imported, or with edits: each edit replaces the first `old` by `new` on `line` (1-based).
    static func shanghai(_ relative: String, edits: [(line: Int, old: String, new: String)] = []) throws -> AuditDocument {
        let key = relative + edits.map { "|\($0.line):\($0.old)>\($0.new)" }.joined()
        if let document = cache[key] { return document }
        var path = root + "/" + relative
        if !edits.isEmpty { path = try edited(path, edits: edits) }
        let document = try importAndLoad(path)
        cache[key] = document
        return document
    }

    /// The seed text (Sichuan template) imported with edits.
    static func seedText(edits: [(line: Int, old: String, new: String)]) throws -> AuditDocument {
        let candidates = try FileManager.default.contentsOfDirectory(atPath: root + "/fixtures/disclosures")
            .filter { $0.hasPrefix("000_") && $0.hasSuffix(".txt") }
        guard let name = candidates.first else { throw FixtureError("seed text not found") }
        return try importAndLoad(try edited(root + "/fixtures/disclosures/" + name, edits: edits))
    }

    static func edited(_ path: String, edits: [(line: Int, old: String, new: String)]) throws -> String {
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        for edit in edits {
            let index = edit.line - 1
            guard lines[index].contains(edit.old) else {
                throw NSError(domain: "TableRules", code: 1, userInfo: [NSLocalizedDescriptionKey: "line \(edit.line) has no \(edit.old): \(lines[index])"])
            }
            if let range = lines[index].range(of: edit.old) { lines[index].replaceSubrange(range, with: edit.new) }
        }
        let out = FileManager.default.temporaryDirectory
            .appendingPathComponent("dq-tablerules-\(UUID().uuidString)-" + (path as NSString).lastPathComponent).path
        try lines.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
        return out
    }

    static func importAndLoad(_ path: String) throws -> AuditDocument {
        let connections = try Connections.memory(contents: .empty)
        let result = try DocumentImporter.read(path: path)
        guard case .imported(let id, _, _) = try DocumentWriter.write(result.document, into: connections.writer) else {
            throw NSError(domain: "TableRules", code: 2)
        }
        return try AuditLoader.load(connections.reader, disclosureID: id)
    }

    /// The document with one printed figure changed in memory (for figures the importer
    /// refuses to read when they do not add up, e.g. 经济分类 details it drops).
    static func mutated(_ document: AuditDocument, line: Int, printed: String, to new: String) -> AuditDocument {
        var copy = document
        for index in copy.facts.indices where copy.facts[index].lineFrom == line && copy.facts[index].printed == printed {
            copy.facts[index].printed = new
            copy.facts[index].amountFen = Amount(printed: new, unit: document.moneyUnit)?.fen
            return copy
        }
        XCTFail("no figure \(printed) on line \(line)")
        return copy
    }

    /// Findings of one rule, or [] for any other outcome.
    static func findings(_ rule: AuditRule.Type, _ document: AuditDocument) -> [Finding] {
        if case .fail(let list) = rule.evaluate(document) { return list }
        return []
    }

    /// Whether the rule passed (or was not applicable): no finding.
    static func silent(_ rule: AuditRule.Type, _ document: AuditDocument) -> Bool {
        switch rule.evaluate(document) {
        case .pass, .notApplicable: return true
        case .fail, .couldNotEvaluate: return false
        }
    }

    /// "severity rule line stated/expected" lines, for pinning.
    static func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.severity.rawValue) \($0.ruleID) L\($0.line) \($0.stated ?? "-")/\($0.expected ?? "-")" }
    }

    /// Every table rule of the document's kind on it: "rule: pass(n)" / "n/a" / "could not" / one line per finding.
    static func pin(_ document: AuditDocument) -> [String] {
        AuditRules.tableRules.filter { $0.applies(to: document.kind) }.flatMap { rule -> [String] in
            switch rule.evaluate(document) {
            case .pass(let n): return ["\(rule.id): pass(\(n))"]
            case .notApplicable: return ["\(rule.id): n/a"]
            case .couldNotEvaluate: return ["\(rule.id): could not"]
            case .fail(let list): return summary(list)
            }
        }
    }

    static func describe(_ outcome: RuleOutcome) -> String {
        switch outcome {
        case .pass(let n): return "pass(\(n))"
        case .fail(let list): return "fail:\n    " + list.map { "\($0.severity.rawValue) L\($0.line) \($0.message) | stated \($0.stated ?? "-") expected \($0.expected ?? "-") diff \($0.difference ?? "-")" }.joined(separator: "\n    ")
        case .notApplicable(let why): return "n/a: \(why)"
        case .couldNotEvaluate(let why): return "could not: \(why)"
        }
    }
}

final class TableRulesDumpTests: XCTestCase {
    /// Prints every table rule's outcome on the four documents (to the file DQ_DUMP names).
    func testDump() throws {
        guard let path = ProcessInfo.processInfo.environment["DQ_DUMP"] else { return }
        var out = ""
        let documents: [(String, AuditDocument)] = [
            ("seed", try TableRulesFixture.seed()),
            ("财政局", try TableRulesFixture.shanghai(TableRulesFixture.caizhengju)),
            ("规划资源局", try TableRulesFixture.shanghai(TableRulesFixture.guihua)),
            ("社会工作部", try TableRulesFixture.shanghai(TableRulesFixture.shehui)),
        ]
        for (name, document) in documents {
            out += "=== \(name)\n" + TableRulesFixture.pin(document).map { "            \"\($0)\",\n" }.joined()
            for rule in AuditRules.tableRules where rule.applies(to: document.kind) {
                out += "  \(rule.id): \(TableRulesFixture.describe(rule.evaluate(document)))\n"
            }
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
