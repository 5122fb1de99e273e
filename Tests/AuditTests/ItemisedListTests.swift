import XCTest
import Core
@testable import Audit

/// D9: the narrative's itemised 项 list against the tables and its own stated totals.
/// Seed text (fixtures/disclosures/000_aa60969cd7f058a1.txt): total line 81 (889.16), items
/// lines 82-102 (13 项, 决算 only, each “决算数与预算数持平”). caizhengju
/// (2024-shanghai-putuo-caizhengju.txt): total line 487 (年初预算 2993.92, 决算 2940.05),
/// items lines 492-527 (11 项 with 年初预算 and 决算).
final class ItemisedListTests: XCTestCase {
    typealias Fixture = TableRulesFixture

    /// The seed's 13 items add up to the stated 889.16 (line 81) and each is in the table: pass.
    func testSeedItemsReconcile() throws {
        let document = try Fixture.seed()
        let items = D9ItemisedList.itemFacts(document, fund: "general", column: "actual")
        XCTAssertEqual(items.count, 13)
        XCTAssertEqual(items.map(\.lineFrom).min(), 82)
        XCTAssertEqual(items.map(\.lineFrom).max(), 102)
        guard case .pass = D9ItemisedList.evaluate(document) else {
            return XCTFail(Fixture.describe(D9ItemisedList.evaluate(document)))
        }
    }

    /// An item raised by 1.00 (line 82: 27.02 → 28.02): Σ 890.16 is outside what the printed
    /// items (25.5 and 1 printed with fewer decimals) can round to around 889.16: an error at line 81.
    func testSeedItemRaisedBreaksTheStatedTotal() throws {
        let document = try Fixture.seedText(edits: [(82, "支出决算为27.02万元", "支出决算为28.02万元")])
        let findings = Fixture.findings(D9ItemisedList.self, document)
        XCTAssertEqual(Fixture.summary(findings), ["error D9.itemised-list L81 889.16/890.16"])
    }

    /// Raised by 0.01 only: inside the interval of 25.5 and 1 (rounding), an info note.
    func testSeedItemRaisedByACentIsARoundingNote() throws {
        let document = try Fixture.seedText(edits: [(82, "支出决算为27.02万元", "支出决算为27.03万元")])
        XCTAssertEqual(Fixture.findings(D9ItemisedList.self, document).map(\.severity), [.info])
    }

    /// Item 4 (line 87, 2013150 事业运行 97.71) no longer itemised. The seed prints no 附表, so
    /// the gap shows in the sum: Σ 791.45 short of 889.16 (line 81) by 97.71, one warning
    /// (a missing disclosure, not an impossible figure).
    func testSeedItemLeftOutIsAShortSum() throws {
        let document = try Fixture.seedText(edits: [(87, "支出决算为97.71万元", "支出决算见附表")])
        let findings = Fixture.findings(D9ItemisedList.self, document)
        XCTAssertEqual(Fixture.summary(findings), ["warning D9.itemised-list L81 889.16/791.45"])
        XCTAssertTrue(findings.first?.message.contains("相差 97.71") == true, findings.first?.message ?? "")
    }

    /// A table 项 with a non-zero 决算 left out of the list (table facts built, as the seed prints
    /// no 附表): one warning naming the 项; the short Σ it explains is not reported again.
    func testTableItemLeftOutIsReportedOnce() throws {
        let seed = try Fixture.seed()
        var document = try Fixture.seedText(edits: [(87, "支出决算为97.71万元", "支出决算见附表")])
        var next = (document.facts.map(\.id).max() ?? 0) + 1
        for item in D9ItemisedList.itemFacts(seed, fund: "general", column: "actual") {
            var row = item
            row.id = next; next += 1
            row.sourceKind = "table"
            row.lineFrom = 200 + item.lineFrom; row.lineTo = row.lineFrom
            document.facts.append(row)
        }
        let findings = Fixture.findings(D9ItemisedList.self, document)
        XCTAssertEqual(Fixture.summary(findings), ["warning D9.itemised-list L287 未列/列出 2013150"])
    }

    /// 年初预算 per item, as the importer may store it (built here): equal to 决算 → pass; one
    /// item's budget 30.00 against the printed “决算数与预算数持平” (line 82) → error, and
    /// Σ 年初预算 892.14 against the stated 889.16 → error.
    func testSeedWithItemBudgets() throws {
        let seed = try Fixture.seed()
        let equal = withBudgets(seed, total: "889.16", totalLine: 81) { $0.printed ?? "" }
        guard case .pass = D9ItemisedList.evaluate(equal) else { return XCTFail(Fixture.describe(D9ItemisedList.evaluate(equal))) }
        let raised = withBudgets(seed, total: "889.16", totalLine: 81) { $0.lineFrom == 82 ? "30.00" : $0.printed ?? "" }
        let findings = Fixture.findings(D9ItemisedList.self, raised)
        XCTAssertEqual(Set(findings.map { "\($0.severity.rawValue) L\($0.line)" }), ["error L81", "error L82"],
                       Fixture.summary(findings).joined(separator: "\n"))
        XCTAssertTrue(findings.contains { $0.stated == "决算数与预算数持平" })
    }

