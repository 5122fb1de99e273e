import Core
import Foundation
@testable import Store
import XCTest

/// DocumentWriter: one document in one transaction, with every link mapped to row ids.
final class DocumentWriterTests: XCTestCase {
    static let region = "上海市普陀区"

    private func database(_ contents: DatabaseSetup.Contents = .empty) throws -> Database {
        let database = try Database(.memory)
        try DatabaseSetup.populate(database, contents: contents)
        return database
    }

    /// Every row of every table (FTS shadow tables included), in a stable order.
    static func dump(_ database: Database) throws -> String {
        var out = ""
        let tables = try database.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").compactMap { $0[0].string }
        for table in tables {
            out += "== \(table)\n"
            for row in try database.query("SELECT * FROM \"\(table)\" ORDER BY 1") {
                out += row.map(\.description).joined(separator: "|") + "\n"
            }
        }
        return out + "user_version \(try database.userVersion())\n"
    }

    /// A small document with one of everything.
    static func document(sha: Character = "a", unit: String = "上海市普陀区财政局", year: Int = 2024) -> ImportedDocument {
        var document = ImportedDocument(
            unit: ImportedUnit(name: unit, aliases: ["普陀区财政局"], region: region),
            subunits: ["上海市普陀区财政局下属单位"], year: year, template: "shanghai", title: "\(unit)\(year)年度部门决算",
            sourceFile: "2024-shanghai-putuo-caizhengju.txt", sha256: String(repeating: sha, count: 64), lineCount: 400)
        document.facts = [
            ImportedFact(measureID: "expenditure_total", fund: "all", year: year, amountFen: 125_200_000, printed: "125.20",
                         printedUnit: "万元", provenance: Provenance("table", 40)),
            ImportedFact(measureID: "expenditure_total", fund: "all", year: year - 1, amountFen: 56_300_000, printed: "56.30",
                         printedUnit: "万元", provenance: Provenance("text", 120)),
            ImportedFact(code: "2010101", fund: "all", year: year, amountFen: 10_000_000, printed: "10.00", printedUnit: "万元",
                         provenance: Provenance("table", 60)),
            ImportedFact(code: "2999999", fund: "general", column: "basic", year: year, amountFen: 0, printed: "0",
                         printedUnit: "万元", provenance: Provenance("table", 61)),
            // Derived: prior year = this year − the stated change (statement 1).
            ImportedFact(measureID: "basic", fund: "all", year: year - 1, amountFen: 68_900_000, printed: nil, printedUnit: nil,
                         provenance: Provenance("text", 121, 122), inputs: [DerivationInput(sign: 1, .fact(0)),
                                                                           DerivationInput(sign: -1, .statement(1))]),
        ]
        document.statements = [
            ImportedStatement(kind: "growth", printed: "增长122.38%", direction: "增加", rateScaled: 12238, rateDecimals: 2,
                              partFact: 0, baseFact: 1, provenance: Provenance("text", 120)),
            ImportedStatement(kind: "change", printed: "增加68.90万元", direction: "增加", amountFen: 68_900_000, partFact: 0,
                              provenance: Provenance("text", 121)),
        ]
        var project = ImportedProject(code: "P001", name: "财政信息化运维", hasForm: true, lineFrom: 300, lineTo: 330)
        project.conclusion = "完成"
        project.figures = [
            ImportedProjectFigure(fundingRow: "total", field: "initial", amountFen: 5_000_000, printed: "5.00",
                                  provenance: Provenance("table", 305)),
            ImportedProjectFigure(fundingRow: "total", field: "rate", rateScaled: 9850, rateDecimals: 2, printed: "98.50%",
                                  provenance: Provenance("table", 305)),
        ]
        project.indicators = [
            ImportedIndicator(level1: "产出指标", level2: "数量指标", level3: "系统数", operatorPrinted: "≥", normalizedOperator: ">=",
                              target: "3", unit: "个", actual: "3", weightCenti: 1000, scoreCenti: 1000, lineFrom: 310, lineTo: 310),
            ImportedIndicator(level1: "合计", weightCenti: 10000, scoreCenti: 9800, isTotal: true, lineFrom: 320, lineTo: 320),
        ]
        document.projects = [project, ImportedProject(name: "无表项目", hasForm: false, lineFrom: 340, lineTo: 340)]
        document.paragraphs = [
            ImportedParagraph(section: "情况说明", body: "主要用于财政信息化运维支出。", kind: "text", line: 130),
            ImportedParagraph(section: "情况说明", body: "此处数据请核实", kind: "residue", line: 131),
        ]
        return document
    }

