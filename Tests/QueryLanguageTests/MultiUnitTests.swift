import Core
import QueryLanguage
import Store
import XCTest

/// Every statement of the language on a second, hand-built database (MultiUnitFixture): a
/// 部门, its 二级单位 with disclosures of its own, an unrelated 部门, two years. Results come
/// in one block per unit, never summed; `top` never adds the 二级单位 whose 部门 is ranked;
/// the year rule, rollups, shares and changes are checked against arithmetic done here from
/// the fixture's constants.
final class MultiUnitTests: XCTestCase {
    typealias F = MultiUnitFixture
    var harness: QueryHarness!

    let department = F.department
    let subunit = F.subunit
    let other = F.other

    override func setUpWithError() throws {
        harness = QueryHarness(try F.build())
    }

    // MARK: Helpers

    private func fen(_ printed: String) -> Int64 { F.fen(printed) }

    private func percent(_ numerator: Int64?, _ denominator: Int64?) -> Int64? {
        guard let numerator, let denominator else { return nil }
        return Rounding.percent(numerator, of: denominator, decimals: 2)
    }

    private func cell(_ value: Int64?) -> Cell { value.map { .integer($0) } ?? .null }

    private func change(_ first: Int64?, _ second: Int64?) -> Int64? {
        guard let first, let second else { return nil }
        return second - first
    }

    /// Applies a `use` statement to the harness's context as the session does.
    private func use(_ line: String, file: StaticString = #filePath, line testLine: UInt = #line) throws {
        switch try harness.prepare(line) {
        case .useUnit(let unit): harness.context.units = [unit.id]
        case .useYear(let year, let document):
            harness.context.year = year
            harness.context.document = document
        case .useAll:
            harness.context.units = []
            harness.context.year = nil
            harness.context.document = .final
        default: XCTFail("\(line) is not a use statement", file: file, line: testLine)
        }
    }

    /// Rows per block, asserting every row has a block, each unit's rows are consecutive,
    /// a 二级单位's block comes right after its 部门's, and the blocks are `expected`.
    @discardableResult
    private func blocks(_ rows: [ResultRow], _ expected: [F.UnitSpec], file: StaticString = #filePath,
                        line: UInt = #line) -> [String: [ResultRow]] {
        var order: [String] = []
        for row in rows {
            guard let block = row.block else {
                XCTFail("row without a block: \(row.cells)", file: file, line: line)
                continue
            }
            if order.last != block {
                XCTAssertFalse(order.contains(block), "rows of \(block) are split into several blocks", file: file, line: line)
                order.append(block)
            }
        }
        XCTAssertEqual(Set(order), Set(expected.map(\.name)), "blocks", file: file, line: line)
        for child in expected where child.parentID != nil {
            guard let parent = expected.first(where: { $0.id == child.parentID }),
                  let parentIndex = order.firstIndex(of: parent.name), let childIndex = order.firstIndex(of: child.name) else { continue }
            XCTAssertEqual(childIndex, parentIndex + 1, "\(child.name) follows its 部门 \(parent.name)", file: file, line: line)
        }
        return Dictionary(grouping: rows) { $0.block ?? "" }
    }

    /// A blank cell is never marked derived (machine formats list derived columns by name).
    private func assertNoDerivedBlank(_ rows: [ResultRow], _ statement: String, file: StaticString = #filePath, line: UInt = #line) {
        for row in rows {
            for index in row.derivedCells where index < row.cells.count && row.cells[index] == .null {
                XCTFail("\(statement): blank cell \(index) of \(row.text(0)) (\(row.block ?? "-")) is marked derived",
                        file: file, line: line)
            }
        }
    }

    private var catalog: Catalog { get throws { try harness.catalog } }

    private func measureID(named name: String) throws -> String {
        try XCTUnwrap(try catalog.measures.first { $0.nameZh == name }?.id, "no measure \(name)")
    }

    // MARK: The fixture itself

    func testTheFixtureHoldsOnlyItsOwnUnitsAndYears() throws {
        let units = try harness.rows("units")
        XCTAssertEqual(units.count, 3)
        XCTAssertFalse(units.contains { $0.text(0).contains("安居") }, "no seed unit in the fixture")
        let names = units.map { $0.text(0) }
        let departmentIndex = try XCTUnwrap(names.firstIndex(of: department.name))
        XCTAssertEqual(names[departmentIndex + 1], subunit.name, "二级单位 listed under its 部门")
        for spec in F.units {
            let row = try XCTUnwrap(units.first { $0.text(0) == spec.name })
            XCTAssertEqual(row.text(1), spec.region)
            XCTAssertEqual(row.text(2), spec.kind)
            XCTAssertEqual(row.cells[3], spec.parentID.map { Cell.text(F.unit(id: $0).name) } ?? Cell.null)
            XCTAssertEqual(row.text(4), spec.aliases.sorted().joined(separator: "、"))
            let years = F.disclosures.filter { $0.unitID == spec.id }.map(\.year).sorted()
            XCTAssertEqual(row.text(5), years.map(String.init).joined(separator: "、"))
            XCTAssertEqual(row.level, spec.parentID == nil ? 1 : 2)
        }

        let years = try harness.rows("years")
        XCTAssertEqual(years.map { $0.integer(0) }, [2023, 2024])
        for row in years {
            let year = Int(row.integer(0) ?? 0)
            let loaded = F.disclosures.filter { $0.year == year }
            XCTAssertEqual(row.integer(1), Int64(Set(loaded.map(\.unitID)).count))
            XCTAssertEqual(row.integer(2), Int64(loaded.count))
            XCTAssertEqual(row.text(3), loaded.map { F.unit(id: $0.unitID).name }.sorted().joined(separator: "、"))
        }
    }

    func testSubjectsAndCodesComeFromTheCatalog() throws {
        let subjects = try harness.rows("subjects")
        XCTAssertEqual(subjects.count, try catalog.measures.count)
        XCTAssertEqual(subjects.first?.text(0), "收支总计")
        let sangong = try XCTUnwrap(subjects.firstIndex { $0.text(0) == "三公经费" })
        XCTAssertEqual(subjects[sangong + 1].text(0), "因公出国（境）费")
        XCTAssertEqual(subjects[sangong + 1].level, 2)

        let codes = try harness.rows("codes 20106")
        XCTAssertEqual(codes.first?.text(0), "20106")
        XCTAssertEqual(codes.first?.level, 2)
        XCTAssertTrue(codes.allSatisfy { $0.text(0).hasPrefix("20106") })
        XCTAssertEqual(codes.map { $0.text(0) }, codes.map { $0.text(0) }.sorted())
        XCTAssertEqual(codes.first { $0.text(0) == "2010601" }?.text(1), "行政运行")
        XCTAssertEqual(codes.first { $0.text(0) == "2010602" }?.level, 3)

        let housing = try harness.rows("codes like 住房")
        XCTAssertTrue(housing.contains { $0.text(0) == "2210201" })
        XCTAssertTrue(housing.allSatisfy { $0.text(1).contains("住房") })
        let expected = try harness.connections.reader.scalar("""
            SELECT (SELECT count(*) FROM func_code WHERE to_year IS NULL AND instr(name, '住房') > 0)
                 + (SELECT count(*) FROM econ_code WHERE to_year IS NULL AND instr(name, '住房') > 0)
            """)?.int64
        XCTAssertEqual(Int64(housing.count), expected)
    }