    /// An item whose budget differs, with no comparison and no reason before the next item: a
    /// warning; a reason printed after it: pass.
    func testItemDifferenceNeedsAReason() throws {
        var seed = try Fixture.seed()
        for index in seed.paragraphs.indices where seed.paragraphs[index].line == 82 {
            seed.paragraphs[index].body = seed.paragraphs[index].body.replacingOccurrences(of: "决算数与预算数持平。", with: "")
        }
        let raised = withBudgets(seed, total: "891.14", totalLine: 81) { $0.lineFrom == 82 ? "29.00" : $0.printed ?? "" }
        let findings = Fixture.findings(D9ItemisedList.self, raised)
        XCTAssertEqual(Fixture.summary(findings), ["warning D9.itemised-list L82 未说明/说明决算数与预算数差异的原因"])
        var explained = raised
        for index in explained.paragraphs.indices where explained.paragraphs[index].line == 82 {
            explained.paragraphs[index].body += "主要原因是招商活动减少。"
        }
        guard case .pass = D9ItemisedList.evaluate(explained) else {
            return XCTFail(Fixture.describe(D9ItemisedList.evaluate(explained)))
        }
    }

    /// 政府性基金 items (built): a table 项 with a non-zero 决算 left out of the text is a warning;
    /// a text 项 the 基金 table lacks is a warning too.
    func testGovernmentFundItemsAgainstTheFundTable() throws {
        var document = try Fixture.seed()
        let next = (document.facts.map(\.id).max() ?? 0) + 1
        func fact(_ id: Int64, _ code: String, _ printed: String, _ source: String, _ line: Int, measure: String? = nil) -> AuditFact {
            AuditFact(id: id, measureID: measure, code: measure == nil ? code : nil, fund: "gov_fund", column: "actual", year: document.year,
                      amountFen: Amount(printed: printed, unit: document.moneyUnit)?.fen, quantity: nil, printed: printed,
                      printedUnit: "万元", derived: false, sourceKind: source, lineFrom: line, lineTo: line)
        }
        document.facts += [
            fact(next, "2121999", "10.00", "table", 300), fact(next + 1, "2070904", "5.00", "table", 301),
            fact(next + 2, "", "15.00", "text", 400, measure: "gov_fund_expenditure"),
            fact(next + 3, "2121999", "10.00", "text", 401),
        ]
        let findings = Fixture.findings(D9ItemisedList.self, document)
        XCTAssertEqual(Fixture.summary(findings), ["warning D9.itemised-list L301 未列/列出 2070904"])
        document.facts.append(fact(next + 4, "2070999", "5.00", "text", 402))
        let more = Fixture.findings(D9ItemisedList.self, document)
        XCTAssertEqual(more.map(\.severity), [.warning, .warning], Fixture.summary(more).joined(separator: "\n"))
        XCTAssertTrue(more.contains { $0.message.contains("2070999") && $0.stated == "表中没有" })
    }

    // MARK: caizhengju, items with 年初预算 and 决算 (facts built as the importer is to store them)

    /// The 11 items of caizhengju: code (as its 一般公共预算 table prints it, lines 292-308),
    /// the line and printed figure of 年初预算 and of 决算.
    static let caizhengjuItems: [(code: String, budgetLine: Int, budget: String, actualLine: Int, actual: String)] = [
        ("2010601", 493, "1560.05", 493, "1511.89"), ("2010602", 496, "10.00", 496, "10.00"),
        ("2010607", 499, "135.90", 499, "135.25"), ("2010608", 502, "450.52", 503, "449.52"),
        ("2080501", 506, "85.55", 506, "84.65"), ("2080505", 510, "161.62", 510, "160.75"),
        ("2080506", 513, "80.81", 514, "80.38"), ("2080599", 517, "0.94", 518, "0.94"),
        ("2101101", 520, "62.29", 520, "60.99"), ("2210201", 523, "187.75", 523, "187.19"),
        ("2210203", 526, "258.50", 526, "258.50"),
    ]