    func testWritesEveryRowWithItsLinks() throws {
        let db = try database()
        let outcome = try DocumentWriter.write(Self.document(), into: db)
        guard case .imported(let disclosureID, let unitID, let replaced) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertNil(replaced)

        let unit = try db.query("SELECT name, region, kind, parent_id FROM unit WHERE id = ?", [.integer(unitID)])
        XCTAssertEqual(unit, [[.text("上海市普陀区财政局"), .text(Self.region), .text("部门"), .null]])
        XCTAssertEqual(try db.query("SELECT alias FROM unit_alias WHERE unit_id = ?", [.integer(unitID)]), [[.text("普陀区财政局")]])
        XCTAssertEqual(try db.query("SELECT name, kind, parent_id FROM unit WHERE id != ?", [.integer(unitID)]),
                       [[.text("上海市普陀区财政局下属单位"), .text("单位"), .integer(unitID)]])
        XCTAssertEqual(try db.query("""
            SELECT unit_id, year, kind, template, source_file, money_unit, line_count, origin FROM disclosure WHERE id = ?
            """, [.integer(disclosureID)]),
            [[.integer(unitID), 2024, "决算", "shanghai", "2024-shanghai-putuo-caizhengju.txt", "万元", 400, "import"]])

        let facts = try db.query("""
            SELECT id, measure_id, code, fund_id, column_id, year, amount_fen, printed, derived, source_kind, line_from, line_to
            FROM fact WHERE disclosure_id = ? ORDER BY id
            """, [.integer(disclosureID)])
        XCTAssertEqual(facts.count, 5)
        let ids = facts.map { $0[0].int64! }
        XCTAssertEqual(facts[2][2], "2010101")
        XCTAssertEqual(facts[3].dropFirst(3).prefix(5).map { $0 }, ["general", "basic", 2024, 0, "0"])
        XCTAssertEqual(facts[4].dropFirst(7).map { $0 }, [.null, 1, "text", 121, 122])

        let statements = try db.query("SELECT id, kind, rate_scaled, rate_decimals, amount_fen, part_fact_id, base_fact_id FROM statement ORDER BY id")
        XCTAssertEqual(statements.count, 2)
        XCTAssertEqual(statements[0].dropFirst().map { $0 }, ["growth", 12238, 2, .null, .integer(ids[0]), .integer(ids[1])])
        XCTAssertEqual(statements[1].dropFirst().map { $0 }, ["change", .null, .null, 68_900_000, .integer(ids[0]), .null])
        XCTAssertEqual(try db.query("SELECT fact_id, position, sign, input_fact_id, input_statement_id FROM derivation_input ORDER BY position"),
                       [[.integer(ids[4]), 1, 1, .integer(ids[0]), .null],
                        [.integer(ids[4]), 2, -1, .null, .integer(statements[1][0].int64!)]])

        let projects = try db.query("SELECT id, seq, code, name, has_form, conclusion FROM project ORDER BY seq")
        XCTAssertEqual(projects.map { Array($0.dropFirst()) }, [[1, "P001", "财政信息化运维", 1, "完成"], [2, .null, "无表项目", 0, .null]])
        let projectID = projects[0][0]
        XCTAssertEqual(try db.query("SELECT project_id, funding_row, field, amount_fen, rate_scaled, printed FROM project_figure ORDER BY id"),
                       [[projectID, "total", "initial", 5_000_000, .null, "5.00"], [projectID, "total", "rate", .null, 9850, "98.50%"]])
        XCTAssertEqual(try db.query("SELECT project_id, seq, level3, operator, is_total, score_centi FROM indicator ORDER BY seq"),
                       [[projectID, 1, "系统数", ">=", 0, 1000], [projectID, 2, .null, .null, 1, 9800]])
        XCTAssertEqual(try db.query("SELECT executed_fen, rate_e2, score_centi FROM project_value WHERE seq = 1"), [[.null, 9850, 9800]])

        XCTAssertEqual(try db.query("SELECT section, body, source_kind, line_from FROM paragraph ORDER BY id"),
                       [["情况说明", "主要用于财政信息化运维支出。", "text", 130], ["情况说明", "此处数据请核实", "residue", 131]])
        // The writer indexed the paragraphs, and the index agrees with them.
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM paragraph_fts WHERE paragraph_fts MATCH '信息化'"), 1)
        try db.execute("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('integrity-check')")
        // The catalog sees the new unit and its year.
        let catalog = try CatalogLoader.load(db)
        XCTAssertEqual(catalog.units.first { $0.id == unitID }?.years, [2024])
    }

