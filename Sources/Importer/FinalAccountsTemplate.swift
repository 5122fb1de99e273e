import Core

extension TableTemplate {
    /// The 9-table 部门决算 (Shanghai districts, central departments): 收入支出决算总表, 收入决算表,
    /// 支出决算表, 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表 and its 基本支出 table by
    /// 经济分类, the 三公 table and the 政府性基金 / 国有资本经营 tables, all in 万元, each titled by a
    /// line of its own; the 情况说明 (第三部分) follows. Read by `FinalAccountsTableReader`.
    static let finalAccounts = TableTemplate(tables: [
        TableSpec(title: "收入支出决算总表",
                  shape: .twoSided(left: [RowLabel("一般公共预算财政拨款收入", "income_general"),
                                          RowLabel("政府性基金预算财政拨款收入", "income_gov_fund"),
                                          RowLabel("国有资本经营预算财政拨款收入", "income_soe"),
                                          RowLabel("上级补助收入", "income_superior"), RowLabel("事业收入", "income_business"),
                                          RowLabel("经营收入", "income_operating"), RowLabel("附属单位上缴收入", "income_affiliated"),
                                          RowLabel("其他收入", "income_other"), RowLabel("本年收入合计", "income_total"),
                                          RowLabel("使用非财政拨款结余", "non_fiscal_balance_used"),
                                          RowLabel("年初结转和结余", "opening_balance"), RowLabel("总计", "grand_total")],
                                   right: [RowLabel("本年支出合计", "expenditure_total"), RowLabel("结余分配", "surplus_distribution"),
                                           RowLabel("年末结转和结余", "closing_balance"), RowLabel("总计", nil, key: "grand_total_right")]),
                  fund: "all", columns: [TableColumn("actual", ["决算数"], total: "expenditure_total")], moneyUnit: .tenThousandYuan,
                  checks: [RowCheck("income_total", equals: ["income_general", "income_gov_fund", "income_soe", "income_superior",
                                                             "income_business", "income_operating", "income_affiliated", "income_other"],
                                    partsName: "各项收入"),
                           RowCheck("expenditure_total", equals: [RowCheck.classes], partsName: "各类支出"),
                           RowCheck("grand_total", equals: ["income_total", "non_fiscal_balance_used", "opening_balance"],
                                    wholeName: "收入方总计"),
                           RowCheck("grand_total_right", equals: ["expenditure_total", "surplus_distribution", "closing_balance"],
                                    wholeName: "支出方总计")]),
        TableSpec(title: "收入决算表", shape: .codes(economic: false), fund: "all",
                  columns: [TableColumn("income_total", ["本年收入合"], printed: "本年收入合计"),
                            TableColumn("income_fiscal", ["财政拨款收"], printed: "财政拨款收入"),
                            TableColumn("income_superior", ["上级补助"], printed: "上级补助收入"),
                            TableColumn("income_business", ["事业收"], printed: "事业收入"),
                            TableColumn("income_operating", ["经营收"], printed: "经营收入"),
                            TableColumn("income_affiliated", ["附属单"], printed: "附属单位上缴收入"),
                            TableColumn("income_other", ["其他收"], printed: "其他收入")],
                  moneyUnit: .tenThousandYuan,
                  // Income columns with a figure in the 总表 are the ones the rows can fill.
                  activeColumns: [(1, ["income_general", "income_gov_fund", "income_soe"]), (2, ["income_superior"]),
                                  (3, ["income_business"]), (4, ["income_operating"]), (5, ["income_affiliated"]),
                                  (6, ["income_other"])]),
        TableSpec(title: "支出决算表", shape: .codes(economic: false), fund: "all",
                  columns: [TableColumn("actual", ["本年支出合"], total: "expenditure_total", printed: "本年支出合计"),
                            TableColumn("basic", ["基本支出"], total: "basic"),
                            TableColumn("project", ["项目支"], total: "project", printed: "项目支出"),
                            TableColumn("remit_superior", ["上缴上级"], total: "remit_superior", printed: "上缴上级支出"),
                            TableColumn("operating", ["经营支"], total: "operating_expenditure", printed: "经营支出"),
                            TableColumn("affiliated_subsidy", ["对附属单位"], total: "affiliated_subsidy", printed: "对附属单位补助支出")],
                  moneyUnit: .tenThousandYuan, statedTotals: [1: "basic", 2: "project"]),
        TableSpec(title: "财政拨款收入支出决算总表",
                  shape: .twoSided(left: [RowLabel("一般公共预算财政拨款", "income_general"),
                                          RowLabel("政府性基金预算财政拨款", "income_gov_fund"),
                                          RowLabel("国有资本经营预算财政拨款", "income_soe"), RowLabel("本年收入合计", "fiscal_income"),
                                          RowLabel("年初财政拨款结转和结余", "fiscal_opening_balance"),
                                          // The 年初结转和结余 by fund: printed again, not read.
                                          RowLabel("一般公共预算财政拨款", nil), RowLabel("政府性基金预算财政拨款", nil),
                                          RowLabel("国有资本经营预算财政拨款", nil), RowLabel("总计", "fiscal_grand_total")],
                                   right: [RowLabel("本年支出合计", "fiscal_expenditure"),
                                           RowLabel("年末财政拨款结转和结余", "fiscal_closing_balance"),
                                           RowLabel("总计", nil, key: "total_right")]),
                  fund: "fiscal",
                  columns: [TableColumn("actual", fund: "fiscal", ["合计"], total: "fiscal_expenditure"),
                            TableColumn("actual", fund: "general", ["一般公共预算财政拨款"], total: "general_expenditure"),
                            TableColumn("actual", fund: "gov_fund", ["政府性基金预算财政拨款"], total: "gov_fund_expenditure"),
                            TableColumn("actual", fund: "soe", ["国有资本经营预算财政拨款"], total: "soe_expenditure")],
                  moneyUnit: .tenThousandYuan,
                  // Funds with appropriation income: the columns a right-hand row can fill.
                  activeColumns: [(1, ["income_general"]), (2, ["income_gov_fund"]), (3, ["income_soe"])],
                  firstFigureCell: 3, leftColumnLabel: "决算数",
                  checks: [RowCheck("fiscal_expenditure", equals: [RowCheck.classes], partsName: "各类支出")]),
        TableSpec(title: "一般公共预算财政拨款支出决算表", shape: .codes(economic: false), fund: "general",
                  columns: [TableColumn("actual", ["合计"], total: "general_expenditure"),
                            TableColumn("basic", ["基本支出"], total: "general_basic"),
                            TableColumn("project", ["项目支出"], total: "general_project")],
                  moneyUnit: .tenThousandYuan, statedTotals: [1: "general_basic"]),
        TableSpec(title: "一般公共预算财政拨款基本支出决算表", shape: .codes(economic: true), fund: "general",
                  columns: [TableColumn("basic", ["决算数"])], moneyUnit: .tenThousandYuan,
                  totalRows: [("人员经费合计", "personnel"), ("公用经费合计", "public_funds")],
                  checks: [RowCheck("人员经费合计", equals: ["301", "303"]), RowCheck("公用经费合计", equals: ["302", "310"])]),
        TableSpec(title: "财政拨款“三公”经费支出决算表",
                  shape: .singleRow(measures: sangongSlots, identities: [(0, [2, 4, 10]), (4, [6, 8]), (1, [3, 5, 11]), (5, [7, 9])]),
                  fund: "fiscal",
                  columns: sangongParts.flatMap { part in
                      [TableColumn(nil, ["预算数"], printed: part + "预算数"), TableColumn(nil, ["决算数"], printed: part + "决算数")]
                  },
                  moneyUnit: .tenThousandYuan),
        fundTable("政府性基金预算财政拨款收入支出决算表", fund: "gov_fund",
                  totals: ["gov_fund_opening_balance", "income_gov_fund", "gov_fund_expenditure", "gov_fund_basic", "gov_fund_project",
                           "gov_fund_closing_balance"]),
        fundTable("国有资本经营预算财政拨款收入支出决算表", fund: "soe",
                  totals: ["soe_opening_balance", "income_soe", "soe_expenditure", "soe_basic", "soe_project", "soe_closing_balance"]),
    ], narrativeStart: ["第三部分"], narrativeHeadings: ["一、收入支出决算总体情况说明"],
       captions: ["部门决算表"], partHeadings: ["第二部分"])