    /// caizhengju (or an edited copy) with the items' facts; each figure is first found on its line.
    func caizhengju(edits: [(line: Int, old: String, new: String)] = [], budget: [String: String] = [:]) throws -> AuditDocument {
        var document = try Fixture.shanghai(Fixture.caizhengju, edits: edits)
        let lines = try String(contentsOfFile: Fixture.root + "/" + Fixture.caizhengju, encoding: .utf8).components(separatedBy: "\n")
        // The importer reads the same items (ItemisedBudgets); they must agree with this key,
        // and are replaced by it so that `budget` can misprint one.
        let codes = Set(Self.caizhengjuItems.map(\.code))
        let imported = document.facts.filter { $0.sourceKind == "text" && codes.contains($0.code ?? "") && $0.column == "budget_initial" }
        XCTAssertEqual(Dictionary(imported.map { ($0.code ?? "", $0.printed ?? "") }, uniquingKeysWith: { a, _ in a }),
                       Dictionary(Self.caizhengjuItems.map { ($0.code, $0.budget) }, uniquingKeysWith: { a, _ in a }))
        document.facts.removeAll { $0.sourceKind == "text" && codes.contains($0.code ?? "") && ["budget_initial", "actual"].contains($0.column) }
        var next = (document.facts.map(\.id).max() ?? 0) + 1
        for item in Self.caizhengjuItems {
            for (column, line, printed) in [("budget_initial", item.budgetLine, budget[item.code] ?? item.budget), ("actual", item.actualLine, item.actual)] {
                let original = column == "actual" ? item.actual : item.budget
                XCTAssertTrue(lines[line - 1].contains(original), "line \(line) has no \(original)")
                document.facts.append(AuditFact(id: next, measureID: nil, code: item.code, fund: "general", column: column, year: document.year,
                                                amountFen: Amount(printed: printed, unit: document.moneyUnit)?.fen, quantity: nil,
                                                printed: printed, printedUnit: "万元", derived: false, sourceKind: "text",
                                                lineFrom: line, lineTo: line))
                next += 1
            }
        }
        return document
    }

    /// As printed: each item is in the table, each difference has its reason (e.g. line 494),
    /// the 持平 items are equal (lines 496-497, 517-518). Σ 年初预算 2993.93 against the stated
    /// 2993.92 and Σ 决算 2940.06 against 2940.05 (line 487): rounding notes only.
    func testCaizhengjuItemsAsPrinted() throws {
        let document = try caizhengju()
        let findings = Fixture.findings(D9ItemisedList.self, document)
        XCTAssertEqual(Fixture.summary(findings), ["info D9.itemised-list L487 2940.05；2993.92/2940.06；2993.93"])
        XCTAssertTrue(findings.first?.message.hasPrefix("正文逐项说明有 2 处尾差") == true, findings.first?.message ?? "")
    }

    /// Item 1's reason removed (line 494): the 1560.05 / 1511.89 difference is unexplained.
    func testCaizhengjuReasonRemoved() throws {
        let document = try caizhengju(edits: [(494, "决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。", "")])
        let warnings = Fixture.findings(D9ItemisedList.self, document).filter { $0.severity != .info }
        XCTAssertEqual(Fixture.summary(warnings), ["warning D9.itemised-list L493 未说明/说明决算数与预算数差异的原因"])
    }

    /// Item 3 (line 499) says 决算数大于预算数 while 135.25 < 135.90: an error.
    func testCaizhengjuComparisonReversed() throws {
        let document = try caizhengju(edits: [(499, "决算数小于", "决算数大于")])
        let errors = Fixture.findings(D9ItemisedList.self, document).filter { $0.severity == .error }
        XCTAssertEqual(Fixture.summary(errors), ["error D9.itemised-list L499 决算数大于预算数/决算数小于预算数"])
    }

    /// Item 11's 年初预算 misprinted as 268.50 (line 526): Σ 3003.93 exceeds 2993.92 (error), and
    /// “决算数与预算数基本持平” is not contradicted (基本 allows a gap) but the gap has no reason.
    func testCaizhengjuItemBudgetMisprinted() throws {
        let document = try caizhengju(budget: ["2210203": "268.50"])
        let findings = Fixture.findings(D9ItemisedList.self, document)
        XCTAssertEqual(Fixture.summary(findings), ["error D9.itemised-list L487 2993.92/3003.93",
                                                   "info D9.itemised-list L487 2940.05/2940.06",
                                                   "warning D9.itemised-list L526 未说明/说明决算数与预算数差异的原因"])
    }

    /// The seed with a 年初预算 fact per item (printed as `budget` says) and a stated total.
    func withBudgets(_ document: AuditDocument, total: String, totalLine: Int, budget: (AuditFact) -> String) -> AuditDocument {
        var copy = document
        var next = (document.facts.map(\.id).max() ?? 0) + 1
        let items = D9ItemisedList.itemFacts(document, fund: "general", column: "actual")
        for item in items {
            var fact = item
            fact.id = next; next += 1
            fact.column = "budget_initial"
            fact.printed = budget(item)
            fact.amountFen = Amount(printed: fact.printed ?? "", unit: document.moneyUnit)?.fen
            copy.facts.append(fact)
        }
        copy.facts.append(AuditFact(id: next, measureID: "general_expenditure", code: nil, fund: "general", column: "budget_initial",
                                    year: document.year, amountFen: Amount(printed: total, unit: document.moneyUnit)?.fen, quantity: nil,
                                    printed: total, printedUnit: "万元", derived: false, sourceKind: "text",
                                    lineFrom: totalLine, lineTo: totalLine))
        return copy
    }
}
