import Core
import Foundation
import Store

/// A second database, built by hand from the constants below (no seed disclosure): a 部门
/// (测试市财政局), one of its 二级单位 with its own disclosures (测试市财政信息中心), and an
/// unrelated 部门 (测试市教育局) for rankings, over two fiscal years (2023, 2024).
///
/// What the figures exercise:
/// - the 部门 prints its 支出决算表 (fund `all`, columns actual/basic/project, with printed
///   类 and 款 rows except 款 20805), the 二级单位 only 一般公共预算 rows (fund `general`);
/// - the 部门's 2024 disclosure states 2023 figures: 机关运行经费 (the 2023 disclosure
///   lacks it), 三公经费 19.80 (the 2023 disclosure says 20.00: own year first) and, in a
///   table, 人员经费 501.00 (the 2023 disclosure's narrative says 500.00: own year first
///   even over a table cell of another year's document);
/// - the 二级单位's 2024 disclosure gives 公务用车运行维护费 2023 only as a change
///   (1.80, 比上年减少0.20): a derived figure; it prints no 三公经费 total for 2024;
/// - blanks (财政拨款支出 2023 of the 部门, 公务用车购置费 2024) stay blank;
/// - 机关运行经费 of the 二级单位 8.00 → 7.99 is −0.125%: 四舍五入 gives −0.13%.
///
/// - both 财政 units carry the alias 市财政 (as printed for a 部门 and its 二级单位 alike).
///
/// Money constants are printed 万元 text, turned into 分 only through `Amount`.
enum MultiUnitFixture {
    struct UnitSpec: Sendable {
        let id: Int64
        let name: String
        let region: String
        let kind: String
        let parentID: Int64?
        let aliases: [String]
    }

    struct DisclosureSpec: Sendable {
        let id: Int64
        let unitID: Int64
        let year: Int
        let sha256: String
    }

    /// A printed figure of a catalog measure in `disclosure`, about fiscal `year`.
    struct MeasureFigure: Sendable {
        let disclosure: Int64
        let measure: String
        let year: Int
        let printed: String
        let source: String
        let line: Int
    }

    /// A row of a classification table: the printed cells of one code (nil = blank cell).
    struct CodeRow: Sendable {
        let disclosure: Int64
        let code: String
        let fund: String
        let year: Int
        let actual: String?
        let basic: String?
        let project: String?
        let line: Int
    }

    /// A prior-year figure given only as a change: value(year) = current ± change.
    struct DerivedFigure: Sendable {
        let disclosure: Int64
        let measure: String
        let year: Int
        /// The printed figure of year + 1 in the same disclosure that the change is against.
        let current: String
        /// The printed change; `direction` 减少 means the prior year was higher.
        let change: String
        let direction: String
        let line: Int
    }

    struct IndicatorSpec: Sendable {
        let level1: String
        let level2: String
        let level3: String
        let operatorPrinted: String
        let operatorNormal: String
        let target: String
        let unit: String?
        let actual: String
        let weight: String
        let score: String
        let reason: String?
    }

    struct ProjectSpec: Sendable {
        let id: Int64
        let disclosure: Int64
        let seq: Int
        let code: String
        let name: String
        let initial: String
        let adjusted: String
        let executed: String
        /// As printed, with its percent sign: "98.75%", "100%".
        let rate: String
        let weight: String
        let score: String
        /// The 财政资金 row's 年初预算, deliberately different from the 总额 row's.
        let fiscalInitial: String
        let indicators: [IndicatorSpec]
        let line: Int
    }

    struct ParagraphSpec: Sendable {
        let disclosure: Int64
        let section: String
        let body: String
        let kind: String
        let line: Int
    }

    // MARK: Units and disclosures

    static let region = "测试省测试市"