    /// The 三公 table's twelve figures: 预算数 and 决算数 of the 合计 and of each part.
    static let sangongParts = ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费"]
    static let sangongSlots: [RowSlot?] = ["sangong", "sangong_abroad", "sangong_vehicle", "vehicle_purchase",
                                                   "vehicle_operation", "sangong_reception"].flatMap { measure -> [RowSlot?] in
        [RowSlot(measure, column: "budget"), RowSlot(measure, column: "actual")]
    }

    /// The 政府性基金 / 国有资本经营 table of one fund: 合计 and 功能分类 rows; columns 年初结转和结余,
    /// 本年收入, 本年支出 (合计, 基本支出, 项目支出), 年末结转和结余, so no total column: the row
    /// identities are 本年支出 = 基本 + 项目 and 年初 + 本年收入 = 本年支出 + 年末. A fund the unit
    /// has no appropriation of prints the table empty (本年度没有…，故本表无数据).
    /// `totals`: the measures its 合计 row states, column by column.
    private static func fundTable(_ title: String, fund: String, totals: [String]) -> TableSpec {
        TableSpec(title: title, shape: .codes(economic: false), fund: fund,
                  columns: [TableColumn("opening_balance", ["年初结转和"], total: totals[0], printed: "年初结转和结余"),
                            TableColumn("income_total", ["本年收入"], total: totals[1]),
                            // The 本年支出 total is headed 合计 or 小计.
                            TableColumn("actual", ["小计", "合计"], total: totals[2], printed: "本年支出合计"),
                            TableColumn("basic", ["基本支出"], total: totals[3]),
                            TableColumn("project", ["项目支出"], total: totals[4]),
                            TableColumn("closing_balance", ["年末结转和"], total: totals[5], printed: "年末结转和结余")],
                  moneyUnit: .tenThousandYuan,
                  identities: [ColumnIdentity(left: [2], right: [3, 4]), ColumnIdentity(left: [0, 1], right: [2, 5])],
                  mayBeEmpty: true)
    }
}