    func testSameBytesAreAlreadyLoaded() throws {
        let db = try database()
        guard case .imported(let id, _, _) = try DocumentWriter.write(Self.document(), into: db) else { return XCTFail() }
        let before = try Self.dump(db)
        var again = Self.document()
        again.title = "another title, same bytes"
        XCTAssertEqual(try DocumentWriter.write(again, into: db), .alreadyLoaded(disclosureID: id))
        XCTAssertEqual(try DocumentWriter.write(again, into: db, replace: true), .alreadyLoaded(disclosureID: id))
        XCTAssertEqual(try Self.dump(db), before)
    }

    func testSameUnitAndYearNeedsReplace() throws {
        let db = try database()
        guard case .imported(let first, let unitID, _) = try DocumentWriter.write(Self.document(), into: db) else { return XCTFail() }
        let before = try Self.dump(db)
        // Found through its alias: the same unit.
        var newer = Self.document(sha: "b", unit: "普陀区财政局")
        newer.facts[0].amountFen = 125_300_000
        newer.facts[0].printed = "125.30"
        newer.paragraphs.removeLast()
        XCTAssertThrowsError(try DocumentWriter.write(newer, into: db)) { error in
            guard let error = error as? DocumentWriteError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.code, "I110")
            XCTAssertTrue(error.message.contains("普陀区财政局"), error.message)
            XCTAssertTrue(error.message.contains("2024"), error.message)
            XCTAssertTrue(error.message.contains("--replace"), error.message)
        }
        XCTAssertEqual(try Self.dump(db), before)
        XCTAssertFalse(db.isInTransaction)