    /// Ids chosen so that the 二级单位's id is lower than its 部门's and the unrelated 部门's
    /// lies between: block order must come from the tree, not from ids.
    static let department = UnitSpec(id: 7, name: "测试市财政局", region: region, kind: "部门", parentID: nil,
                                     aliases: ["市财政局", "测试财政局", "市财政"])
    static let subunit = UnitSpec(id: 3, name: "测试市财政信息中心", region: region, kind: "单位", parentID: 7,
                                  aliases: ["信息中心", "财政信息中心", "市财政"])
    static let other = UnitSpec(id: 5, name: "测试市教育局", region: region, kind: "部门", parentID: nil,
                                aliases: ["市教育局"])
    static let units = [department, subunit, other]

    static let disclosures: [DisclosureSpec] = [
        DisclosureSpec(id: 1, unitID: 7, year: 2023, sha256: String(repeating: "a1", count: 32)),
        DisclosureSpec(id: 2, unitID: 7, year: 2024, sha256: String(repeating: "a2", count: 32)),
        DisclosureSpec(id: 3, unitID: 3, year: 2023, sha256: String(repeating: "b1", count: 32)),
        DisclosureSpec(id: 4, unitID: 3, year: 2024, sha256: String(repeating: "b2", count: 32)),
        DisclosureSpec(id: 5, unitID: 5, year: 2024, sha256: String(repeating: "c2", count: 32)),
    ]

    // MARK: Figures of catalog measures

    private static func figures(_ disclosure: Int64, _ year: Int, _ rows: [(String, String)], source: String = "table",
                                firstLine: Int) -> [MeasureFigure] {
        rows.enumerated().map {
            MeasureFigure(disclosure: disclosure, measure: $0.element.0, year: year, printed: $0.element.1, source: source,
                          line: firstLine + $0.offset)
        }
    }

    static let measureFigures: [MeasureFigure] =
        // 测试市财政局 2023 (disclosure 1): no 机关运行经费, no 财政拨款支出.
        figures(1, 2023, [
            ("grand_total", "1200.00"), ("income_total", "1100.00"), ("expenditure_total", "1150.00"),
            ("basic", "800.00"), ("project", "350.00"), ("general_expenditure", "1000.00"),
            ("sangong", "20.00"), ("sangong_abroad", "5.00"), ("sangong_vehicle", "10.00"),
            ("vehicle_purchase", "4.00"), ("vehicle_operation", "6.00"), ("sangong_reception", "5.00"),
        ], firstLine: 20)
        + figures(1, 2022, [("grand_total", "1000.00")], source: "text", firstLine: 60)
        // 人员经费 2023 only in the 2023 narrative; the 2024 table's prior-year column differs.
        + figures(1, 2023, [("personnel", "500.00")], source: "text", firstLine: 70)
        // 测试市财政局 2024 (disclosure 2): 公务用车购置费 blank; 因公出国（境）费 an explicit 0.
        + figures(2, 2024, [
            ("grand_total", "1311.11"), ("income_total", "1250.55"), ("expenditure_total", "1234.56"),
            ("basic", "864.20"), ("project", "370.36"), ("fiscal_expenditure", "1100.00"),
            ("general_expenditure", "1088.88"), ("sangong", "18.00"), ("sangong_abroad", "0"),
            ("sangong_vehicle", "12.50"), ("vehicle_operation", "12.50"), ("sangong_reception", "5.50"),
            ("admin_operating", "95.27"),
        ], firstLine: 20)
        // The narrative repeats 收支总计 rounded: the table cell wins.
        + figures(2, 2024, [("grand_total", "1311.1")], source: "text", firstLine: 61)
        // What the 2024 disclosure says about 2023.
        + figures(2, 2023, [("admin_operating", "88.10"), ("sangong", "19.80")], source: "text", firstLine: 62)
        + figures(2, 2023, [("personnel", "501.00")], firstLine: 70)
        + figures(2, 2024, [("personnel", "520.00")], firstLine: 71)
        // 测试市财政信息中心 2023 (disclosure 3): no 公务用车运行维护费.
        + figures(3, 2023, [
            ("grand_total", "300.00"), ("income_total", "290.00"), ("expenditure_total", "280.00"),
            ("basic", "200.00"), ("project", "80.00"), ("fiscal_expenditure", "260.00"),
            ("general_expenditure", "250.00"), ("sangong", "3.50"), ("sangong_abroad", "0"),
            ("sangong_vehicle", "2.00"), ("sangong_reception", "1.50"), ("admin_operating", "8.00"),
        ], firstLine: 20)
        // 测试市财政信息中心 2024 (disclosure 4): no 三公经费 total.
        + figures(4, 2024, [
            ("grand_total", "333.33"), ("income_total", "320.00"), ("expenditure_total", "310.00"),
            ("basic", "215.50"), ("project", "94.50"), ("fiscal_expenditure", "265.00"),
            ("general_expenditure", "260.00"), ("sangong_abroad", "0"), ("sangong_vehicle", "1.80"),
            ("sangong_reception", "1.20"), ("admin_operating", "7.99"),
        ], firstLine: 20)
        + figures(4, 2024, [("vehicle_operation", "1.80")], source: "text", firstLine: 64)
        // 测试市教育局 2024 (disclosure 5).
        + figures(5, 2024, [
            ("grand_total", "5000.00"), ("income_total", "4900.00"), ("expenditure_total", "4800.00"),
            ("basic", "3000.00"), ("project", "1800.00"), ("general_expenditure", "4500.00"),
            ("sangong", "40.00"), ("sangong_abroad", "10.00"), ("sangong_vehicle", "20.00"),
            ("vehicle_operation", "20.00"), ("sangong_reception", "10.00"), ("admin_operating", "300.00"),
        ], firstLine: 20)

