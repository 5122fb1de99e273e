import Core

/// Chart results shaped like the statements on the seed disclosure, with its figures
/// (fixtures/disclosures/000_aa60969cd7f058a1.txt; lines cited per sample).
enum ChartSamples {
    typealias Result = Samples.Result

    /// `breakdown 支出`: 基本支出 636.03 (71.53%), 项目支出 253.13 (28.47%) of 889.16 — line 56,
    /// the text of 图3 (支出决算结构图, line 59).
    static let structure = Result(
        shape: ResultShape(columns: [
            ResultColumn(name: "item", title: "项目", kind: .text),
            ResultColumn(name: "amount", title: "2023年", kind: .money),
            ResultColumn(name: "share", title: "占比", kind: .percent(decimals: 2)),
        ], hasLevels: true, hasTotals: true),
        rows: [
            ResultRow(cells: [.text("基本支出"), .integer(636_030_000), .integer(7153)], level: 1),
            ResultRow(cells: [.text("项目支出"), .integer(253_130_000), .integer(2847)], level: 1),
            ResultRow(cells: [.text("本年支出合计"), .integer(889_160_000), .integer(10000)], level: 1, isTotal: true),
        ])

    /// The structure of 图6 (line 78), from line 76: 一般公共服务支出 753.07 (84.69%), 公共安全支出
    /// 5.96 (0.67%), 社会保障和就业支出 57.34 (6.45%), 卫生健康支出 27.23 (3.06%), 住房保障支出
    /// 45.56 (5.12%) of 889.16.
    static let functions = Result(
        shape: ResultShape(columns: [
            ResultColumn(name: "code", title: "科目编码", kind: .text),
            ResultColumn(name: "name", title: "科目名称", kind: .text),
            ResultColumn(name: "amount", title: "决算数", kind: .money),
            ResultColumn(name: "share", title: "占比", kind: .percent(decimals: 2)),
        ], hasLevels: true, hasTotals: true),
        rows: [
            ResultRow(cells: [.text("201"), .text("一般公共服务支出"), .integer(753_070_000), .integer(8469)], level: 1),
            ResultRow(cells: [.text("204"), .text("公共安全支出"), .integer(5_960_000), .integer(67)], level: 1),
            ResultRow(cells: [.text("208"), .text("社会保障和就业支出"), .integer(57_340_000), .integer(645)], level: 1),
            ResultRow(cells: [.text("210"), .text("卫生健康支出"), .integer(27_230_000), .integer(306)], level: 1),
            ResultRow(cells: [.text("221"), .text("住房保障支出"), .integer(45_560_000), .integer(512)], level: 1),
            ResultRow(cells: [.text(""), .text("合计"), .integer(889_160_000), .integer(10000)], isTotal: true),
        ])

    /// `trend 三公`: 2023 12.52, 2022 6.89 derived from 增长5.63万元 (line 115), +81.71%.
    static let trend = Result(
        shape: ResultShape(columns: [
            ResultColumn(name: "year", title: "年度", kind: .integer),
            ResultColumn(name: "amount", title: "决算数", kind: .money),
            ResultColumn(name: "change", title: "变动", kind: .moneyChange),
            ResultColumn(name: "change_pct", title: "变动率", kind: .percentChange(decimals: 2)),
        ], hasDerived: true),
        rows: [
            ResultRow(cells: [.integer(2022), .integer(6_890_000), .null, .null], derivedCells: [1]),
            ResultRow(cells: [.integer(2023), .integer(12_520_000), .integer(5_630_000), .integer(8171)]),
        ])

    /// `top 3 units by 基本支出` over two units (the second invented, to rank).
    static let ranking = Result(
        shape: ResultShape(columns: [
            ResultColumn(name: "rank", title: "排名", kind: .integer),
            ResultColumn(name: "unit", title: "单位", kind: .text),
            ResultColumn(name: "amount", title: "基本支出（2023年）", kind: .money),
            ResultColumn(name: "share", title: "占合计", kind: .percent(decimals: 2)),
        ], hasTotals: true),
        rows: [
            ResultRow(cells: [.integer(1), .text("中国共产党遂宁市安居区委员会办公室"), .integer(636_030_000), .integer(8000)]),
            ResultRow(cells: [.integer(2), .text("某区机关事务服务中心"), .integer(159_007_500), .integer(2000)]),
            ResultRow(cells: [.null, .text("合计"), .integer(795_037_500), .null], isTotal: true),
        ])

    /// `compare 三公 2022 2023` and the per-unit `summary` of the render samples, with the
    /// column names the compiler gives two years (`value_2022`, `value_2023`).
    static let compare = withYearColumns(Samples.compare)
    static let blocks = withYearColumns(Samples.blocks)

    private static func withYearColumns(_ result: Result) -> Result {
        var result = result
        result.shape.columns[1].name = "value_2022"
        result.shape.columns[2].name = "value_2023"
        return result
    }

    static let all: [(name: String, result: Result)] = [
        ("structure", structure), ("functions", functions), ("compare", compare), ("trend", trend),
        ("ranking", ranking), ("blocks", blocks),
    ]
}