    // MARK: Units: alias, substring, ambiguity, use

    func testUnitsResolveByNameAliasAndUniqueSubstring() throws {
        for (name, unit) in [(department.name, department), ("市财政局", department), ("财政局", department),
                             ("信息中心", subunit), ("测试市财政信息中心", subunit), ("教育", other), ("市教育局", other)] {
            let rows = try harness.rows("summary for \(name)")
            XCTAssertEqual(Set(rows.compactMap(\.block)), [unit.name], name)
            XCTAssertEqual(rows.count, 9, name)
        }
        for ambiguous in ["summary for 财政", "summary for 测试市", "use 测试市", "breakdown 201 for 财政",
                          "projects for 测试", "find 接待 for 财政"] {
            XCTAssertEqual(harness.diagnostic(ambiguous)?.code, "Q205", ambiguous)
        }
        XCTAssertEqual(harness.diagnostic("summary for 卫生局")?.code, "Q204")
    }

    /// An alias the documents print for two units (unit_alias allows it) names neither alone.
    func testAnAliasOfTwoUnitsIsAmbiguous() throws {
        let shared = Set(department.aliases).intersection(subunit.aliases)
        XCTAssertEqual(shared, ["市财政"], "the fixture gives both units this alias")
        for statement in ["summary for 市财政", "use 市财政", "breakdown 201 for 市财政"] {
            XCTAssertEqual(harness.diagnostic(statement)?.code, "Q205", "\(statement) must not silently pick one unit")
        }
    }

    func testUseUnitUseYearAndUseAll() throws {
        XCTAssertEqual(try harness.compile("summary").shape.columns.map(\.title)[1...2], ["2023年", "2024年"],
                       "default year is the latest loaded")
        try use("use 2023")
        XCTAssertEqual(harness.context.year, 2023)
        let rows2023 = try harness.rows("summary")
        XCTAssertEqual(try harness.compile("summary").shape.columns.map(\.title)[1...2], ["2022年", "2023年"])
        let grandTotal = try XCTUnwrap(blocks(rows2023, [department, subunit, other])[department.name]?.first)
        XCTAssertEqual(grandTotal.text(0), "收支总计")
        XCTAssertEqual(grandTotal.integer(1), fen("1000.00"), "2022 as the 2023 disclosure states it")
        XCTAssertEqual(grandTotal.integer(2), fen("1200.00"))
        XCTAssertEqual(grandTotal.integer(3), fen("200.00"))
        XCTAssertEqual(grandTotal.integer(4), Rounding.percent(fen("200.00"), of: fen("1000.00"), decimals: 2))
        XCTAssertEqual(grandTotal.integer(4), 2000)

        try use("use 市财政局")
        let mine = try harness.rows("summary")
        blocks(mine, [department])
        XCTAssertEqual(mine.count, 9)
        XCTAssertEqual(mine.first?.integer(2), fen("1200.00"), "use UNIT keeps the use year")
        let override = try harness.rows("summary 2024 for 信息中心")
        blocks(override, [subunit])
        XCTAssertEqual(override.first?.integer(2), fen("333.33"))

        try use("use all")
        XCTAssertNil(harness.context.year)
        XCTAssertEqual(harness.context.units, [])
        let all = try harness.rows("summary")
        blocks(all, [department, subunit, other])
        XCTAssertEqual(all.count, 27)
        XCTAssertEqual(all.first { $0.block == department.name }?.integer(2), fen("1311.11"))
    }

    // MARK: summary

    static let summaryMeasures = ["grand_total", "income_total", "expenditure_total", "basic", "project",
                                  "fiscal_expenditure", "general_expenditure", "sangong", "admin_operating"]

    func testSummaryPerUnitEqualsTheYearRule() throws {
        for year in [2023, 2024] {
            let rows = try harness.rows("summary \(year)")
            let byUnit = blocks(rows, [department, subunit, other])
            for unit in F.units {
                let unitRows = try XCTUnwrap(byUnit[unit.name])
                XCTAssertEqual(unitRows.count, Self.summaryMeasures.count)
                for (row, measure) in zip(unitRows, Self.summaryMeasures) {
                    XCTAssertEqual(row.text(0), try catalog.measure(id: measure)?.nameZh)
                    let prior = F.value(unit.id, measure, year - 1), current = F.value(unit.id, measure, year)
                    let label = "\(unit.name) \(measure) \(year)"
                    XCTAssertEqual(row.cells[1], cell(prior?.fen), label)
                    XCTAssertEqual(row.cells[2], cell(current?.fen), label)
                    XCTAssertEqual(row.cells[3], cell(change(prior?.fen, current?.fen)), label)
                    XCTAssertEqual(row.cells[4], cell(percent(change(prior?.fen, current?.fen), prior?.fen)), label)
                    XCTAssertEqual(row.derivedCells.contains(1), prior?.derived ?? false, label)
                    XCTAssertEqual(row.derivedCells.contains(2), current?.derived ?? false, label)
                }
            }
            assertNoDerivedBlank(rows, "summary \(year)")
        }
    }

    func testSummaryYearRuleAndBlanks() throws {
        let rows = try XCTUnwrap(blocks(try harness.rows("summary"), [department, subunit, other])[department.name])
        let byItem = Dictionary(uniqueKeysWithValues: rows.map { ($0.text(0), $0) })
        // 三公经费 2023: the 2023 disclosure says 20.00, the 2024 one 19.80: own year first.
        let sangong = try XCTUnwrap(byItem["三公经费"])
        XCTAssertEqual(sangong.integer(1), fen("20.00"))
        XCTAssertNotEqual(sangong.integer(1), fen("19.80"))
        XCTAssertEqual(sangong.integer(3), fen("18.00") - fen("20.00"))
        XCTAssertEqual(sangong.integer(4), -1000)
        // 机关运行经费 2023: only the 2024 disclosure states it.
        let operating = try XCTUnwrap(byItem["机关运行经费"])
        XCTAssertEqual(operating.integer(1), fen("88.10"))
        XCTAssertEqual(operating.integer(4), Rounding.percent(fen("95.27") - fen("88.10"), of: fen("88.10"), decimals: 2))
        XCTAssertEqual(operating.integer(4), 814)
        // 财政拨款支出 2023 is stated nowhere: blank, and so are its change and rate.
        let fiscal = try XCTUnwrap(byItem["财政拨款支出"])
        XCTAssertEqual(fiscal.cells[1], .null)
        XCTAssertEqual(fiscal.integer(2), fen("1100.00"))
        XCTAssertEqual(fiscal.cells[3], .null)
        XCTAssertEqual(fiscal.cells[4], .null)
        // The table cell wins over the rounded narrative 1311.1.
        XCTAssertEqual(byItem["收支总计"]?.integer(2), fen("1311.11"))
        XCTAssertEqual(byItem["收支总计"]?.integer(4), 926)

        let sub = try harness.rows("summary for 信息中心")
        XCTAssertEqual(sub.first { $0.text(0) == "三公经费" }?.cells[2], .null, "no 2024 三公经费 total printed: blank, not 0")
        // −0.01 / 8.00 = −0.125%: half away from zero is −0.13%, not −0.12%.
        let subOperating = try XCTUnwrap(sub.first { $0.text(0) == "机关运行经费" })
        XCTAssertEqual(subOperating.integer(3), -fen("0.01"))
        XCTAssertEqual(subOperating.integer(4), Rounding.percent(-fen("0.01"), of: fen("8.00"), decimals: 2))
        XCTAssertEqual(subOperating.integer(4), -13)
        let edu = try harness.rows("summary for 教育局")
        XCTAssertTrue(edu.allSatisfy { $0.cells[1] == .null }, "教育局 has no 2023 figures")
    }

