import Core

/// A budget template (部门预算 / 单位预算) described as data: the tables it prints, each by
/// the end of its title, its shape, its columns and the unit its money is printed in. The
/// reader (`BudgetTableReader`) is the same for every template; only these descriptions differ.
struct BudgetTemplate: Sendable {
    var tables: [BudgetTableSpec]
    /// Words of a line that starts the narrative after the last table.
    var narrativeStart: [String]
    /// Titles end in the table's title after any prefix (enumeration, year, unit name), rather
    /// than only after a year and scope word; a title line is then followed by its 单位： line.
    var titleBySuffix = false
}

/// One column of a table: the fact column (or the measures of its 合计 row) and the words its
/// heading prints (any of them, matched against a whole header token).
struct BudgetColumn: Sendable {
    /// fact_column id of the figures in this column; nil: read, but not stored (a column whose
    /// meaning has no column of its own, e.g. 人员经费 of an all-funds table).
    var column: String?
    /// fund of the code figures in this column (the table's fund when nil).
    var fund: String?
    var headings: [String]
    /// Measure the 合计 / 支出总计 row states in this column.
    var totalMeasure: String?

    init(_ column: String?, fund: String? = nil, _ headings: [String], total totalMeasure: String? = nil) {
        self.column = column
        self.fund = fund
        self.headings = headings
        self.totalMeasure = totalMeasure
    }
}

/// How a table is laid out.
enum BudgetTableShape: Sendable {
    /// Rows keyed by classification codes printed in up to three code columns (类 款 项),
    /// then a 合计 row. `economic`: the codes are 经济分类 (类 款).
    case codes(economic: Bool)
    /// Two sides on one line: income labels on the left, spending labels on the right (类 rows
    /// and the 支出总计), each followed by its figures.
    case twoSided(left: [(label: String, measure: String)], rightTotal: String)
    /// One row of figures under a header (the 三公 table), a blank cell printing nothing: the
    /// placements of the figures in `measures` for which every identity (whole = Σ parts)
    /// holds are tried; a figure is stored where all of them agree (a nil measure: not stored).
    case singleRow(measures: [String?], identities: [(whole: Int, parts: [Int])])
}

struct BudgetTableSpec: Sendable {
    /// The title without its year and scope prefix ("2025年部门", "2024年预算单位").
    var title: String
    var shape: BudgetTableShape
    var fund: String
    var columns: [BudgetColumn]
    /// The unit the template prints this table in (a printed 单位： line overrides it).
    var moneyUnit: MoneyUnit
    /// Other titles of the same table (other years' wording).
    var otherTitles: [String] = []
    /// Whether the two-sided table's right side lists 类 rows to read.
    var readsClasses = true
    /// Labels of the right side's total (支出总计, 当年支出小计 …).
    var rightTotalLabels = ["支出总计"]

    var titles: [String] { [title] + otherTitles }
}