    /// 公务用车运行维护费 1.80万元，比上年减少0.20万元 (disclosure 4, line 64).
    static let derivedFigures: [DerivedFigure] = [
        DerivedFigure(disclosure: 4, measure: "vehicle_operation", year: 2023, current: "1.80", change: "0.20",
                      direction: "减少", line: 64),
    ]

    // MARK: Classification rows (支出决算表 / 一般公共预算财政拨款支出决算表)

    static let codeRows: [CodeRow] = [
        // 测试市财政局 2024, all funds: 类 and 款 printed, except 款 20805.
        CodeRow(disclosure: 2, code: "201", fund: "all", year: 2024, actual: "650.36", basic: "480.20", project: "170.16", line: 100),
        CodeRow(disclosure: 2, code: "20106", fund: "all", year: 2024, actual: "650.36", basic: "480.20", project: "170.16", line: 101),
        CodeRow(disclosure: 2, code: "2010601", fund: "all", year: 2024, actual: "500.20", basic: "480.20", project: "20.00", line: 102),
        CodeRow(disclosure: 2, code: "2010602", fund: "all", year: 2024, actual: "150.16", basic: nil, project: "150.16", line: 103),
        CodeRow(disclosure: 2, code: "208", fund: "all", year: 2024, actual: "84.00", basic: "84.00", project: nil, line: 104),
        CodeRow(disclosure: 2, code: "2080505", fund: "all", year: 2024, actual: "60.00", basic: "60.00", project: nil, line: 105),
        CodeRow(disclosure: 2, code: "2080506", fund: "all", year: 2024, actual: "24.00", basic: "24.00", project: nil, line: 106),
        CodeRow(disclosure: 2, code: "221", fund: "all", year: 2024, actual: "500.20", basic: "300.00", project: "200.20", line: 107),
        CodeRow(disclosure: 2, code: "22102", fund: "all", year: 2024, actual: "500.20", basic: "300.00", project: "200.20", line: 108),
        CodeRow(disclosure: 2, code: "2210201", fund: "all", year: 2024, actual: "500.20", basic: "300.00", project: "200.20", line: 109),
        // 测试市财政局 2024, 一般公共预算 (read only with `fund general`).
        CodeRow(disclosure: 2, code: "2010601", fund: "general", year: 2024, actual: "450.00", basic: nil, project: nil, line: 120),
        // 测试市财政局 2023, all funds: 类 201 and 款 20106 printed, 类 208 and 款 20805 not.
        CodeRow(disclosure: 1, code: "201", fund: "all", year: 2023, actual: "520.00", basic: nil, project: nil, line: 100),
        CodeRow(disclosure: 1, code: "20106", fund: "all", year: 2023, actual: "520.00", basic: nil, project: nil, line: 101),
        CodeRow(disclosure: 1, code: "2010601", fund: "all", year: 2023, actual: "400.00", basic: "400.00", project: nil, line: 102),
        CodeRow(disclosure: 1, code: "2010602", fund: "all", year: 2023, actual: "120.00", basic: nil, project: "120.00", line: 103),
        CodeRow(disclosure: 1, code: "2080505", fund: "all", year: 2023, actual: "50.00", basic: "50.00", project: nil, line: 104),
        // 测试市财政信息中心: 一般公共预算 only, 项 only.
        CodeRow(disclosure: 4, code: "2010601", fund: "general", year: 2024, actual: "180.00", basic: "180.00", project: nil, line: 100),
        CodeRow(disclosure: 4, code: "2010602", fund: "general", year: 2024, actual: "50.00", basic: nil, project: "50.00", line: 101),
        CodeRow(disclosure: 4, code: "2210201", fund: "general", year: 2024, actual: "30.00", basic: "30.00", project: nil, line: 102),
        CodeRow(disclosure: 3, code: "2010601", fund: "general", year: 2023, actual: "170.00", basic: "170.00", project: nil, line: 100),
    ]