    // MARK: compare

    func testCompareSangongPerUnit() throws {
        let rows = try harness.rows("compare 三公 2023 2024")
        let byUnit = blocks(rows, [department, subunit, other])
        let levelOne = ["sangong_abroad", "sangong_vehicle", "sangong_reception"]
        for unit in F.units {
            let unitRows = try XCTUnwrap(byUnit[unit.name])
            XCTAssertEqual(unitRows.filter(\.isTotal).count, 1, unit.name)
            XCTAssertTrue(unitRows.last?.isTotal ?? false, "total line last in \(unit.name)")
            for row in unitRows where !row.isTotal {
                let measure = try measureID(named: row.text(0))
                let first = F.value(unit.id, measure, 2023), second = F.value(unit.id, measure, 2024)
                let label = "\(unit.name) \(row.text(0))"
                XCTAssertEqual(row.cells[1], cell(first?.fen), label)
                XCTAssertEqual(row.cells[2], cell(second?.fen), label)
                XCTAssertEqual(row.cells[3], cell(change(first?.fen, second?.fen)), label)
                XCTAssertEqual(row.cells[4], cell(percent(change(first?.fen, second?.fen), first?.fen)), label)
                XCTAssertEqual(row.derivedCells.contains(1), first?.derived ?? false, label)
            }
            // The total: printed where printed, else the sum of the parts when all are known.
            func total(_ year: Int) -> Int64? {
                if let printed = F.value(unit.id, "sangong", year) { return printed.fen }
                let parts = levelOne.map { F.value(unit.id, $0, year)?.fen }
                return parts.contains(nil) ? nil : parts.compactMap { $0 }.reduce(0, +)
            }
            let totalRow = try XCTUnwrap(unitRows.last)
            XCTAssertEqual(totalRow.cells[1], cell(total(2023)), unit.name)
            XCTAssertEqual(totalRow.cells[2], cell(total(2024)), unit.name)
            XCTAssertEqual(totalRow.cells[3], cell(change(total(2023), total(2024))), unit.name)
        }
        let department = try XCTUnwrap(byUnit[self.department.name])
        func row(_ rows: [ResultRow], _ name: String) throws -> ResultRow { try XCTUnwrap(rows.first { $0.text(0) == name }, name) }
        let abroad = try row(department, "因公出国（境）费")
        XCTAssertEqual(abroad.integer(2), 0, "an explicit 0 is a value")
        XCTAssertEqual(abroad.integer(4), -10000)
        let purchase = try row(department, "公务用车购置费")
        XCTAssertEqual(purchase.integer(1), fen("4.00"))
        XCTAssertEqual(purchase.cells[2], .null, "blank stays blank")
        XCTAssertEqual(purchase.cells[3], .null)
        XCTAssertEqual(purchase.level, 2)
        XCTAssertEqual(department.last?.integer(1), fen("20.00"), "the 2023 disclosure's own 三公经费, not the 19.80 restated in 2024")
        XCTAssertEqual(department.last?.integer(2), fen("18.00"))

        let sub = try XCTUnwrap(byUnit[subunit.name])
        let operation = try row(sub, "公务用车运行维护费")
        XCTAssertEqual(operation.integer(1), fen("1.80") + fen("0.20"), "derived from 1.80 and 比上年减少0.20")
        XCTAssertEqual(operation.derivedCells, [1])
        XCTAssertEqual(operation.integer(3), -fen("0.20"))
        XCTAssertEqual(operation.integer(4), -1000)
        XCTAssertEqual(try row(sub, "因公出国（境）费").cells[4], .null, "no rate on a zero base")
        XCTAssertEqual(sub.last?.integer(2), fen("0") + fen("1.80") + fen("1.20"), "no printed 2024 total: sum of the parts")
        XCTAssertTrue(sub.last?.derivedCells.contains(2) ?? false)

        let edu = try XCTUnwrap(byUnit[other.name])
        XCTAssertEqual(edu.last?.cells[1], .null, "no 2023 parts: blank total")
        XCTAssertEqual(edu.last?.cells[3], .null)
    }

    func testCompareBlankTotalIsNotMarkedDerived() throws {
        assertNoDerivedBlank(try harness.rows("compare 三公 2023 2024"), "compare 三公 2023 2024")
    }

    func testCompareForOneUnit() throws {
        let rows = try harness.rows("compare 支出 2023 2024 for 市财政局")
        blocks(rows, [department])
        let basic = try XCTUnwrap(rows.first { $0.text(0) == "基本支出" })
        XCTAssertEqual(basic.integer(3), fen("864.20") - fen("800.00"))
        XCTAssertEqual(basic.integer(4), Rounding.percent(fen("64.20"), of: fen("800.00"), decimals: 2))
        XCTAssertEqual(basic.integer(4), 803)
        let total = try XCTUnwrap(rows.last)
        XCTAssertTrue(total.isTotal)
        XCTAssertEqual(total.integer(1), fen("1150.00"))
        XCTAssertEqual(total.integer(2), fen("1234.56"))
        XCTAssertEqual(total.integer(4), Rounding.percent(fen("84.56"), of: fen("1150.00"), decimals: 2))
        XCTAssertNotEqual(total.integer(2), fen("1234.56") + fen("310.00"), "never summed with the 二级单位")
        XCTAssertEqual(rows.first { $0.text(0) == "上缴上级支出" }?.cells[1], .null)
    }

    // MARK: breakdown CODE

    private struct BreakdownRow: Equatable, CustomStringConvertible {
        let code: String
        let fen: Int64
        let share: Int64?
        let derived: Bool
        let isTotal: Bool
        var description: String { "\(isTotal ? "合计 " : "")\(code) \(fen) \(share.map(String.init) ?? "∅")\(derived ? "*" : "")" }
    }

