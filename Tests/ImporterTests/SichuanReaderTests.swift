import Foundation
import XCTest
import Core
import Store
@testable import Importer

/// The Sichuan reader against the hand-checked seeds of its own document (disclosure 1).
final class SichuanReaderTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func source(_ relativePath: String) throws -> SourceText {
        let url = root.appendingPathComponent(relativePath)
        let data = try Data(contentsOf: url)
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var s = String(line)
            if s.hasSuffix("\r") { s.removeLast() }
            return s
        }
        return SourceText(lines: lines, sourceFile: url.lastPathComponent, sha256: SHA256.hex([UInt8](data)), encoding: "UTF-8")
    }

    static let seedPath = "fixtures/disclosures/000_aa60969cd7f058a1.txt"

    func read() throws -> ImportedDocument {
        try SichuanReader.read(Self.source(Self.seedPath), overrides: ImportOverrides()).document
    }

    // MARK: comparable tuples

    static func str(_ v: Value) -> String {
        switch v {
        case .null: return "∅"
        case .integer(let i): return String(i)
        case .text(let s): return s
        case .real(let d): return String(d)
        case .blob: return "blob"
        }
    }

    static func opt<T>(_ v: T?) -> String { v.map { "\($0)" } ?? "∅" }

    static func factKey(_ f: ImportedFact) -> String {
        "\(f.measureID ?? f.code ?? "?")@\(f.year)/\(f.column)/\(f.provenance.kind)\(f.provenance.lineFrom)\(f.isDerived ? "d" : "")"
    }

    static func factRow(_ f: ImportedFact, _ doc: ImportedDocument) -> String {
        let inputs = f.inputs.map { input -> String in
            let sign = input.sign > 0 ? "+" : "-"
            switch input.source {
            case .fact(let i): return sign + "F:" + factKey(doc.facts[i])
            case .statement(let i): return sign + "S:" + statementKey(doc.statements[i])
            }
        }.joined(separator: ",")
        return [f.measureID ?? "∅", f.code ?? "∅", f.fund, f.column, String(f.year), opt(f.amountFen), opt(f.quantity),
                f.printed ?? "∅", f.printedUnit ?? "∅", f.provenance.kind, String(f.provenance.lineFrom), String(f.provenance.lineTo),
                inputs].joined(separator: " | ")
    }

    static func statementKey(_ s: ImportedStatement) -> String { "\(s.kind)/\(s.printed)/\(s.provenance.kind)\(s.provenance.lineFrom)" }

    static func statementRow(_ s: ImportedStatement, _ doc: ImportedDocument) -> String {
        [s.kind, s.printed, s.direction ?? "∅", opt(s.rateScaled), opt(s.rateDecimals), opt(s.amountFen),
         s.partFact.map { factKey(doc.facts[$0]) } ?? "∅", s.baseFact.map { factKey(doc.facts[$0]) } ?? "∅",
         s.basis ?? "∅", s.provenance.kind, String(s.provenance.lineFrom), String(s.provenance.lineTo)].joined(separator: " | ")
    }

    func seededRows() throws -> (facts: [String], statements: [String], projects: [String], figures: [String],
                                 indicators: [String], paragraphs: [String], unit: [String], subunits: [String]) {
        let db = try Connections.memory().reader
        let factRows = try db.query("""
            SELECT id, measure_id, code, fund_id, column_id, year, amount_fen, quantity, printed, printed_unit, derived,
                   source_kind, line_from, line_to FROM fact WHERE disclosure_id = 1
            """)
        var keyOfFact: [Int64: String] = [:]
        for r in factRows {
            keyOfFact[r[0].int64!] = "\(Self.str(r[1]) == "∅" ? Self.str(r[2]) : Self.str(r[1]))@\(Self.str(r[5]))/\(Self.str(r[4]))/\(Self.str(r[11]))\(Self.str(r[12]))\(r[10].int64 == 1 ? "d" : "")"
        }
        let stRows = try db.query("""
            SELECT id, kind, printed, direction, rate_scaled, rate_decimals, amount_fen, part_fact_id, base_fact_id, basis,
                   source_kind, line_from, line_to FROM statement WHERE disclosure_id = 1
            """)
        var keyOfStatement: [Int64: String] = [:]
        for r in stRows { keyOfStatement[r[0].int64!] = "\(Self.str(r[1]))/\(Self.str(r[2]))/\(Self.str(r[10]))\(Self.str(r[11]))" }
        var inputs: [Int64: [String]] = [:]
        for r in try db.query("SELECT fact_id, sign, input_fact_id, input_statement_id FROM derivation_input ORDER BY fact_id, position") {
            let sign = r[1].int64! > 0 ? "+" : "-"
            let text = r[2].int64.map { sign + "F:" + keyOfFact[$0]! } ?? (sign + "S:" + keyOfStatement[r[3].int64!]!)
            inputs[r[0].int64!, default: []].append(text)
        }
        let facts = factRows.map { r in
            ([1, 2, 3, 4, 5, 6, 7, 8, 9].map { Self.str(r[$0]) } + [11, 12, 13].map { Self.str(r[$0]) }
                + [(inputs[r[0].int64!] ?? []).joined(separator: ",")]).joined(separator: " | ")
        }
        let statements = stRows.map { r in
            ([1, 2, 3, 4, 5, 6].map { Self.str(r[$0]) } + [r[7].int64.map { keyOfFact[$0]! } ?? "∅", r[8].int64.map { keyOfFact[$0]! } ?? "∅"]
                + [9, 10, 11, 12].map { Self.str(r[$0]) }).joined(separator: " | ")
        }
        let projects = try db.query("""
            SELECT seq, code, name, department, implementer, annual_goal, goal_achieved, overview, conclusion, problems,
                   improvements, owner, finance_owner, has_form, line_from, line_to FROM project WHERE disclosure_id = 1
            """).map { $0.map(Self.str).joined(separator: " | ") }
        let figures = try db.query("""
            SELECT p.seq, x.funding_row, x.field, x.amount_fen, x.rate_scaled, x.rate_decimals, x.points_centi, x.printed,
                   x.source_kind, x.line_from, x.line_to FROM project_figure x JOIN project p ON p.id = x.project_id
            WHERE p.disclosure_id = 1
            """).map { $0.map(Self.str).joined(separator: " | ") }
        let indicators = try db.query("""
            SELECT p.seq, i.seq, i.level1, i.level2, i.level3, i.operator_printed, i.operator, i.target, i.unit, i.actual,
                   i.weight_centi, i.score_centi, i.reason, i.is_total, i.line_from, i.line_to
            FROM indicator i JOIN project p ON p.id = i.project_id WHERE p.disclosure_id = 1
            """).map { $0.map(Self.str).joined(separator: " | ") }
        let paragraphs = try db.query("SELECT section, body, source_kind, line_from, line_to FROM paragraph WHERE disclosure_id = 1")
            .map { $0.map(Self.str).joined(separator: " | ") }
        let unit = try db.query("SELECT name, region FROM unit WHERE id = 1").map { $0.map(Self.str).joined(separator: " | ") }
            + (try db.query("SELECT alias FROM unit_alias WHERE unit_id = 1").map { "alias " + Self.str($0[0]) })
        let subunits = try db.query("SELECT name FROM unit WHERE parent_id = 1 ORDER BY id").map { Self.str($0[0]) }
        return (facts, statements, projects, figures, indicators, paragraphs, unit, subunits)
    }

    /// Multiset difference, reported both ways.
    func compare(_ what: String, seed: [String], reader: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(seed.isEmpty, "\(what): nothing seeded", file: file, line: line)
        var counts: [String: Int] = [:]
        for s in seed { counts[s, default: 0] += 1 }
        for r in reader { counts[r, default: 0] -= 1 }
        let onlySeed = counts.filter { $0.value > 0 }.keys.sorted()
        let onlyReader = counts.filter { $0.value < 0 }.keys.sorted()
        if !onlySeed.isEmpty || !onlyReader.isEmpty {
            let message = "\(what): \(seed.count) seeded, \(reader.count) read\n"
                + onlySeed.map { "  seed only:   \($0)" }.joined(separator: "\n") + "\n"
                + onlyReader.map { "  reader only: \($0)" }.joined(separator: "\n")
            XCTFail(message, file: file, line: line)
        }
    }

    func testFactsMatchSeeds() throws {
        let doc = try read()
        compare("facts", seed: try seededRows().facts, reader: doc.facts.map { Self.factRow($0, doc) })
    }

    func testStatementsMatchSeeds() throws {
        let doc = try read()
        compare("statements", seed: try seededRows().statements, reader: doc.statements.map { Self.statementRow($0, doc) })
    }

    func testProjectsMatchSeeds() throws {
        let doc = try read()
        let seeded = try seededRows()
        let projects = doc.projects.enumerated().map { i, p in
            [String(i + 1), p.code ?? "∅", p.name, p.department ?? "∅", p.implementer ?? "∅", p.annualGoal ?? "∅",
             p.goalAchieved ?? "∅", p.overview ?? "∅", p.conclusion ?? "∅", p.problems ?? "∅", p.improvements ?? "∅",
             p.owner ?? "∅", p.financeOwner ?? "∅", p.hasForm ? "1" : "0", String(p.lineFrom), String(p.lineTo)].joined(separator: " | ")
        }
        compare("projects", seed: seeded.projects, reader: projects)
        let figures = doc.projects.enumerated().flatMap { i, p in
            p.figures.map { x in
                [String(i + 1), x.fundingRow, x.field, Self.opt(x.amountFen), Self.opt(x.rateScaled), Self.opt(x.rateDecimals),
                 Self.opt(x.pointsCenti), x.printed, x.provenance.kind, String(x.provenance.lineFrom), String(x.provenance.lineTo)]
                    .joined(separator: " | ")
            }
        }
        compare("project figures", seed: seeded.figures, reader: figures)
        let indicators = doc.projects.enumerated().flatMap { i, p in
            p.indicators.enumerated().map { j, x in
                [String(i + 1), String(j + 1), x.level1 ?? "∅", x.level2 ?? "∅", x.level3 ?? "∅", x.operatorPrinted ?? "∅",
                 x.normalizedOperator ?? "∅", x.target ?? "∅", x.unit ?? "∅", x.actual ?? "∅", Self.opt(x.weightCenti),
                 Self.opt(x.scoreCenti), x.reason ?? "∅", x.isTotal ? "1" : "0", String(x.lineFrom), String(x.lineTo)]
                    .joined(separator: " | ")
            }
        }
        compare("indicators", seed: seeded.indicators, reader: indicators)
    }

    func testParagraphsMatchSeeds() throws {
        let doc = try read()
        compare("paragraphs", seed: try seededRows().paragraphs,
                reader: doc.paragraphs.map { [$0.section, $0.body, $0.kind, String($0.line), String($0.line)].joined(separator: " | ") })
    }

    func testUnitAndDisclosure() throws {
        let doc = try read()
        let seeded = try seededRows()
        // The seed's alias 中共遂宁市安居区委办公室 is the publication title's spelling; the text
        // never prints it, so no reader can find it (see the report on issue 5).
        let notInText = ["alias 中共遂宁市安居区委办公室"]
        let lines = try Self.source(Self.seedPath).lines
        for alias in notInText {
            XCTAssertFalse(lines.contains { $0.contains(alias.dropFirst(6)) }, "\(alias) is printed after all")
        }
        compare("unit", seed: seeded.unit.filter { !notInText.contains($0) },
                reader: ["\(doc.unit.name) | \(doc.unit.region)"] + doc.unit.aliases.map { "alias " + $0 })
        XCTAssertEqual(doc.subunits, seeded.subunits)
        XCTAssertEqual(doc.year, 2023)
        XCTAssertEqual(doc.template, "sichuan")
        XCTAssertEqual(doc.lineCount, 2086)
        XCTAssertEqual(doc.sha256, "ad55e39453befcca0fd4ffb4950c5ac7ccb00119dce321d83eed00aa28604c4b")
        XCTAssertEqual(doc.moneyUnit, .tenThousandYuan)
    }

    func testReportHasNoUnrecognizedFigures() throws {
        let result = try SichuanReader.read(Self.source(Self.seedPath), overrides: ImportOverrides())
        XCTAssertEqual(result.report.unrecognizedFigureLines, [], "unrecognized figure lines")
        XCTAssertEqual(result.report.warnings, [])
    }

    func testConfidence() throws {
        XCTAssertGreaterThanOrEqual(SichuanReader.confidence(try Self.source(Self.seedPath)), 0.5)
        for name in ["caizhengju", "guihuaziyuanju", "shehuigongzuobu"] {
            let text = try Self.source("fixtures/disclosures/2024-shanghai-putuo-\(name).txt")
            XCTAssertLessThan(SichuanReader.confidence(text), 0.5, name)
        }
    }

    func testReadTime() throws {
        let text = try Self.source(Self.seedPath)
        _ = try SichuanReader.read(text, overrides: ImportOverrides())
        let start = Date()
        _ = try SichuanReader.read(text, overrides: ImportOverrides())
        print("SichuanReader.read: \(Int(Date().timeIntervalSince(start) * 1000)) ms")
    }

    func testOverridesWin() throws {
        let doc = try SichuanReader.read(Self.source(Self.seedPath), overrides: ImportOverrides(unit: "某单位", year: 2022)).document
        XCTAssertEqual(doc.unit.name, "某单位")
        XCTAssertEqual(doc.year, 2022)
    }
}