    // MARK: Projects

    static let projects: [ProjectSpec] = [
        ProjectSpec(id: 1, disclosure: 2, seq: 1, code: "31010024T000000000101", name: "财政信息化运维经费（2024）",
                    initial: "100.00", adjusted: "120.00", executed: "118.50", rate: "98.75%", weight: "100", score: "95.5",
                    fiscalInitial: "90.00", indicators: [
                        IndicatorSpec(level1: "产出指标", level2: "数量指标", level3: "系统运维次数", operatorPrinted: "≥",
                                      operatorNormal: ">=", target: "12", unit: "次", actual: "12", weight: "20", score: "20", reason: nil),
                        IndicatorSpec(level1: "产出指标", level2: "质量指标", level3: "系统可用率", operatorPrinted: "≥",
                                      operatorNormal: ">=", target: "99", unit: "%", actual: "98.5", weight: "30", score: "25.5",
                                      reason: "硬件故障导致停机"),
                        IndicatorSpec(level1: "效益指标", level2: "社会效益指标", level3: "数据共享水平", operatorPrinted: "定性",
                                      operatorNormal: "qualitative", target: "提升", unit: nil, actual: "明显提升", weight: "30",
                                      score: "30", reason: nil),
                        IndicatorSpec(level1: "满意度指标", level2: "满意度指标", level3: "使用单位满意度", operatorPrinted: "≥",
                                      operatorNormal: ">=", target: "90", unit: "%", actual: "95", weight: "20", score: "20", reason: nil),
                    ], line: 200),
        ProjectSpec(id: 2, disclosure: 2, seq: 2, code: "31010024T000000000102", name: "预算评审经费（2024）",
                    initial: "50.00", adjusted: "40.00", executed: "40.00", rate: "100%", weight: "100", score: "98",
                    fiscalInitial: "45.00", indicators: [
                        IndicatorSpec(level1: "产出指标", level2: "数量指标", level3: "评审项目数", operatorPrinted: "＞",
                                      operatorNormal: ">", target: "100", unit: "个", actual: "120", weight: "50", score: "50", reason: nil),
                        IndicatorSpec(level1: "满意度指标", level2: "满意度指标", level3: "被评审单位满意度", operatorPrinted: "≥",
                                      operatorNormal: ">=", target: "90", unit: "%", actual: "88", weight: "50", score: "48",
                                      reason: "部分单位反馈较慢"),
                    ], line: 300),
        ProjectSpec(id: 3, disclosure: 1, seq: 1, code: "31010023T000000000201", name: "预算评审经费（2023）",
                    initial: "45.00", adjusted: "45.00", executed: "30.00", rate: "66.67%", weight: "100", score: "80",
                    fiscalInitial: "40.00", indicators: [
                        IndicatorSpec(level1: "产出指标", level2: "数量指标", level3: "评审项目数", operatorPrinted: "≥",
                                      operatorNormal: ">=", target: "100", unit: "个", actual: "70", weight: "100", score: "80",
                                      reason: "项目申报减少"),
                    ], line: 200),
        ProjectSpec(id: 4, disclosure: 4, seq: 1, code: "31010024T000000000301", name: "数据中心运维经费（2024）",
                    initial: "80.00", adjusted: "70.00", executed: "69.30", rate: "99.00%", weight: "100", score: "99",
                    fiscalInitial: "75.00", indicators: [
                        IndicatorSpec(level1: "产出指标", level2: "时效指标", level3: "故障响应时间", operatorPrinted: "≤",
                                      operatorNormal: "<=", target: "2", unit: "小时", actual: "1.5", weight: "100", score: "99", reason: nil),
                    ], line: 200),
    ]