    /// The rows `breakdown NODE` should give for one unit, from the constants.
    private func expectedBreakdown(_ unit: Int64, _ node: String, year: Int, depth: Int? = nil, column: String = "actual",
                                   fund: String? = nil) -> [BreakdownRow] {
        guard let fund = fund ?? F.breakdownFund(unit, year: year) else { return [] }
        if node.count == 7 {
            guard let value = F.codeValue(unit, node, fund: fund, column: column, year: year) else { return [] }
            return [BreakdownRow(code: node, fen: value, share: nil, derived: false, isTotal: false)]
        }
        let items = F.items(unit, under: node, fund: fund, column: column, year: year)
        guard let total = F.nodeAmount(unit, node, fund: fund, column: column, year: year) else { return [] }
        let lengths = depth.map { Array(stride(from: node.count + 2, through: min(node.count + 2 * $0, 7), by: 2)) } ?? [7]
        let nodes = Set(items.flatMap { item in lengths.map { String(item.code.prefix($0)) } }).sorted()
        return nodes.compactMap { code in
            F.nodeAmount(unit, code, fund: fund, column: column, year: year).map {
                BreakdownRow(code: code, fen: $0.fen, share: percent($0.fen, total.fen), derived: $0.derived, isTotal: false)
            }
        } + [BreakdownRow(code: node, fen: total.fen, share: percent(total.fen, total.fen), derived: total.derived, isTotal: true)]
    }

    private func actualBreakdown(_ rows: [ResultRow], sevenDigit: Bool) -> [BreakdownRow] {
        rows.map {
            BreakdownRow(code: $0.text(0), fen: $0.integer(2) ?? -1, share: $0.integer(3),
                         derived: $0.derivedCells.contains(2), isTotal: $0.isTotal)
        }
    }

    private func checkBreakdown(_ statement: String, node: String, year: Int = 2024, depth: Int? = nil, column: String = "actual",
                                fund: String? = nil, units: [F.UnitSpec], file: StaticString = #filePath, line: UInt = #line) throws {
        let rows = try harness.rows(statement)
        let byUnit = blocks(rows, units, file: file, line: line)
        for unit in units {
            let expected = expectedBreakdown(unit.id, node, year: year, depth: depth, column: column, fund: fund)
            XCTAssertEqual(actualBreakdown(byUnit[unit.name] ?? [], sevenDigit: node.count == 7), expected,
                           "\(statement) — \(unit.name)", file: file, line: line)
            XCTAssertFalse(expected.isEmpty, "the fixture should give \(unit.name) rows for \(statement)", file: file, line: line)
        }
        if depth != nil {
            for row in rows where !row.isTotal {
                XCTAssertEqual(row.level, (row.text(0).count - node.count) / 2, "\(statement) level of \(row.text(0))", file: file, line: line)
            }
        }
    }

    func testBreakdownCodePicksTheFundPerUnit() throws {
        // 财政局 reads its 支出决算表 (all funds), 信息中心 its 一般公共预算 rows; 教育局 has none.
        try checkBreakdown("breakdown 201", node: "201", units: [department, subunit])
        let rows = try harness.rows("breakdown 201")
        let byUnit = blocks(rows, [department, subunit])
        let departmentRows = try XCTUnwrap(byUnit[department.name])
        XCTAssertEqual(departmentRows.filter { !$0.isTotal }.map { $0.text(0) }, ["2010601", "2010602"])
        XCTAssertEqual(departmentRows.first?.text(1), "行政运行")
        XCTAssertEqual(departmentRows.first?.integer(2), fen("500.20"), "all funds, not the 一般公共预算 450.00")
        XCTAssertEqual(departmentRows.last?.integer(2), fen("650.36"))
        XCTAssertEqual(departmentRows.last?.derivedCells, [], "类 201 is printed")
        XCTAssertEqual(departmentRows.first?.integer(3), Rounding.percent(fen("500.20"), of: fen("650.36"), decimals: 2))
        XCTAssertEqual(departmentRows.first?.integer(3), 7691)
        let subRows = try XCTUnwrap(byUnit[subunit.name])
        XCTAssertEqual(subRows.last?.integer(2), fen("180.00") + fen("50.00"), "computed from the 项")
        XCTAssertEqual(subRows.last?.derivedCells, [2])
        XCTAssertEqual(subRows.first?.integer(3), Rounding.percent(fen("180.00"), of: fen("230.00"), decimals: 2))
        XCTAssertEqual(rows.filter(\.isTotal).count, 2, "one total per unit, no grand total across units")
    }

    func testBreakdownDepthAndRollups() throws {
        try checkBreakdown("breakdown 201 depth 1", node: "201", depth: 1, units: [department, subunit])
        try checkBreakdown("breakdown 201 depth 2", node: "201", depth: 2, units: [department, subunit])
        try checkBreakdown("breakdown 208 depth 1 for 市财政局", node: "208", depth: 1, units: [department])
        try checkBreakdown("breakdown 208 depth 2 for 市财政局", node: "208", depth: 2, units: [department])

        // A printed 款 versus one computed from its 项.
        let printed = try harness.rows("breakdown 201 depth 1 for 市财政局")
        XCTAssertEqual(printed.first?.text(0), "20106")
        XCTAssertEqual(printed.first?.integer(2), fen("650.36"))
        XCTAssertEqual(printed.first?.derivedCells, [])
        let computed = try harness.rows("breakdown 208 depth 1 for 市财政局")
        XCTAssertEqual(computed.first?.text(0), "20805")
        XCTAssertEqual(computed.first?.integer(2), fen("60.00") + fen("24.00"))
        XCTAssertEqual(computed.first?.derivedCells, [2])
        XCTAssertEqual(computed.last?.integer(2), fen("84.00"), "类 208 printed")
        XCTAssertEqual(computed.last?.derivedCells, [])

        let tree = try harness.rows("breakdown 201 depth 2 for 市财政局").filter { !$0.isTotal }
        XCTAssertEqual(tree.map { $0.text(0) }, ["20106", "2010601", "2010602"])
        XCTAssertEqual(tree.map(\.level), [1, 2, 2])
        XCTAssertEqual(tree[1...].compactMap { $0.integer(2) }.reduce(0, +), tree[0].integer(2), "款 = Σ 项")
    }

