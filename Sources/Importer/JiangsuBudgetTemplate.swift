import Core

extension TableTemplate {
    /// The Jiangsu provincial 部门预算: twelve 公开表 in 万元, found by title whatever their
    /// order (2017 orders them differently) and prefix ("一、2018 年度…", "公开 01 表").
    /// 单位预留机动经费 is a third 支出用途; the 三公 table's 合计 includes 会议费 and 培训费.
    static let jiangsu = TableTemplate(tables: [
        TableSpec(title: "收支预算总表",
                  shape: .twoSided(left: [RowLabel("财政拨款", "fiscal_income"), RowLabel("一般公共预算", "income_general"),
                                          RowLabel("政府性基金预算", "income_gov_fund"),
                                          RowLabel("财政专户管理资金", "income_fiscal_account"), RowLabel("其他资金", "income_other_funds"),
                                          RowLabel("当年收入小计", "income_total"), RowLabel("收入合计", "grand_total")],
                                   right: [RowLabel("当年支出小计", "expenditure_total")]),
                  fund: "all", columns: [TableColumn("budget", ["金额"])], moneyUnit: .tenThousandYuan,
                  readsClasses: false),
        TableSpec(title: "收入预算总表", shape: .twoSided(left: [RowLabel("收入总计", "income_total")], right: []),
                  fund: "all", columns: [TableColumn("budget", ["金额"])], moneyUnit: .tenThousandYuan,
                  readsClasses: false),
        TableSpec(title: "支出预算总表",
                  shape: .singleRow(measures: ["expenditure_total", "basic", "project", "reserve_funds", nil],
                                    identities: [(0, [1, 2, 3, 4])]),
                  fund: "all",
                  columns: [TableColumn(nil, ["合计"]), TableColumn(nil, ["基本支出"]), TableColumn(nil, ["项目支出"]),
                            TableColumn(nil, ["单位预留机动经费"]), TableColumn(nil, ["结转下年资金"])],
                  moneyUnit: .tenThousandYuan),
        TableSpec(title: "财政拨款收支预算总表",
                  shape: .twoSided(left: [RowLabel("一般公共预算", "income_general"), RowLabel("政府性基金预算", "income_gov_fund"),
                                          RowLabel("收入合计", "fiscal_income")],
                                   right: [RowLabel("支出合计", "fiscal_expenditure")]),
                  fund: "fiscal", columns: [TableColumn("budget", ["金额"])], moneyUnit: .tenThousandYuan,
                  readsClasses: false),
        TableSpec(title: "财政拨款支出预算表", shape: .codes(economic: false), fund: "fiscal",
                  columns: [TableColumn("budget", ["金额"], total: "fiscal_expenditure")], moneyUnit: .tenThousandYuan),
        TableSpec(title: "财政拨款基本支出预算表", shape: .codes(economic: true), fund: "fiscal",
                  columns: [TableColumn("budget", ["金额"])], moneyUnit: .tenThousandYuan),
        TableSpec(title: "一般公共预算支出预算表", shape: .codes(economic: false), fund: "general",
                  columns: [TableColumn("budget", ["金额"], total: "general_expenditure")], moneyUnit: .tenThousandYuan),
        TableSpec(title: "一般公共预算基本支出预算表", shape: .codes(economic: true), fund: "general",
                  columns: [TableColumn("budget", ["金额"], total: "general_basic")], moneyUnit: .tenThousandYuan),
        TableSpec(title: "“三公”经费、会议费、培训费支出预算表",
                  shape: .singleRow(measures: ["sangong_meetings_training", "sangong", "sangong_abroad", "sangong_vehicle",
                                               "vehicle_purchase", "vehicle_operation", "sangong_reception",
                                               "meeting_fees", "training_fees"],
                                    identities: [(0, [1, 7, 8]), (1, [2, 3, 6]), (3, [4, 5])]),
                  fund: "fiscal", columns: [], moneyUnit: .tenThousandYuan),
        TableSpec(title: "政府性基金支出预算表", shape: .codes(economic: false), fund: "gov_fund",
                  columns: [TableColumn("budget", ["金额"], total: "gov_fund_expenditure")], moneyUnit: .tenThousandYuan,
                  otherTitles: ["政府性基金预算财政拨款支出预算表", "政府性基金财政拨款支出预算表", "财政拨款政府性基金支出预算表"]),
        TableSpec(title: "一般公共预算机关运行经费支出预算表", shape: .codes(economic: true), fund: "general",
                  // Its items by 经济科目 in a column of their own: C5 compares them with 基本支出.
                  columns: [TableColumn("admin_operating", ["金额"], total: "admin_operating")], moneyUnit: .tenThousandYuan),
        // Itemised 品目大类 → 专项 → 经济科目 → 品目: the 合计 and the 大类 subtotals are read (only
        // non-empty 大类 are printed, their numbering kept).
        TableSpec(title: "政府采购预算表",
                  shape: .twoSided(left: [RowLabel("合计", "procurement"), RowLabel("货物A", "procurement_goods"),
                                          RowLabel("工程B", "procurement_works"), RowLabel("服务C", "procurement_services")],
                                   right: []),
                  fund: "all", columns: [TableColumn("budget", ["总计"])], moneyUnit: .tenThousandYuan,
                  otherTitles: ["政府采购支出预算表"], readsClasses: false),
    ], narrativeStart: ["第三部分", "第四部分"], titleBySuffix: true, titleNotes: ["（功能科目）", "（经济科目）"])
}