    // MARK: Narrative

    static let paragraphs: [ParagraphSpec] = [
        ParagraphSpec(disclosure: 1, section: "二、收入支出决算总体情况",
                      body: "2023年度收、支总计1200.00万元，主要原因是财政业务量增加。", kind: "text", line: 60),
        ParagraphSpec(disclosure: 2, section: "七、“三公”经费支出情况",
                      body: "2024年度“三公”经费支出18.00万元，比上年减少，主要原因是严格控制公务接待。", kind: "text", line: 62),
        ParagraphSpec(disclosure: 2, section: "七、“三公”经费支出情况", body: "请核对接待费口径", kind: "residue", line: 63),
        ParagraphSpec(disclosure: 4, section: "七、“三公”经费支出情况",
                      body: "公务接待费1.20万元，主要原因是压缩接待规模。", kind: "text", line: 64),
        ParagraphSpec(disclosure: 5, section: "一、部门职责", body: "统筹全市教育经费保障。", kind: "text", line: 10),
    ]

    // MARK: Building the database

    /// 分 of a printed 万元 figure.
    static func fen(_ printed: String) -> Int64 {
        guard let amount = Amount(printed: printed, unit: .tenThousandYuan) else { preconditionFailure("bad amount \(printed)") }
        return amount.fen
    }

    /// Hundredths of a printed number of points ("95.5" → 9550).
    static func centi(_ printed: String) -> Int64 {
        guard let amount = Amount(printed: printed, unit: .yuan) else { preconditionFailure("bad points \(printed)") }
        return amount.fen
    }

    /// A printed percentage as (scaled digits, decimals): "98.75%" → (9875, 2).
    static func rate(_ printed: String) -> (scaled: Int64, decimals: Int) {
        guard let decimal = ExactDecimal(parsing: String(printed.dropLast())) else { preconditionFailure("bad rate \(printed)") }
        return (decimal.digits, decimal.decimals)
    }

    static func unit(id: Int64) -> UnitSpec { units.first { $0.id == id }! }
    static func disclosure(id: Int64) -> DisclosureSpec { disclosures.first { $0.id == id }! }