    func testBreakdownColumnsFundsYearsAndItems() throws {
        try checkBreakdown("breakdown 201 basic", node: "201", column: "basic", units: [department, subunit])
        try checkBreakdown("breakdown 201 project", node: "201", column: "project", units: [department, subunit])
        try checkBreakdown("breakdown 201 fund general for 市财政局", node: "201", fund: "general", units: [department])
        try checkBreakdown("breakdown 201 fund 一般公共预算 for 市财政局", node: "201", fund: "general", units: [department])
        try checkBreakdown("breakdown 201 in 2023", node: "201", year: 2023, units: [department, subunit])
        try checkBreakdown("breakdown 208 in 2023 depth 1 for 市财政局", node: "208", year: 2023, depth: 1, units: [department])
        try checkBreakdown("breakdown 2010601", node: "2010601", units: [department, subunit])
        try checkBreakdown("breakdown 221 for 信息中心", node: "221", units: [subunit])

        // Blank basic cell of 2010602: no row, not a 0 row.
        let basic = try harness.rows("breakdown 201 basic for 市财政局")
        XCTAssertEqual(basic.filter { !$0.isTotal }.map { $0.text(0) }, ["2010601"])
        XCTAssertEqual(basic.first?.integer(3), 10000)
        let item = try harness.rows("breakdown 2010601")
        XCTAssertEqual(item.count, 2, "a 项 gives one row per unit")
        XCTAssertFalse(item.contains(where: \.isTotal))

        let general = try harness.rows("breakdown 201 fund general for 市财政局")
        XCTAssertEqual(general.map { $0.integer(2) }, [fen("450.00"), fen("450.00")])
        XCTAssertEqual(general.last?.derivedCells, [2])
    }

    // MARK: breakdown SUBJECT

    private func checkSubjectBreakdown(_ statement: String, subject: String, year: Int = 2024, depth: Int = 1,
                                       units: [F.UnitSpec], file: StaticString = #filePath, line: UInt = #line) throws {
        let catalog = try self.catalog
        let byUnit = blocks(try harness.rows(statement), units, file: file, line: line)
        for unit in units {
            var expected: [String] = []
            func walk(_ parent: String, _ level: Int) {
                guard level <= depth else { return }
                for child in catalog.children(of: parent) {
                    if let value = F.value(unit.id, child.id, year) {
                        expected.append("\(child.nameZh) L\(level) \(value.fen)")
                    }
                    walk(child.id, level + 1)
                }
            }
            walk(subject, 1)
            let parts = catalog.children(of: subject).map { F.value(unit.id, $0.id, year)?.fen }
            let total = F.value(unit.id, subject, year)?.fen ?? (parts.contains(nil) ? nil : parts.compactMap { $0 }.reduce(0, +))
            let rows = byUnit[unit.name] ?? []
            XCTAssertEqual(rows.filter { !$0.isTotal }.map { "\($0.text(0)) L\($0.level ?? 0) \($0.text(1))" }, expected,
                           "\(statement) — \(unit.name)", file: file, line: line)
            XCTAssertEqual(rows.last?.isTotal, true, file: file, line: line)
            XCTAssertEqual(rows.last?.cells[1], cell(total), "\(statement) total — \(unit.name)", file: file, line: line)
            for row in rows {
                XCTAssertEqual(row.cells[2], cell(percent(row.integer(1), total)), "\(statement) share of \(row.text(0))",
                               file: file, line: line)
            }
        }
    }

    func testBreakdownSubjectPerUnit() throws {
        try checkSubjectBreakdown("breakdown 支出", subject: "expenditure_total", units: [department, subunit, other])
        try checkSubjectBreakdown("breakdown 支出 in 2023", subject: "expenditure_total", year: 2023, units: [department, subunit])
        try checkSubjectBreakdown("breakdown 三公 depth 2", subject: "sangong", depth: 2, units: [department, subunit, other])
        let rows = try harness.rows("breakdown 三公 for 市财政局")
        XCTAssertEqual(rows.first?.integer(1), 0, "因公出国（境）费 printed 0")
        XCTAssertEqual(rows.first?.integer(2), 0)
        XCTAssertEqual(rows.last?.integer(1), fen("18.00"))
        let vehicle = try XCTUnwrap(rows.first { $0.text(0) == "公务用车购置及运行维护费" })
        XCTAssertEqual(vehicle.integer(2), Rounding.percent(fen("12.50"), of: fen("18.00"), decimals: 2))
        XCTAssertEqual(vehicle.integer(2), 6944)
        let sub = try harness.rows("breakdown 三公 for 信息中心")
        XCTAssertEqual(sub.last?.integer(1), fen("1.80") + fen("1.20"), "no printed total: the sum of all parts")
        XCTAssertEqual(sub.last?.derivedCells, [1])
    }

    // MARK: trend

    private func checkTrend(_ statement: String, units: [F.UnitSpec], from: Int = 2000, to: Int = 2100,
                            value: (F.UnitSpec, Int) -> F.Known?, file: StaticString = #filePath, line: UInt = #line) throws {
        let byUnit = blocks(try harness.rows(statement), units, file: file, line: line)
        for unit in units {
            let years = (max(from, 2020)...min(to, 2030)).filter { value(unit, $0) != nil }
            let rows = byUnit[unit.name] ?? []
            XCTAssertEqual(rows.map { Int($0.integer(0) ?? 0) }, years, "\(statement) — \(unit.name)", file: file, line: line)
            for row in rows {
                let year = Int(row.integer(0) ?? 0)
                // The change compares with the year before even when that year is outside the range.
                let current = value(unit, year), prior = value(unit, year - 1)
                let label = "\(statement) — \(unit.name) \(year)"
                XCTAssertEqual(row.cells[1], cell(current?.fen), label, file: file, line: line)
                XCTAssertEqual(row.cells[2], cell(change(prior?.fen, current?.fen)), label, file: file, line: line)
                XCTAssertEqual(row.cells[3], cell(percent(change(prior?.fen, current?.fen), prior?.fen)), label, file: file, line: line)
                XCTAssertEqual(row.derivedCells.contains(1), current?.derived ?? false, label, file: file, line: line)
            }
        }
    }

    func testTrendOfSubjects() throws {
        try checkTrend("trend 收支总计", units: [department, subunit, other]) { F.value($0.id, "grand_total", $1) }
        try checkTrend("trend 三公", units: [department, subunit, other]) { F.value($0.id, "sangong", $1) }
        try checkTrend("trend 三公 from 2024 to 2024", units: [department, other], from: 2024, to: 2024) {
            F.value($0.id, "sangong", $1)
        }
        try checkTrend("trend 机关运行经费 for 市财政局", units: [department]) { F.value($0.id, "admin_operating", $1) }
        try checkTrend("trend 公务用车运行维护费 for 信息中心", units: [subunit]) { F.value($0.id, "vehicle_operation", $1) }

        let total = try harness.rows("trend 收支总计 for 市财政局")
        XCTAssertEqual(total.map { $0.integer(0) }, [2022, 2023, 2024])
        XCTAssertEqual(total.map { $0.integer(1) }, [fen("1000.00"), fen("1200.00"), fen("1311.11")])
        XCTAssertEqual(total[0].cells[2], .null)
        XCTAssertEqual(total[2].integer(2), fen("111.11"))
        let sangong = try harness.rows("trend 三公 for 市财政局")
        XCTAssertEqual(sangong.first?.integer(1), fen("20.00"), "own-year disclosure first")
        let operation = try harness.rows("trend 公务用车运行维护费 for 信息中心")
        XCTAssertEqual(operation.first?.derivedCells, [1])
    }

