import Core

/// The 政府性基金预算财政拨款收入支出决算表 and 国有资本经营预算财政拨款收入支出决算表: 合计 and
/// 功能分类 类/款/项 rows; columns 年初结转和结余, 本年收入, 本年支出 (合计, 基本支出, 项目支出),
/// 年末结转和结余. Code rows are facts of the code in the table's fund, the 合计 row the fund's
/// measures. Columns are placed like the other code tables (cells, headings, else the table's
/// own identities), the identities being 本年支出 = 基本 + 项目 and 年初 + 本年收入 = 本年支出 + 年末.
extension ShanghaiTables {
    /// The two tables, by title: their fund and the measures of their 合计 row, by column.
    static let fundTables: [(title: String, fund: String, totals: [String: String])] = [
        ("政府性基金预算财政拨款收入支出决算表", "gov_fund", [
            "opening_balance": "gov_fund_opening_balance", "income_total": "income_gov_fund", "actual": "gov_fund_expenditure",
            "basic": "gov_fund_basic", "project": "gov_fund_project", "closing_balance": "gov_fund_closing_balance",
        ]),
        ("国有资本经营预算财政拨款收入支出决算表", "soe", [
            "opening_balance": "soe_opening_balance", "income_total": "income_soe", "actual": "soe_expenditure",
            "basic": "soe_basic", "project": "soe_project", "closing_balance": "soe_closing_balance",
        ]),
    ]

    static let fundColumns = ["opening_balance", "income_total", "actual", "basic", "project", "closing_balance"]
    static let fundColumnLabels = ["年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出", "年末结转和结余"]
    /// Printed headings (prefixes): the 本年支出 total is headed 合计 or 小计.
    static let fundHeadings = ["年初结转和", "本年收入", "小计|合计", "基本支出", "项目支出", "年末结转和"]
    /// 本年支出 = 基本 + 项目; 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
    static let fundIdentities = [ColumnIdentity(left: [2], right: [3, 4]), ColumnIdentity(left: [0, 1], right: [2, 5])]

    /// Reads one of the two tables; an empty one (本年度没有…，故本表无数据) gives no facts.
    static func readFundTable(_ name: String, _ lines: [String], _ range: ClosedRange<Int>, fund: String,
                              totalMeasures: [String: String], into b: inout ShanghaiBuilder) {
        let tokens = tokenLines(lines, range)
        guard tokens.contains(where: { $0.contains(where: { $0.isCell && !$0.isPlaceholder }) }) else {
            b.tables += 1
            return
        }
        readCodeTable(name, lines, range, fund: fund, columns: fundColumns, headings: fundHeadings,
                      columnLabels: fundColumnLabels, identities: fundIdentities, totalMeasures: totalMeasures, into: &b)
    }
}