    /// An in-memory database holding the schema, the reference catalog and this fixture only.
    static func build() throws -> Connections {
        let connections = try Connections.memory(contents: .empty)
        let db = connections.writer
        try db.transaction {
            for unit in [department, subunit, other] {
                try db.run("INSERT INTO unit (id, name, region, kind, parent_id) VALUES (?, ?, ?, ?, ?)",
                           [.integer(unit.id), .text(unit.name), .text(unit.region), .text(unit.kind),
                            unit.parentID.map { .integer($0) } ?? .null])
                for alias in unit.aliases {
                    try db.run("INSERT INTO unit_alias (alias, unit_id) VALUES (?, ?)", [.text(alias), .integer(unit.id)])
                }
            }
            for disclosure in disclosures {
                let unit = unit(id: disclosure.unitID)
                try db.run("""
                    INSERT INTO disclosure (id, unit_id, year, kind, template, title, source_file, sha256, money_unit, line_count, origin)
                    VALUES (?, ?, ?, '决算', 'shanghai', ?, ?, ?, '万元', 500, 'import')
                    """, [.integer(disclosure.id), .integer(disclosure.unitID), .integer(Int64(disclosure.year)),
                          .text("\(unit.name)\(disclosure.year)年度部门决算"), .text("fixture_\(disclosure.id).txt"),
                          .text(disclosure.sha256)])
            }
            var factIDs: [String: Int64] = [:]
            for figure in measureFigures {
                let fund = try db.scalar("SELECT fund_id FROM measure WHERE id = ?", [.text(figure.measure)])?.string ?? "?"
                factIDs["\(figure.disclosure)/\(figure.measure)/\(figure.year)/\(figure.source)"] = try insertFact(
                    db, disclosure: figure.disclosure, measure: figure.measure, code: nil, fund: fund, column: "actual",
                    year: figure.year, fen: fen(figure.printed), printed: figure.printed, source: figure.source, line: figure.line)
            }
            for derived in derivedFigures {
                let fund = try db.scalar("SELECT fund_id FROM measure WHERE id = ?", [.text(derived.measure)])?.string ?? "?"
                guard let base = factIDs["\(derived.disclosure)/\(derived.measure)/\(derived.year + 1)/text"]
                    ?? factIDs["\(derived.disclosure)/\(derived.measure)/\(derived.year + 1)/table"] else {
                    preconditionFailure("no current-year figure for \(derived.measure)")
                }
                let sign: Int64 = derived.direction == "减少" ? 1 : -1
                let value = fen(derived.current) + sign * fen(derived.change)
                let factID = try insertFact(db, disclosure: derived.disclosure, measure: derived.measure, code: nil, fund: fund,
                                            column: "actual", year: derived.year, fen: value, printed: nil, source: "text",
                                            line: derived.line)
                try db.run("""
                    INSERT INTO statement (disclosure_id, kind, printed, direction, amount_fen, part_fact_id, base_fact_id,
                                           source_kind, line_from, line_to)
                    VALUES (?, 'change', ?, ?, ?, ?, ?, 'text', ?, ?)
                    """, [.integer(derived.disclosure), .text("比上年\(derived.direction)\(derived.change)万元"),
                          .text(derived.direction), .integer(fen(derived.change)), .integer(base), .integer(factID),
                          .integer(Int64(derived.line)), .integer(Int64(derived.line))])
                let statementID = db.lastInsertRowID
                try db.run("INSERT INTO derivation_input (fact_id, position, sign, input_fact_id, input_statement_id) VALUES (?, 1, 1, ?, NULL)",
                           [.integer(factID), .integer(base)])
                try db.run("INSERT INTO derivation_input (fact_id, position, sign, input_fact_id, input_statement_id) VALUES (?, 2, ?, NULL, ?)",
                           [.integer(factID), .integer(sign), .integer(statementID)])
            }
            for row in codeRows {
                for (column, printed) in [("actual", row.actual), ("basic", row.basic), ("project", row.project)] {
                    guard let printed else { continue }
                    _ = try insertFact(db, disclosure: row.disclosure, measure: nil, code: row.code, fund: row.fund, column: column,
                                       year: row.year, fen: fen(printed), printed: printed, source: "table", line: row.line)
                }
            }
            for project in projects {
                try db.run("""
                    INSERT INTO project (id, disclosure_id, seq, code, name, has_form, line_from, line_to)
                    VALUES (?, ?, ?, ?, ?, 1, ?, ?)
                    """, [.integer(project.id), .integer(project.disclosure), .integer(Int64(project.seq)), .text(project.code),
                          .text(project.name), .integer(Int64(project.line)), .integer(Int64(project.line + 40))])
                var line = project.line + 1
                func figure(_ row: String, _ field: String, amount: Int64? = nil, rate: (Int64, Int)? = nil, points: Int64? = nil,
                            printed: String) throws {
                    try db.run("""
                        INSERT INTO project_figure (project_id, funding_row, field, amount_fen, rate_scaled, rate_decimals,
                                                    points_centi, printed, source_kind, line_from, line_to)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'table', ?, ?)
                        """, [.integer(project.id), .text(row), .text(field), amount.map { .integer($0) } ?? .null,
                              rate.map { .integer($0.0) } ?? .null, rate.map { .integer(Int64($0.1)) } ?? .null,
                              points.map { .integer($0) } ?? .null, .text(printed), .integer(Int64(line)), .integer(Int64(line))])
                    line += 1
                }
                try figure("total", "initial", amount: fen(project.initial), printed: project.initial)
                try figure("total", "adjusted", amount: fen(project.adjusted), printed: project.adjusted)
                try figure("total", "executed", amount: fen(project.executed), printed: project.executed)
                try figure("total", "rate", rate: rate(project.rate), printed: project.rate)
                try figure("total", "weight", points: centi(project.weight), printed: project.weight)
                try figure("total", "score", points: centi(project.score), printed: project.score)
                try figure("fiscal", "initial", amount: fen(project.fiscalInitial), printed: project.fiscalInitial)
                for (index, indicator) in project.indicators.enumerated() {
                    try db.run("""
                        INSERT INTO indicator (project_id, seq, level1, level2, level3, operator_printed, operator, target, unit,
                                               actual, weight_centi, score_centi, reason, is_total, line_from, line_to)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                        """, [.integer(project.id), .integer(Int64(index + 1)), .text(indicator.level1), .text(indicator.level2),
                              .text(indicator.level3), .text(indicator.operatorPrinted), .text(indicator.operatorNormal),
                              .text(indicator.target), indicator.unit.map { .text($0) } ?? .null, .text(indicator.actual),
                              .integer(centi(indicator.weight)), .integer(centi(indicator.score)),
                              indicator.reason.map { .text($0) } ?? .null,
                              .integer(Int64(project.line + 10 + index)), .integer(Int64(project.line + 10 + index))])
                }
                try db.run("""
                    INSERT INTO indicator (project_id, seq, level1, weight_centi, score_centi, is_total, line_from, line_to)
                    VALUES (?, ?, '合计', ?, ?, 1, ?, ?)
                    """, [.integer(project.id), .integer(Int64(project.indicators.count + 1)), .integer(centi(project.weight)),
                          .integer(centi(project.score)), .integer(Int64(project.line + 30)), .integer(Int64(project.line + 30))])
            }
            for paragraph in paragraphs {
                try db.run("""
                    INSERT INTO paragraph (disclosure_id, section, body, source_kind, line_from, line_to) VALUES (?, ?, ?, ?, ?, ?)
                    """, [.integer(paragraph.disclosure), .text(paragraph.section), .text(paragraph.body), .text(paragraph.kind),
                          .integer(Int64(paragraph.line)), .integer(Int64(paragraph.line))])
            }
            for disclosure in Set(paragraphs.map(\.disclosure)) {
                try db.run("INSERT INTO paragraph_fts(rowid, body) SELECT id, body FROM paragraph WHERE disclosure_id = ?",
                           [.integer(disclosure)])
            }
            try ValueChoice.refreshAll(in: db)
        }
        return connections
    }