    func testOwnYearDisclosureWinsEvenOverAnotherYearsTable() throws {
        try checkTrend("trend 人员经费 for 市财政局", units: [department]) { F.value($0.id, "personnel", $1) }
        let rows = try harness.rows("trend 人员经费 for 市财政局")
        XCTAssertEqual(rows.map { $0.integer(1) }, [fen("500.00"), fen("520.00")], "2023 from the 2023 narrative, not the 2024 table")
        XCTAssertEqual(rows.last?.integer(2), fen("20.00"))
        let sources = try harness.rows("source 人员经费 2023 for 市财政局")
        XCTAssertEqual(sources.map { "\($0.text(0)) \($0.text(5)) \($0.text(7)) \($0.text(9))" },
                       ["2024 501.00 table ∅", "2023 500.00 text 采用"])
    }

    func testTrendOfCodes() throws {
        func code(_ code: String) -> (F.UnitSpec, Int) -> F.Known? {
            { unit, year in
                guard let fund = F.breakdownFund(unit.id, year: year) else { return nil }
                return F.nodeAmount(unit.id, code, fund: fund, column: "actual", year: year)
            }
        }
        try checkTrend("trend 201", units: [department, subunit], value: code("201"))
        try checkTrend("trend 2010601", units: [department, subunit], value: code("2010601"))
        try checkTrend("trend 20805 for 市财政局", units: [department], value: code("20805"))
        let rows = try harness.rows("trend 201 for 市财政局")
        XCTAssertEqual(rows.map { $0.integer(1) }, [fen("520.00"), fen("650.36")])
        XCTAssertEqual(rows.last?.integer(3), Rounding.percent(fen("130.36"), of: fen("520.00"), decimals: 2))
        let computed = try harness.rows("trend 20805 for 市财政局")
        XCTAssertEqual(computed.map { $0.integer(1) }, [fen("50.00"), fen("60.00") + fen("24.00")])
        XCTAssertTrue(computed.allSatisfy { $0.derivedCells == [1] })
    }

    // MARK: top

    /// Ranking of every disclosing unit and the total that never adds a 二级单位 whose 部门
    /// is ranked too.
    private func checkTop(_ statement: String, count: Int, measure: String, year: Int,
                          file: StaticString = #filePath, line: UInt = #line) throws -> [ResultRow] {
        let rows = try harness.rows(statement)
        let values = F.units.compactMap { unit in F.value(unit.id, measure, year).map { (unit: unit, fen: $0.fen) } }
        let ranked = values.sorted { ($1.fen, $0.unit.name) < ($0.fen, $1.unit.name) }
        let ids = Set(values.map(\.unit.id))
        let total = values.filter { $0.unit.parentID.map { !ids.contains($0) } ?? true }.map(\.fen).reduce(0, +)
        let items = rows.filter { !$0.isTotal }
        XCTAssertEqual(items.map { $0.text(1) }, ranked.prefix(count).map(\.unit.name), statement, file: file, line: line)
        XCTAssertEqual(items.map { $0.integer(0) }, Array(1...Int64(min(count, ranked.count))), statement, file: file, line: line)
        for (row, expected) in zip(items, ranked) {
            XCTAssertEqual(row.integer(2), expected.fen, statement, file: file, line: line)
            XCTAssertEqual(row.integer(3), percent(expected.fen, total), "\(statement) share of \(row.text(1))", file: file, line: line)
        }
        XCTAssertEqual(rows.filter(\.isTotal).count, 1, statement, file: file, line: line)
        XCTAssertEqual(rows.last?.isTotal, true, statement, file: file, line: line)
        XCTAssertEqual(rows.last?.integer(2), total, "\(statement): total without the 二级单位", file: file, line: line)
        return rows
    }

    func testTopNeverDoubleCountsTheSubunit() throws {
        let rows = try checkTop("top 3 units by 支出", count: 3, measure: "expenditure_total", year: 2024)
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows.last?.integer(2), fen("4800.00") + fen("1234.56"))
        XCTAssertNotEqual(rows.last?.integer(2), fen("4800.00") + fen("1234.56") + fen("310.00"))
        XCTAssertEqual(rows.last?.text(1).contains("二级单位"), true)
        let two = try checkTop("top 2 units by 支出", count: 2, measure: "expenditure_total", year: 2024)
        XCTAssertEqual(two.filter { !$0.isTotal }.count, 2)
        XCTAssertEqual(two.last?.integer(2), fen("6034.56"), "the total still covers every unit")
        _ = try checkTop("top 5 units by 支出 in 2023", count: 5, measure: "expenditure_total", year: 2023)
        _ = try checkTop("top 3 units by 三公", count: 3, measure: "sangong", year: 2024)
        _ = try checkTop("top 3 units by 机关运行经费", count: 3, measure: "admin_operating", year: 2024)
        let operating2023 = try checkTop("top 3 units by 机关运行经费 in 2023", count: 3, measure: "admin_operating", year: 2023)
        XCTAssertEqual(operating2023.first?.integer(2), fen("88.10"), "stated by the 2024 disclosure")
        XCTAssertEqual(operating2023.last?.integer(2), fen("88.10"))

        // 财政拨款支出 2023: the 部门 states none, so its 二级单位 is not a double count.
        let fiscal = try checkTop("top 3 units by 财政拨款支出 in 2023", count: 3, measure: "fiscal_expenditure", year: 2023)
        XCTAssertEqual(fiscal.last?.integer(2), fen("260.00"))