        guard case .imported(let second, let secondUnit, let replaced) = try DocumentWriter.write(newer, into: db, replace: true)
        else { return XCTFail() }
        XCTAssertEqual(secondUnit, unitID)
        XCTAssertEqual(replaced, first)
        XCTAssertEqual(try db.query("SELECT id, sha256 FROM disclosure"), [[.integer(second), .text(String(repeating: "b", count: 64))]])
        // Only the new version's rows remain (row ids may be reused, so compare contents).
        XCTAssertEqual(try db.query("SELECT printed FROM fact WHERE measure_id = 'expenditure_total' AND year = 2024"), [["125.30"]])
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM fact"), 5)
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM statement"), 2)
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM project"), 2)
        XCTAssertEqual(try db.query("SELECT source_kind FROM paragraph"), [["text"]])
        for table in ["fact", "statement", "project", "paragraph"] {
            XCTAssertEqual(try db.scalar("SELECT count(*) FROM \(table) WHERE disclosure_id != ?", [.integer(second)]), 0, table)
        }
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM project_figure"), 2)
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM indicator"), 2)
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM derivation_input"), 2)
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM unit"), 2, "no duplicate unit")
        // The FTS index lost the old rows with their paragraphs.
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM paragraph_fts WHERE paragraph_fts MATCH '信息化'"), 1)
        try db.execute("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('integrity-check')")
        // Another year of the same unit is simply added.
        guard case .imported = try DocumentWriter.write(Self.document(sha: "c", year: 2023), into: db) else { return XCTFail() }
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM disclosure WHERE unit_id = ?", [.integer(unitID)]), 2)
    }

    func testInvalidDocumentsChangeNothing() throws {
        let db = try database(.seeded)
        let before = try Self.dump(db)
        var unknownMeasure = Self.document()
        unknownMeasure.facts[4].measureID = "no_such_measure"
        var wrongFund = Self.document()
        wrongFund.facts[1].fund = "general"
        var badCode = Self.document()
        badCode.facts[2].code = "2010"
        var badReference = Self.document()
        badReference.statements[0].baseFact = 99
        var badProjectFigure = Self.document()
        badProjectFigure.projects[0].figures[0].amountFen = nil   // violates a CHECK, late in the write
        var badParagraph = Self.document()
        badParagraph.paragraphs.append(ImportedParagraph(section: "x", body: "", kind: "text", line: 200))

        let cases: [(ImportedDocument, String, Int?)] = [
            (unknownMeasure, "no_such_measure", 121), (wrongFund, "expenditure_total", 120), (badCode, "2010", 60),
            (badReference, "#99", 120), (badProjectFigure, "约束", 305), (badParagraph, "约束", 200),
        ]
        for (document, mention, line) in cases {
            XCTAssertThrowsError(try DocumentWriter.write(document, into: db, replace: true), mention) { error in
                guard let error = error as? DocumentWriteError else { return XCTFail("\(error)") }
                XCTAssertTrue(error.message.contains(mention), error.message)
                XCTAssertEqual(error.line, line, error.message)
            }
            XCTAssertFalse(db.isInTransaction)
            XCTAssertEqual(try Self.dump(db), before, mention)
        }
    }

    /// One writer for a whole import (its SQL compiled once): a document failing late in its
    /// write, between two good ones, changes nothing, and the writer's statements serve the next
    /// document as if nothing had happened — the database ends as separate writers leave it.
    func testOneWriterForManyDocumentsKeepsEachAtomic() throws {
        let shared = try database(.seeded)
        let writer = DocumentWriter(database: shared)
        let first = Self.document(sha: "a", unit: "上海市普陀区财政局")
        var failing = Self.document(sha: "b", unit: "上海市普陀区甲局")
        failing.unit.aliases = []
        failing.paragraphs.append(ImportedParagraph(section: "x", body: "", kind: "text", line: 200))   // CHECK fails last
        var second = Self.document(sha: "c", unit: "上海市普陀区乙局")
        second.unit.aliases = []

        guard case .imported = try writer.write(first) else { return XCTFail("first not imported") }
        let afterFirst = try Self.dump(shared)
        XCTAssertThrowsError(try writer.write(failing)) { error in
            XCTAssertEqual((error as? DocumentWriteError)?.code, "I111", "\(error)")
        }
        XCTAssertFalse(shared.isInTransaction)
        XCTAssertEqual(try Self.dump(shared), afterFirst, "the failed document left nothing")
        guard case .imported = try writer.write(second) else { return XCTFail("second not imported") }
        XCTAssertEqual(try writer.write(second), .alreadyLoaded(disclosureID: 3))

        let separate = try database(.seeded)
        for document in [first, second] { _ = try DocumentWriter.write(document, into: separate) }
        // The failed document's rolled-back ids are reused, so the rows match exactly.
        XCTAssertEqual(try Self.dump(shared), try Self.dump(separate))
        let search = "SELECT count(*) FROM paragraph_fts WHERE paragraph_fts MATCH '财政信息化'"
        XCTAssertEqual(try shared.scalar(search), 2, "both documents' paragraphs are indexed, the failed one's are not")
    }

    /// --replace deletes a disclosure; the cascade finds the derivations that use each deleted
    /// fact or statement through an index, not by reading the whole table per row.
    func testReplacingFindsDerivationInputsByIndex() throws {
        let db = try database()
        for column in ["input_fact_id", "input_statement_id"] {
            let plan = try db.query("EXPLAIN QUERY PLAN SELECT rowid FROM derivation_input WHERE \(column) = ?", [.integer(1)])
                .map { $0.last?.string ?? "" }.joined(separator: "\n")
            XCTAssertTrue(plan.contains("USING") && plan.contains("INDEX derivation_input_"), "\(column): \(plan)")
        }
    }

    func testSeedDocumentIsAlreadyLoaded() throws {
        let db = try database(.seeded)
        var seed = Self.document()
        seed.sha256 = "ad55e39453befcca0fd4ffb4950c5ac7ccb00119dce321d83eed00aa28604c4b"
        let before = try Self.dump(db)
        XCTAssertEqual(try DocumentWriter.write(seed, into: db), .alreadyLoaded(disclosureID: 1))
        XCTAssertEqual(try Self.dump(db), before)
    }

    func testSeedUnitIsFoundByAliasAndNeedsReplace() throws {
        let db = try database(.seeded)
        var document = Self.document(unit: "安居区委办", year: 2023)
        document.unit.region = "四川省遂宁市安居区"
        document.unit.aliases = []
        document.subunits = ["区委党史研究室"]
        XCTAssertThrowsError(try DocumentWriter.write(document, into: db)) { error in
            XCTAssertEqual((error as? DocumentWriteError)?.code, "I110")
        }
        guard case .imported(_, let unitID, let replaced) = try DocumentWriter.write(document, into: db, replace: true)
        else { return XCTFail() }
        XCTAssertEqual(unitID, 1)
        XCTAssertEqual(replaced, 1)
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM unit"), 5, "existing subunit reused")
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM fact"), 5, "the seed's facts are gone")
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM disclosure WHERE origin = 'seed'"), 0)
    }
}