    private static func insertFact(_ db: Database, disclosure: Int64, measure: String?, code: String?, fund: String, column: String,
                                   year: Int, fen: Int64, printed: String?, source: String, line: Int) throws -> Int64 {
        try db.run("""
            INSERT INTO fact (disclosure_id, measure_id, code, fund_id, column_id, year, amount_fen, printed, printed_unit,
                              derived, source_kind, line_from, line_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, '万元', ?, ?, ?, ?)
            """, [.integer(disclosure), measure.map { .text($0) } ?? .null, code.map { .text($0) } ?? .null, .text(fund),
                  .text(column), .integer(Int64(year)), .integer(fen), printed.map { .text($0) } ?? .null,
                  .integer(printed == nil ? 1 : 0), .text(source), .integer(Int64(line)), .integer(Int64(line))])
        return db.lastInsertRowID
    }
}

// MARK: - Independent answers from the constants

/// What the figures above mean, computed in Swift from the constants alone (no SQL): the
/// year rule, rollups, fund choice. The tests compare every statement's output with these.
extension MultiUnitFixture {
    /// A value and whether it is derived.
    struct Known: Equatable {
        let fen: Int64
        let derived: Bool
    }

    /// A measure's value for a unit and fiscal year: from the unit's own year-Y disclosure
    /// when it states it, else from the nearest later disclosure; table before text.
    static func value(_ unitID: Int64, _ measure: String, _ year: Int) -> Known? {
        let candidates = disclosures.filter { $0.unitID == unitID && $0.year >= year }.sorted { $0.year < $1.year }
        for disclosure in candidates {
            let printed = measureFigures.filter { $0.disclosure == disclosure.id && $0.measure == measure && $0.year == year }
                .sorted { ($0.source == "table" ? 0 : 1, $0.line) < ($1.source == "table" ? 0 : 1, $1.line) }
            if let first = printed.first { return Known(fen: fen(first.printed), derived: false) }
            if let derived = derivedFigures.first(where: { $0.disclosure == disclosure.id && $0.measure == measure && $0.year == year }) {
                let sign: Int64 = derived.direction == "减少" ? 1 : -1
                return Known(fen: fen(derived.current) + sign * fen(derived.change), derived: true)
            }
        }
        return nil
    }

