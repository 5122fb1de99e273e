import Core

/// Results the render goldens are drawn from: small, but shaped like the real statements.
enum Samples {
    struct Result {
        var shape: ResultShape
        var rows: [ResultRow]
    }

    static let compareColumns = [
        ResultColumn(name: "item", title: "项目", kind: .text),
        ResultColumn(name: "y2022", title: "2022年", kind: .money),
        ResultColumn(name: "y2023", title: "2023年", kind: .money),
        ResultColumn(name: "change", title: "变化", kind: .moneyChange),
        ResultColumn(name: "change_pct", title: "变化率", kind: .percentChange(decimals: 2)),
    ]

    /// `compare 三公 2022 2023`: Chinese labels, a derived prior-year figure, blanks for
    /// unknown values, a negative change, a rate on a zero base, a total line.
    static let compare = Result(
        shape: ResultShape(columns: compareColumns, hasTotals: true, hasDerived: true),
        rows: [
            ResultRow(cells: [.text("公务用车购置及运行维护费"), .integer(6_890_000), .integer(12_520_000), .integer(5_630_000), .integer(8171)], derivedCells: [1]),
            ResultRow(cells: [.text("因公出国（境）费"), .integer(0), .integer(0), .integer(0), .null]),
            ResultRow(cells: [.text("公务接待费"), .integer(3_100_000), .integer(620_000), .integer(-2_480_000), .integer(-8000)]),
            ResultRow(cells: [.text("公务用车购置费"), .null, .integer(2_500_000), .null, .null]),
            ResultRow(cells: [.text("公务用车运行维护费"), .null, .integer(10_020_000), .null, .null]),
            ResultRow(cells: [.text("合计"), .integer(9_990_000), .integer(13_140_000), .integer(3_150_000), .integer(3153)], isTotal: true, derivedCells: [1, 3]),
        ]
    )

    /// `breakdown 201 depth 2`: a tree with levels (indented code), shares and a total.
    static let tree = Result(
        shape: ResultShape(columns: [
            ResultColumn(name: "code", title: "科目编码", kind: .text),
            ResultColumn(name: "name", title: "科目名称", kind: .text),
            ResultColumn(name: "amount", title: "金额", kind: .money),
            ResultColumn(name: "share", title: "占比", kind: .percent(decimals: 2)),
        ], hasLevels: true, hasTotals: true),
        rows: [
            ResultRow(cells: [.text("201"), .text("一般公共服务支出"), .integer(753_070_000), .integer(10000)], level: 1),
            ResultRow(cells: [.text("20131"), .text("党委办公厅（室）及相关机构事务"), .integer(753_070_000), .integer(10000)], level: 2),
            ResultRow(cells: [.text("2013101"), .text("行政运行"), .integer(402_230_000), .integer(5341)], level: 3),
            ResultRow(cells: [.text("2013102"), .text("一般行政管理事务"), .integer(250_000_000), .integer(3320)], level: 3),
            ResultRow(cells: [.text("2013150"), .text("事业运行"), .integer(80_840_000), .integer(1073)], level: 3),
            ResultRow(cells: [.text("2013199"), .text("其他党委办公厅（室）及相关机构事务支出"), .integer(20_000_000), .integer(266)], level: 3),
            ResultRow(cells: [.text("合计"), .null, .integer(753_070_000), .integer(10000)], isTotal: true),
        ]
    )

    /// `summary` with two units in scope: one block per unit, never summed.
    static let blocks = Result(
        shape: ResultShape(columns: compareColumns, hasDerived: true, hasBlocks: true),
        rows: [
            ResultRow(cells: [.text("本年收入合计"), .integer(889_160_000), .integer(1_066_510_000), .integer(177_350_000), .integer(1995)], block: "中国共产党遂宁市安居区委员会办公室"),
            ResultRow(cells: [.text("三公经费"), .integer(6_890_000), .integer(12_520_000), .integer(5_630_000), .integer(8171)], derivedCells: [1], block: "中国共产党遂宁市安居区委员会办公室"),
            ResultRow(cells: [.text("本年收入合计"), .integer(12_345_678_900), .integer(11_000_000_000), .integer(-1_345_678_900), .integer(-1090)], block: "安居区财政局"),
            ResultRow(cells: [.text("三公经费"), .null, .integer(1_500_000), .null, .null], block: "安居区财政局"),
        ]
    )

    /// A result with no rows.
    static let empty = Result(shape: compare.shape, rows: [])

    /// `projects`: money, a rate, points and integers, and text that each format must escape
    /// (comma, quotes, pipe, backslash, tab, line break, a control character).
    static let projects = Result(
        shape: ResultShape(columns: [
            ResultColumn(name: "code", title: "项目编码", kind: .text),
            ResultColumn(name: "name", title: "项目名称", kind: .text),
            ResultColumn(name: "initial", title: "年初预算", kind: .money),
            ResultColumn(name: "executed", title: "执行数", kind: .money),
            ResultColumn(name: "rate", title: "执行率", kind: .percent(decimals: 2)),
            ResultColumn(name: "score", title: "得分", kind: .points),
            ResultColumn(name: "indicators", title: "指标数", kind: .integer),
        ]),
        rows: [
            ResultRow(cells: [.text("51090021T000007"), .text("“六大工程”"), .integer(200_000_000), .integer(185_500_000), .integer(9275), .integer(9850), .integer(12)]),
            ResultRow(cells: [.text("51090021T000012"), .text("春节慰问费"), .integer(4_000_000), .integer(4_000_000), .integer(10000), .integer(1000), .integer(3)]),
            ResultRow(cells: [.text("51090021T000015"), .text("档案工作（含\"数字化\",扫描|装订）"), .integer(1_234_567), .integer(1_000), .null, .integer(750), .integer(5)]),
            ResultRow(cells: [.text("51090021T000016"), .text("信息化\t建设\n二期\\备用\u{1}"), .integer(0), .null, .null, .null, .null]),
        ]
    )

    /// A shape with one column of each kind whose values need extra decimals in 万元.
    static let decimals = Result(
        shape: ResultShape(columns: [
            ResultColumn(name: "item", title: "项目", kind: .text),
            ResultColumn(name: "amount", title: "金额", kind: .money),
        ]),
        rows: [
            ResultRow(cells: [.text("甲"), .integer(1_500_000)]),
            ResultRow(cells: [.text("乙"), .integer(1_234_560_000)]),
            ResultRow(cells: [.text("丙"), .integer(-300_000)]),
            ResultRow(cells: [.text("丁"), .integer(10)]),
            ResultRow(cells: [.text("戊"), .integer(522_600)]),
        ]
    )

    static let all: [(name: String, result: Result)] = [
        ("compare", compare), ("tree", tree), ("blocks", blocks), ("empty", empty), ("projects", projects), ("decimals", decimals),
    ]
}