extension BudgetTemplate {
    /// The Shanghai district 部门预算 / 单位预算: nine tables, 1–8 in 元, the 三公 table in 万元.
    static let shanghai = BudgetTemplate(tables: [
        BudgetTableSpec(title: "财务收支预算总表",
                        shape: .twoSided(left: [("财政拨款收入", "fiscal_income"), ("一般公共预算资金", "income_general"),
                                                ("政府性基金", "income_gov_fund"), ("国有资本经营预算", "income_soe"),
                                                ("事业单位经营收入", "income_operating"), ("事业收入", "income_business"),
                                                ("其他收入", "income_other"), ("收入总计", "income_total"),
                                                // No 结转 rows: the 收入总计 is the 收支总计 too.
                                                ("收入总计", "grand_total")],
                                         rightTotal: "expenditure_total"),
                        fund: "all",
                        columns: [BudgetColumn("budget", ["合计", "预算数"]), BudgetColumn(nil, ["人员经费"]),
                                  BudgetColumn(nil, ["公用经费"]), BudgetColumn("project", ["项目支出"], total: "project")],
                        moneyUnit: .yuan),
        BudgetTableSpec(title: "收入预算总表", shape: .codes(economic: false), fund: "all",
                        columns: [BudgetColumn("budget", ["合计"], total: "income_total"),
                                  BudgetColumn("income_fiscal", ["财政拨款收入"], total: "fiscal_income"),
                                  BudgetColumn("income_business", ["事业收入"], total: "income_business"),
                                  BudgetColumn("income_operating", ["经营收入", "事业单位"], total: "income_operating"),
                                  BudgetColumn("income_other", ["其他收入"], total: "income_other")],
                        moneyUnit: .yuan),
        BudgetTableSpec(title: "支出预算总表", shape: .codes(economic: false), fund: "all",
                        columns: [BudgetColumn("budget", ["合计"], total: "expenditure_total"),
                                  BudgetColumn("basic", ["基本支出"], total: "basic"),
                                  BudgetColumn("project", ["项目支出"], total: "project")],
                        moneyUnit: .yuan),
        BudgetTableSpec(title: "财政拨款收支预算总表",
                        shape: .twoSided(left: [("一般公共预算资金", "income_general"), ("政府性基金", "income_gov_fund"),
                                                ("国有资本经营预算", "income_soe"), ("收入总计", "fiscal_income")],
                                         rightTotal: "fiscal_expenditure"),
                        fund: "fiscal",
                        columns: [BudgetColumn("budget", fund: "fiscal", ["合计"], total: "fiscal_expenditure"),
                                  BudgetColumn("budget", fund: "general", ["一般公共预算"], total: "general_expenditure"),
                                  BudgetColumn("budget", fund: "gov_fund", ["政府性基金预算"], total: "gov_fund_expenditure"),
                                  BudgetColumn("budget", fund: "soe", ["国有资本经营预算"], total: "soe_expenditure")],
                        moneyUnit: .yuan),
        BudgetTableSpec(title: "一般公共预算支出功能分类预算表", shape: .codes(economic: false), fund: "general",
                        columns: [BudgetColumn("budget", ["合计"], total: "general_expenditure"),
                                  BudgetColumn("basic", ["基本支出"], total: "general_basic"),
                                  BudgetColumn("project", ["项目支出"], total: "general_project")],
                        moneyUnit: .yuan),
        BudgetTableSpec(title: "政府性基金预算支出功能分类预算表", shape: .codes(economic: false), fund: "gov_fund",
                        columns: [BudgetColumn("budget", ["合计"], total: "gov_fund_expenditure"),
                                  BudgetColumn("basic", ["基本支出"]), BudgetColumn("project", ["项目支出"])],
                        moneyUnit: .yuan),
        BudgetTableSpec(title: "国有资本经营预算支出功能分类预算表", shape: .codes(economic: false), fund: "soe",
                        columns: [BudgetColumn("budget", ["合计"], total: "soe_expenditure"),
                                  BudgetColumn("basic", ["基本支出"]), BudgetColumn("project", ["项目支出"])],
                        moneyUnit: .yuan),
        BudgetTableSpec(title: "一般公共预算基本支出部门预算经济分类预算表", shape: .codes(economic: true), fund: "general",
                        columns: [BudgetColumn("budget", ["合计"], total: "general_basic"),
                                  BudgetColumn(nil, ["人员经费"], total: "personnel"),
                                  BudgetColumn(nil, ["公用经费"], total: "public_funds")],
                        moneyUnit: .yuan),
        BudgetTableSpec(title: "“三公”经费和机关运行经费预算表",
                        shape: .singleRow(measures: ["sangong", "sangong_abroad", "sangong_reception", "sangong_vehicle",
                                                     "vehicle_purchase", "vehicle_operation", "admin_operating"],
                                          identities: [(0, [1, 2, 3]), (3, [4, 5])]),
                        fund: "fiscal",
                        // Headings place the figures the identities leave open (a blank 购置费 beside 运行费).
                        columns: [BudgetColumn(nil, ["合计"]), BudgetColumn(nil, ["因公出国(境)费", "因公出国（境）费"]),
                                  BudgetColumn(nil, ["公务接待费"]), BudgetColumn(nil, ["小计"]), BudgetColumn(nil, ["购置费"]),
                                  BudgetColumn(nil, ["运行费"]), BudgetColumn(nil, ["机关运行经费预算", "机关运行经"])],
                        moneyUnit: .tenThousandYuan),
    ], narrativeStart: ["其他相关情况说明"])

    /// 类 names of earlier classification years that tables still print (名称 changed since).
    static let formerClassNames: [String: String] = [
        "医疗卫生与计划生育支出": "210", "文化体育与传媒支出": "207", "医疗卫生支出": "210",
    ]

    /// The spec whose title `line` (spaces removed) is: an optional "YYYY年", an optional scope
    /// word (部门, 预算单位, 单位), then the title. Contents lines ("1. 2025年…") do not match.
    func table(titled line: String) -> BudgetTableSpec? {
        if titleBySuffix {
            var s = line
            for note in ["（功能科目）", "（经济科目）"] where s.hasSuffix(note) { s = String(s.dropLast(note.count)) }
            guard s.count <= 60, !s.contains("："), !s.contains("。") else { return nil }
            let all = tables.flatMap { spec in spec.titles.map { (spec, $0) } }.sorted { $0.1.count > $1.1.count }
            return all.first { s.hasSuffix($0.1) }?.0
        }
        var rest = Substring(line)
        let digits = rest.prefix(while: \.isASCIIDigitChar)
        if digits.count == 4, rest.dropFirst(4).first == "年" { rest = rest.dropFirst(5) }
        for word in ["预算单位", "部门", "单位"] where rest.hasPrefix(word) {
            rest = rest.dropFirst(word.count)
            break
        }
        return tables.first { $0.title == rest }
    }
}