        try use("use 2023")
        _ = try checkTop("top 3 units by 支出", count: 3, measure: "expenditure_total", year: 2023)
        try use("use 市财政局")
        _ = try checkTop("top 3 units by 支出", count: 3, measure: "expenditure_total", year: 2023)
    }

    // MARK: projects and indicators

    private func rateE2(_ printed: String) -> Int64 {
        let (scaled, decimals) = F.rate(printed)
        var value = scaled
        for _ in decimals..<2 { value *= 10 }
        return value
    }

    /// Projects of the fixture in block order (unit tree order, then year, seq) that pass `keep`.
    private func expectedProjects(_ units: [F.UnitSpec], _ keep: (F.ProjectSpec) -> Bool = { _ in true }) -> [[String]] {
        let ordered = [department, subunit, other].filter { unit in units.contains { $0.id == unit.id } }
        return ordered.flatMap { unit in
            F.projects.filter { F.disclosure(id: $0.disclosure).unitID == unit.id && keep($0) }
                .sorted { (F.disclosure(id: $0.disclosure).year, $0.seq) < (F.disclosure(id: $1.disclosure).year, $1.seq) }
                .map { [unit.name, $0.name] }
        }
    }

    private func names(_ rows: [ResultRow]) -> [[String]] { rows.map { [$0.block ?? "-", $0.text(2)] } }

    func testProjectsReadTheTotalRow() throws {
        let rows = try harness.rows("projects")
        blocks(rows, [department, subunit])
        XCTAssertEqual(names(rows), expectedProjects([department, subunit]))
        for project in F.projects {
            let row = try XCTUnwrap(rows.first { $0.text(2) == project.name })
            XCTAssertEqual(row.integer(0), Int64(F.disclosure(id: project.disclosure).year))
            XCTAssertEqual(row.text(1), project.code)
            XCTAssertEqual(row.integer(3), fen(project.initial), "总额, not 财政资金 \(project.fiscalInitial)")
            XCTAssertEqual(row.integer(4), fen(project.adjusted))
            XCTAssertEqual(row.integer(5), fen(project.executed))
            XCTAssertEqual(row.integer(6), rateE2(project.rate))
            XCTAssertEqual(row.integer(7), F.centi(project.score))
        }
    }

    func testProjectConditionsOrderAndLimit() throws {
        XCTAssertEqual(names(try harness.rows("projects where adjusted < initial")),
                       expectedProjects([department, subunit]) { fen($0.adjusted) < fen($0.initial) })
        XCTAssertEqual(names(try harness.rows("projects where executed < 0.9 * initial")),
                       expectedProjects([department, subunit]) { 10 * fen($0.executed) < 9 * fen($0.initial) })
        XCTAssertEqual(names(try harness.rows("projects where rate < 99%")),
                       expectedProjects([department, subunit]) { rateE2($0.rate) < 9900 })
        XCTAssertEqual(names(try harness.rows("projects where executed >= 40万 and executed <= 400000元")),
                       expectedProjects([department, subunit]) { fen($0.executed) >= fen("40") && fen($0.executed) <= fen("40") })
        XCTAssertEqual(names(try harness.rows("projects where name ~ '评审' for 市财政局")),
                       expectedProjects([department]) { $0.name.contains("评审") })
        XCTAssertEqual(names(try harness.rows("projects where unit ~ '信息'")), expectedProjects([subunit]))
        XCTAssertEqual(names(try harness.rows("projects for 教育局")), [])

        let byExecuted = try harness.rows("projects order by executed desc")
        blocks(byExecuted, [department, subunit])
        for unit in [department, subunit] {
            let executed = byExecuted.filter { $0.block == unit.name }.compactMap { $0.integer(5) }
            XCTAssertEqual(executed, executed.sorted(by: >), "order by applies within \(unit.name)'s block")
        }
        XCTAssertEqual(byExecuted.count, F.projects.count)
        let byScore = try harness.rows("projects order by 自评得分")
        for unit in [department, subunit] {
            let scores = byScore.filter { $0.block == unit.name }.compactMap { $0.integer(7) }
            XCTAssertEqual(scores, scores.sorted())
        }
        XCTAssertEqual(names(try harness.rows("projects limit 2")), Array(expectedProjects([department, subunit]).prefix(2)))
    }

    private func expectedIndicators(_ keep: (F.ProjectSpec, F.IndicatorSpec) -> Bool) -> [String] {
        expectedProjects([department, subunit]).flatMap { pair -> [String] in
            guard let project = F.projects.first(where: { $0.name == pair[1] }) else { return [] }
            return project.indicators.filter { keep(project, $0) }.map { "\(pair[0]) \(project.name) \($0.level3)" }
        }
    }

    private func indicatorKeys(_ rows: [ResultRow]) -> [String] { rows.map { "\($0.block ?? "-") \($0.text(0)) \($0.text(3))" } }

    func testIndicators() throws {
        let all = try harness.rows("indicators")
        blocks(all, [department, subunit])
        XCTAssertEqual(indicatorKeys(all), expectedIndicators { _, _ in true }, "合计 rows are not indicators")

        let first = try harness.rows("indicators of 信息化")
        let project = F.projects[0]
        XCTAssertEqual(first.map { $0.text(3) }, project.indicators.map(\.level3))
        for (row, indicator) in zip(first, project.indicators) {
            XCTAssertEqual(row.text(0), project.name)
            XCTAssertEqual(row.text(1), indicator.level1)
            XCTAssertEqual(row.text(4), indicator.operatorPrinted)
            XCTAssertEqual(row.text(5), indicator.target)
            XCTAssertEqual(row.cells[6], indicator.unit.map { Cell.text($0) } ?? Cell.null)
            XCTAssertEqual(row.integer(8), F.centi(indicator.weight))
            XCTAssertEqual(row.integer(9), F.centi(indicator.score))
            XCTAssertEqual(row.cells[10], indicator.reason.map { Cell.text($0) } ?? Cell.null)
        }
        XCTAssertEqual(try harness.rows("indicators of 预算评审经费（2024）").map { $0.text(3) }, F.projects[1].indicators.map(\.level3))
        XCTAssertEqual(try harness.rows("indicators of 31010024T000000000301").compactMap(\.block), [subunit.name])
        XCTAssertEqual(harness.diagnostic("indicators of 评审")?.code, "Q211", "two projects contain 评审")
        XCTAssertEqual(harness.diagnostic("indicators of 数据中心 for 市财政局")?.code, "Q210", "a project of another unit")

        XCTAssertEqual(indicatorKeys(try harness.rows("indicators where score < weight")),
                       expectedIndicators { F.centi($1.score) < F.centi($1.weight) })
        XCTAssertEqual(indicatorKeys(try harness.rows("indicators where reason ~ '故障'")),
                       expectedIndicators { $1.reason?.contains("故障") ?? false })
        XCTAssertEqual(indicatorKeys(try harness.rows("indicators where year = 2023")),
                       expectedIndicators { p, _ in F.disclosure(id: p.disclosure).year == 2023 })
    }

    // MARK: find and source

    /// `find TEXT`: the paragraphs of the units in scope whose text contains TEXT, per unit
    /// in year and line order; the text column is the paragraph or an excerpt of it (… marks
    /// a cut) that contains TEXT.
    private func checkFind(_ text: String, units: [F.UnitSpec] = F.units, suffix: String = "",
                           file: StaticString = #filePath, line: UInt = #line) throws {
        let rows = try harness.rows("find \(text)\(suffix)")
        // Columns by machine name: the text column may be the paragraph or an excerpt.
        let names = try harness.compile("find \(text)\(suffix)").shape.columns.map(\.name)
        let section = try XCTUnwrap(names.firstIndex(of: "section"), file: file, line: line)
        let body = try XCTUnwrap(names.firstIndex { ["text", "excerpt", "body"].contains($0) }, file: file, line: line)
        let expected = [department, subunit, other].filter { unit in units.contains { $0.id == unit.id } }.flatMap { unit in
            F.paragraphs.filter { F.disclosure(id: $0.disclosure).unitID == unit.id && $0.body.contains(text) }
                .sorted { (F.disclosure(id: $0.disclosure).year, $0.line) < (F.disclosure(id: $1.disclosure).year, $1.line) }
                .map { (key: "\(unit.name) \(F.disclosure(id: $0.disclosure).year) \($0.line) \($0.kind == "residue" ? "批注" : "正文") \($0.section)",
                        body: $0.body) }
        }
        XCTAssertEqual(rows.map { "\($0.block ?? "-") \($0.text(0)) \($0.text(1)) \($0.text(2)) \($0.text(section))" }, expected.map(\.key),
                       "find \(text)\(suffix)", file: file, line: line)
        for (row, paragraph) in zip(rows, expected) {
            let excerpt = row.text(body)
            var core = Substring(excerpt)
            if core.hasPrefix("…") { core = core.dropFirst() }
            if core.hasSuffix("…") { core = core.dropLast() }
            XCTAssertTrue(excerpt.contains(text), "find \(text): \(excerpt)", file: file, line: line)
            XCTAssertTrue(paragraph.body.contains(core), "find \(text): \(excerpt) is not from \(paragraph.body)", file: file, line: line)
        }
        XCTAssertFalse(expected.isEmpty && !text.hasPrefix("不存在"), "fixture should match \(text)", file: file, line: line)
    }

    func testFindShortAndLongText() throws {
        try checkFind("接待")          // 2 characters: substring scan
        try checkFind("三公")
        try checkFind("接待费")        // 3 characters: trigram
        try checkFind("主要原因")
        try checkFind("教育经费保障")
        try checkFind("不存在的内容")
        try checkFind("接待", units: [subunit], suffix: " for 信息中心")
        let rows = try harness.rows("find 主要原因")
        blocks(rows, [department, subunit])
    }

    func testSourceShowsEveryOccurrenceAndTheOneUsed() throws {
        let sangong = try harness.rows("source 三公 2023 for 市财政局")
        XCTAssertEqual(sangong.map { $0.integer(0) }, [2023, 2024])
        XCTAssertEqual(sangong.map { $0.integer(4) }, [fen("20.00"), fen("19.80")])
        XCTAssertEqual(sangong.map { $0.text(7) }, ["table", "text"])
        XCTAssertEqual(sangong.map { $0.cells[9] }, [.text("采用"), .null], "the own-year disclosure is used")

        let total = try harness.rows("source 收支总计 2024 for 市财政局")
        XCTAssertEqual(total.map { $0.text(5) }, ["1311.11", "1311.1"])
        XCTAssertEqual(total.map { $0.cells[9] }, [.text("采用"), .null])

        let allYears = try harness.rows("source 收支总计 for 市财政局")
        XCTAssertEqual(allYears.map { $0.integer(1) }, [2024, 2024, 2023, 2022])
        XCTAssertEqual(allYears.filter { $0.cells[9] == .text("采用") }.count, 3, "one value per year")

        let derived = try harness.rows("source 公务用车运行维护费 for 信息中心")
        XCTAssertEqual(derived.map { $0.integer(1) }, [2024, 2023])
        XCTAssertEqual(derived.last?.integer(4), fen("1.80") + fen("0.20"))
        XCTAssertEqual(derived.last?.cells[5], .null, "a derived figure has no printed text")
        XCTAssertEqual(derived.last?.derivedCells, [4])

        let code = try harness.rows("source 2010601 2024")
        let byUnit = blocks(code, [department, subunit])
        XCTAssertEqual(byUnit[department.name]?.map { "\($0.text(2)) \($0.text(3)) \($0.text(5))" },
                       ["决算数 全部资金 500.20", "决算数 一般公共预算财政拨款 450.00", "基本支出 全部资金 480.20", "项目支出 全部资金 20.00"])
        XCTAssertEqual(byUnit[subunit.name]?.map { $0.text(5) }, ["180.00", "180.00"])
    }

    // MARK: Every statement, explain, no seed special case

    static let statements = [
        "summary", "summary 2023", "summary for 市财政局", "compare 三公 2023 2024", "compare 支出 2023 2024 for 信息中心",
        "breakdown 201", "breakdown 201 depth 1", "breakdown 201 depth 2", "breakdown 201 basic", "breakdown 201 project",
        "breakdown 201 fund general", "breakdown 201 in 2023 for 市财政局", "breakdown 支出", "breakdown 三公 depth 2",
        "trend 支出", "trend 201 from 2023 to 2024", "top 3 units by 支出", "top 2 units by 三公 in 2023",
        "projects", "projects where adjusted < initial order by executed desc limit 3", "indicators",
        "indicators of 信息化 where score < weight", "codes", "codes 201", "codes like 住房", "units", "years", "subjects",
        "find 接待", "find 主要原因 for 信息中心", "source 三公", "source 2010601 2024 for 市财政局",
    ]

    func testEveryStatementRunsAndExplains() throws {
        let fixtureTexts = F.units.flatMap { [$0.name] + $0.aliases } + ["接待", "主要原因", "信息化", "住房"]
        for line in Self.statements {
            let query = try harness.compile(line)
            _ = try harness.rows(line)
            guard case .explain(let explained) = try harness.prepare("explain \(line)") else {
                XCTFail("explain \(line) is not an explanation")
                continue
            }
            XCTAssertEqual(explained, query, "explain \(line) shows the query that runs")
            XCTAssertTrue(explained.explanation.hasPrefix(query.text))
            for text in fixtureTexts + ["安居", "遂宁", "sichuan", "seed"] {
                XCTAssertFalse(query.text.contains(text), "\(line): \(text) is in the SQL text instead of a parameter")
            }
        }
        // Every unit is no list at all: the scope is read from `unit`, no unit id is bound.
        let summary = try harness.compile("summary")
        XCTAssertFalse(summary.parameters.contains { parameter in
            if case .integer(let id) = parameter { return F.units.contains { $0.id == id } }
            return false
        }, "summary over every unit binds no unit id")
        XCTAssertTrue(summary.text.contains("FROM unit u"), summary.text)
        // A subset is one bound JSON array of ids, in tree order, whatever its size.
        harness.context.units = F.units.map(\.id).reversed()
        defer { harness.context.units = [] }
        let subset = try harness.compile("summary")
        let arrays = subset.parameters.compactMap { parameter -> String? in
            if case .text(let text) = parameter, text.hasPrefix("[") { return text }
            return nil
        }
        let treeOrder = try CatalogLoader.load(harness.connections.reader).units.map(\.id).filter { id in F.units.contains { $0.id == id } }
        XCTAssertEqual(treeOrder.count, F.units.count)
        XCTAssertEqual(arrays, ["[" + treeOrder.map(String.init).joined(separator: ",") + "]"])
        XCTAssertTrue(subset.text.contains("json_each("), subset.text)
        for statement in ["use 2023", "use all", "use 信息中心", "check", "check for 信息中心", "sql SELECT count(*) FROM unit"] {
            XCTAssertNoThrow(try harness.prepare(statement), statement)
        }
        XCTAssertEqual(harness.diagnostic("explain use 2023")?.code, "Q213")
    }
}
