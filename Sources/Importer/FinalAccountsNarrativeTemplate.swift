/// The 9-table template's 情况说明 (Shanghai's 部门决算): the figures its sentences restate,
/// each found by its label and the amount after it, then the 三公 details by pattern.
/// Shares, completion and growth rates and the 三公 changes are read by `ShanghaiRates`.
extension NarrativeTemplate {
    static let finalAccounts = NarrativeTemplate(
        rules: [
            // Totals restated in the text; "比2023年度增加…" after some of them.
            SentenceRule(label: "年度收入支出总计", [.fact("grand_total", amount: "amount", as: "total"), .change(of: "total")]),
            SentenceRule(label: "年度财政拨款收入支出总计", [
                .fact("fiscal_grand_total", amount: "amount", as: "total"), .change(of: "total"),
            ]),
            SentenceRule(label: "本年收入合计", [.fact("income_total", amount: "amount")]),
            SentenceRule(label: "本年支出合计", [.fact("expenditure_total", amount: "amount")]),
            SentenceRule(label: "其中：基本支出", [.fact("basic", amount: "amount")]),
            SentenceRule(label: "项目支出", within: 2, [.fact("project", amount: "amount")]),
            SentenceRule(label: "一般公共预算财政拨款基本支出", [.fact("general_basic", amount: "amount")]),
            SentenceRule(label: "人员经费", [.fact("personnel", amount: "amount")]),
            SentenceRule(label: "公用经费", [.fact("public_funds", amount: "amount")]),
            SentenceRule(label: "机关运行经费支出", [.fact("admin_operating", amount: "amount", as: "total"), .change(of: "total")]),
            SentenceRule(label: "“三公”经费财政拨款支出年初预算为", [
                .fact("sangong", amount: "amount", column: "budget"),
                .then(SentenceRule(label: "支出决算为", [.fact("sangong", amount: "amount")]), from: "amount"),
            ]),
            SentenceRule(label: "（一）一般公共预算财政拨款支出决算总体情况一般公共预算财政拨款支出", within: 4, [
                .fact("general_expenditure", amount: "amount", as: "total"), .change(of: "total"),
            ]),
            // 政府采购
            SentenceRule(label: "政府采购金额（以合同签订为准）为", [.fact("procurement", amount: "amount")]),
            SentenceRule(label: "货物采购金额", [.fact("procurement_goods", amount: "amount")]),
            SentenceRule(label: "工程采购金额", [.fact("procurement_works", amount: "amount")]),
            SentenceRule(label: "服务采购金额", [.fact("procurement_services", amount: "amount")]),
            SentenceRule(label: "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额", [
                .fact("procurement_sme", amount: "amount"),
            ]),
            SentenceRule(label: "在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额", [
                .fact("procurement_micro", amount: "amount"),
            ]),
            // Reserved budgets and other SME awards: no catalog measure; the lines count as read.
            SentenceRule(label: "面向中小企业预留政府采购项目预算金额", [.recognized]),
            SentenceRule(label: "面向小微企业预留政府采购项目预算金额", [.recognized]),
            SentenceRule(label: "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额", [.recognized]),
            // Vehicles and equipment.
            SentenceRule(count: "共有车辆", unit: "辆", [.count("vehicles_total", count: "count", unit: "辆")]),
            SentenceRule(count: "部级领导干部用车", unit: "辆", [.count("vehicles_minister", count: "count", unit: "辆")]),
            SentenceRule(count: "主要领导干部用车", unit: "辆", [.count("vehicles_leader", count: "count", unit: "辆")]),
            SentenceRule(count: "机要通信用车", unit: "辆", [.count("vehicles_confidential", count: "count", unit: "辆")]),
            SentenceRule(count: "应急保障用车", unit: "辆", [.count("vehicles_emergency", count: "count", unit: "辆")]),
            SentenceRule(count: "执法执勤用车", unit: "辆", [.count("vehicles_enforcement", count: "count", unit: "辆")]),
            SentenceRule(count: "特种专业技术用车", unit: "辆", [.count("vehicles_special", count: "count", unit: "辆")]),
            SentenceRule(count: "离退休干部用车", unit: "辆", [.count("vehicles_retired", count: "count", unit: "辆")]),
            SentenceRule(count: "其他用车", unit: "辆", [.count("vehicles_other", count: "count", unit: "辆")]),
            SentenceRule(count: "单价100万元（含）以上设备（不含车辆）", unit: "台", [
                .count("equipment_over_1m", count: "count", unit: "台套"),
            ]),
        ],
        detailRules: sangongPartWords.flatMap { label, measure in
            [SentenceRule(label + #"(?:支出)?(?:决算)?(?:数)?为?(?<amount>\d[\d.,]*)万"#, [
                .fact(.id(measure), amount: "amount", fund: "fiscal"),
             ]),
             SentenceRule(label + #"(?:支出)?年初预算(?:数)?为?(?<amount>\d[\d.,]*)万"#, [
                .fact(.id(measure), amount: "amount", fund: "fiscal", column: "budget"),
             ])]
        } + [
            SentenceRule(#"团组(?<groups>\d+)个、?(?:累计)?(?:(?<people>\d+)人次)?"#, [
                .count("abroad_groups", count: "groups", unit: "个", fund: "fiscal"),
                .count("abroad_people", count: "people", unit: "人次", fund: "fiscal"),
            ]),
            SentenceRule(#"购置(?:公务用车)?(?<count>\d+)辆"#, [.count("vehicles_purchased", count: "count", unit: "辆", fund: "fiscal")]),
            SentenceRule(#"保有量(?:为)?(?<count>\d+)辆"#, [.count("vehicles_held", count: "count", unit: "辆", fund: "fiscal")]),
            SentenceRule(#"(?:^|[^宾])接待(?<batches>\d+)批次、?(?:(?<people>\d+)人次)?"#, [
                .count("reception_domestic_batches", count: "batches", unit: "批次", fund: "fiscal"),
                .count("reception_domestic_people", count: "people", unit: "人次", fund: "fiscal"),
            ]),
            SentenceRule(#"接待外宾(?<batches>\d+)批次、?(?:(?<people>\d+)人次)?"#, [
                .count("reception_foreign_batches", count: "batches", unit: "批次", fund: "fiscal"),
                .count("reception_foreign_people", count: "people", unit: "人次", fund: "fiscal"),
            ]),
        ],
        shareBaseRules: [
            // "一般公共预算财政拨款支出X万元，主要用于以下方面" (the base of the 类 shares).
            SentenceRule(#"一般公共预算财政拨款支出(?<amount>\d[\d.,]*)万元，主要用于"#, [.fact("general_expenditure", amount: "amount")]),
        ],
        shares: ShareWords(
            pattern: SlotPattern(#"(?<amount>\d[\d.,]*)万元?，占(?<base>[^，。；%\d]{0,12}的)?(?<rate>\d[\d.]*)%"#),
            parts: [
                .init(words: "财政拨款收入", measure: "fiscal_income", fund: nil, base: "income_total"),
                .init(words: "其他收入", measure: "income_other", fund: "all", base: "income_total"),
                .init(words: "事业收入", measure: "income_business", fund: "all", base: "income_total"),
                .init(words: "经营收入", measure: "income_operating", fund: "all", base: "income_total"),
                .init(words: "上级补助收入", measure: "income_superior", fund: "all", base: "income_total"),
                .init(words: "附属单位上缴收入", measure: "income_affiliated", fund: "all", base: "income_total"),
                .init(words: "基本支出", measure: "basic", fund: "all", base: "expenditure_total"),
                .init(words: "项目支出", measure: "project", fund: "all", base: "expenditure_total"),
                .init(words: "经营支出", measure: "operating_expenditure", fund: nil, base: "expenditure_total"),
                .init(words: "一般公共预算财政拨款支出", measure: "general_expenditure", fund: nil, base: "expenditure_total"),
                .init(words: "因公出国（境）费", measure: "sangong_abroad", fund: nil, base: "sangong"),
                .init(words: "公务用车购置及运行维护费", measure: "sangong_vehicle", fund: nil, base: "sangong"),
                .init(words: "公务接待费", measure: "sangong_reception", fund: nil, base: "sangong"),
            ],
            bases: [("本年支出合计", "expenditure_total"), ("本年收入合计", "income_total")],
            classSuffix: "（类）", classFund: "general", classBase: "general_expenditure"),
        rates: RateWords(
            completion: SlotPattern(#"(?:完成|为)(?<budget>年初预算|全年预算数?|预算数?)的(?<rate>\d[\d.]*)%"#),
            growth: SlotPattern(#"(?<verb>增长|下降|增幅|降幅)((?:（(?:增长|下降)）)?)(?<rate>\d[\d.]*)(%?)"#),
            decrease: ["下降", "降幅"]),
        partChanges: [
            PartChanges(words: SlotPattern(#"“三公”经费(?:财政拨款)?支出决算数?(?:比|与)"#), measure: "sangong",
                        parts: [("因公出国（境）费", "sangong_abroad"), ("公务用车购置及运行维护费", "sangong_vehicle"),
                                ("公务接待费", "sangong_reception")]),
        ])

    /// The 三公 parts by the words the text prints for them (a trailing 费 may be left out).
    static let sangongPartWords: [(String, String)] = [
        ("因公出国（境）费", "sangong_abroad"), ("公务用车购置及运行维护费", "sangong_vehicle"), ("公务用车购置费?", "vehicle_purchase"),
        ("公务用车运行维护费?", "vehicle_operation"), ("公务接待费", "sangong_reception"), ("国内公务接待费?", "reception_domestic"),
        ("外宾接待费?", "reception_foreign"),
    ]
}