    /// The cell of a classification row for a unit, fund, column and year (own-year first).
    static func codeValue(_ unitID: Int64, _ code: String, fund: String, column: String, year: Int) -> Int64? {
        let candidates = disclosures.filter { $0.unitID == unitID && $0.year >= year }.sorted { $0.year < $1.year }
        for disclosure in candidates {
            if let row = codeRows.first(where: { $0.disclosure == disclosure.id && $0.code == code && $0.fund == fund && $0.year == year }) {
                let printed: String?
                switch column {
                case "basic": printed = row.basic
                case "project": printed = row.project
                default: printed = row.actual
                }
                if let printed { return fen(printed) }
            }
        }
        return nil
    }

    /// The fund `breakdown` reads for a unit and year: all funds when the unit has such rows.
    static func breakdownFund(_ unitID: Int64, year: Int) -> String? {
        let ids = Set(disclosures.filter { $0.unitID == unitID }.map(\.id))
        let rows = codeRows.filter { ids.contains($0.disclosure) && $0.year == year }
        if rows.contains(where: { $0.fund == "all" }) { return "all" }
        return rows.isEmpty ? nil : "general"
    }

    /// The 项 (7-digit codes) under `node` that hold a value.
    static func items(_ unitID: Int64, under node: String, fund: String, column: String, year: Int) -> [(code: String, fen: Int64)] {
        let codes = Set(codeRows.map(\.code)).filter { $0.count == 7 && $0.hasPrefix(node) }.sorted()
        return codes.compactMap { code in codeValue(unitID, code, fund: fund, column: column, year: year).map { (code, $0) } }
    }

    /// A node's amount: printed where printed, else the sum of its 项 (derived); nil when none.
    static func nodeAmount(_ unitID: Int64, _ node: String, fund: String, column: String, year: Int) -> Known? {
        if let printed = codeValue(unitID, node, fund: fund, column: column, year: year) { return Known(fen: printed, derived: false) }
        let parts = items(unitID, under: node, fund: fund, column: column, year: year)
        return parts.isEmpty ? nil : Known(fen: parts.map(\.fen).reduce(0, +), derived: true)
    }
}
