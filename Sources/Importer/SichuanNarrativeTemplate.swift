/// The Sichuan template's narrative (第一部分 部门概况, 第二部分 情况说明, 附件 绩效评价报告): one rule
/// per kind of sentence, tried in order on each paragraph.
extension NarrativeTemplate {
    static let sichuan = NarrativeTemplate(rules: sichuanRules, sections: [
        // 附件2: each report states its project's budget, use and execution.
        NarrativeSection(heading: "专项预算项目绩效评价报告", rules: [
            SentenceRule(#"^\d*[.．]?\s*(?<project>.+?)年初预算⟨amount⟩万(?!元)"#, [.project(name: "project", budget: "amount")]),
            SentenceRule(#"年初预算安排⟨initial⟩万元，使用⟨used⟩万元"#, [
                .projectFigure(field: "initial", amount: "initial"), .projectFigure(field: "executed", amount: "used"),
                .first(SlotPattern(#"预算支出⟨amount⟩万元"#), [.projectFigure(field: "executed", amount: "amount")]),
                .first(SlotPattern(#"(?:年度|年终|年中)(?<verb>调增|调减)预算⟨amount⟩万元"#), [
                    .projectAdjustment(verb: "verb", amount: "amount"),
                ]),
            ]),
            SentenceRule(#"项目资金到位⟨adjusted⟩万元，支出⟨executed⟩万元，项目资金执行率为⟨rate⟩\s*%"#, [
                .projectFigure(field: "adjusted", amount: "adjusted"), .projectFigure(field: "executed", amount: "executed"),
                .projectRate(rate: "rate"),
            ]),
        ]),
    ])

    static let sichuanRules: [SentenceRule] = [
        // 第一部分
        SentenceRule(#"^(?<unit>.+?)下属(?:事业单位|二级单位|二级预算单位)(?<all>\d+)个，其中行政单位(?<admin>\d+)个，参照公务员法管理的事业单位(?<civil>\d+)个，其他事业单位(?<other>\d+)个"#, [
            .alias("unit"),
            .count("subunits", count: "all", unit: "个"), .count("subunits_admin", count: "admin", unit: "个"),
            .count("subunits_civil_service", count: "civil", unit: "个"), .count("subunits_other", count: "other", unit: "个"),
        ]),
        SentenceRule(#"^纳入(?<unit>.+?)\d{4}年度部门决算编制范围的二级预算单位"#, [.alias("unit"), .opensSubunitList]),
        // 第二部分: totals, their parts and shares, changes against the prior year
        SentenceRule(#"\d{4}年度财政拨款收、支总计均为⟨amount⟩万元"#, [
            .fact("fiscal_grand_total", amount: "amount", as: "total"), .change(of: "total"),
        ]),
        SentenceRule(#"\d{4}年度收、支总计均为⟨amount⟩万元"#, [.fact("grand_total", amount: "amount", as: "total"), .change(of: "total")]),
        SentenceRule(#"本年收入合计⟨amount⟩万元"#, [
            .fact("income_total", amount: "amount", as: "total"),
            .each(SlotPattern(#"(?<label>一般公共预算财政拨款收入|政府性基金预算财政拨款收入|国有资本经营预算财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入)⟨amount⟩万元(?:，(?<share>占⟨rate⟩\s*%))?"#), [
                .fact(.byWords("label", ["一般公共预算财政拨款收入": "income_general", "政府性基金预算财政拨款收入": "income_gov_fund",
                                         "国有资本经营预算财政拨款收入": "income_soe", "上级补助收入": "income_superior",
                                         "事业收入": "income_business", "经营收入": "income_operating",
                                         "附属单位上缴收入": "income_affiliated", "其他收入": "income_other"]),
                      amount: "amount", as: "part"),
                .share(printed: "share", rate: "rate", part: "part", base: "total"),
            ]),
        ]),
        SentenceRule(#"本年支出合计⟨amount⟩万元"#, [
            .fact("expenditure_total", amount: "amount", as: "total"),
            .each(SlotPattern(#"(?<label>基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出)⟨amount⟩万元(?:，(?<share>占⟨rate⟩\s*%))?"#), [
                .fact(.byWords("label", ["基本支出": "basic", "项目支出": "project", "上缴上级支出": "remit_superior",
                                         "经营支出": "operating_expenditure", "对附属单位补助支出": "affiliated_subsidy"]),
                      amount: "amount", as: "part"),
                .share(printed: "share", rate: "rate", part: "part", base: "total"),
            ]),
        ]),
        SentenceRule(#"一般公共预算财政拨款支出⟨amount⟩万元，(?<share>占本年支出合计的⟨rate⟩\s*%)"#, [
            .fact("general_expenditure", amount: "amount", as: "total"),
            .share(printed: "share", rate: "rate", part: "total", base: .latest("expenditure_total")),
            .change(of: "total"),
        ]),
        SentenceRule(#"一般公共预算财政拨款支出⟨amount⟩万元，主要用于以下方面："#, [
            .fact("general_expenditure", amount: "amount", as: "total"),
            .each(SlotPattern(#"(?<label>[^：；，。、]+?)⟨amount⟩万元，(?<share>占⟨rate⟩\s*%)"#), in: .after("："), [
                .code(.className("label"), fund: "general", amount: "amount", as: "part"),
                .share(printed: "share", rate: "rate", part: "part", base: "total"),
            ]),
        ]),
        // 一般公共预算财政拨款支出决算具体情况: each 项 with its completion rate
        SentenceRule(#"一般公共预算支出决算数为⟨amount⟩万元"#, [
            .fact("general_expenditure", amount: "amount", as: "total"), .completion(of: "total"),
        ]),
        SentenceRule(#"^\d+[.．]\s*[^()（）]+?[(（](?<class>\d{3})[)）].*?[(（](?<kind>\d{2})[)）].*?[(（](?<item>\d{2})[)）]\s*[:：]\s*支出决算为⟨amount⟩万元"#, [
            .code(.joined(["class", "kind", "item"]), fund: "general", amount: "amount", as: "item"), .completion(of: "item"),
        ]),
        SentenceRule(#"一般公共预算财政拨款基本支出⟨amount⟩万元"#, [.fact("general_basic", amount: "amount")]),
        SentenceRule(#"^人员经费⟨amount⟩万元"#, [.fact("personnel", amount: "amount")]),
        SentenceRule(#"^公用经费⟨amount⟩万元"#, [.fact("public_funds", amount: "amount")]),
        // 三公
        SentenceRule(#"“三公”经费财政拨款支出决算为⟨amount⟩万元"#, [
            .fact("sangong", amount: "amount", as: "total"), .completion(of: "total"), .change(of: "total"), misposted,
        ]),
        SentenceRule(#"^决算数与预算数(?<comparison>持平|大于预算数|小于预算数)"#, [.completionAgain(comparison: "comparison"), misposted]),
        SentenceRule(#"“三公”经费财政拨款支出决算中，"#, [
            .each(SlotPattern(#"(?<label>因公出国（境）费|公务用车购置及运行维护费|公务接待费)支出决算⟨amount⟩万元，(?<share>占⟨rate⟩\s*%)"#), [
                .fact(.byWords("label", ["因公出国（境）费": "sangong_abroad", "公务用车购置及运行维护费": "sangong_vehicle",
                                         "公务接待费": "sangong_reception"]), amount: "amount", as: "part"),
                .share(printed: "share", rate: "rate", part: "part", base: .latest("sangong")),
            ]),
        ]),
        SentenceRule(#"^\d+[.．]\s*因公出国（境）(?:经费|费)支出⟨amount⟩万元"#, [
            .fact("sangong_abroad", amount: "amount", as: "part"), .completion(of: "part"),
            .first(SlotPattern(#"团组(?<count>\d+)(?<unit>次|个)"#), [.count("abroad_groups", count: "count", unit: .slot("unit"))]),
            .first(SlotPattern(#"出国（境）(?<count>\d+)(?<unit>人次|人)"#), [.count("abroad_people", count: "count", unit: .slot("unit"))]),
            .change(of: "part"),
        ]),
        SentenceRule(#"^\d+[.．]\s*公务用车购置及运行维护费支出⟨amount⟩万元"#, [
            .fact("sangong_vehicle", amount: "amount", as: "part"), .completion(of: "part"), .change(of: "part"), misposted,
        ]),
        SentenceRule(#"公务用车购置支出⟨amount⟩万元"#, [
            .fact("vehicle_purchase", amount: "amount"),
            .first(SlotPattern(#"购置公务用车(?<count>\d+)辆"#), in: .before("共有公务用车"), [.count("vehicles_purchased", count: "count", unit: "辆")]),
            .each(SlotPattern(#"(?<type>轿车|越野车|载客汽车)(?<count>\d+)辆、金额⟨amount⟩万元"#), in: .before("共有公务用车"), [
                .count(.byWords("type", vehicleTypes.mapValues { "vehicles_purchased_" + $0 }), count: "count", unit: "辆"),
                .fact(.byWords("type", vehicleTypes.mapValues { "vehicle_purchase_" + $0 }), amount: "amount"),
            ]),
            .first(SlotPattern(#"共有公务用车(?<count>\d+)辆"#), in: .from("共有公务用车"), [.count("vehicles_held", count: "count", unit: "辆")]),
            .each(SlotPattern(#"(?<type>轿车|越野车|载客汽车)(?<count>\d+)辆"#), in: .following("共有公务用车"), [
                .count(.byWords("type", vehicleTypes.mapValues { "vehicles_held_" + $0 }), count: "count", unit: "辆"),
            ]),
        ]),
        SentenceRule(#"^公务用车运行维护费支出⟨amount⟩万元"#, [.fact("vehicle_operation", amount: "amount")]),
        SentenceRule(#"^\d+[.．]\s*公务接待费支出⟨amount⟩万元"#, [
            .fact("sangong_reception", amount: "amount", as: "part"), .completion(of: "part"), .change(of: "part"),
        ]),
        SentenceRule(#"^(?<kind>国内公务接待|外事接待)支出⟨amount⟩万元"#, [
            .fact(.byWords("kind", receptionKinds), amount: "amount"),
            .first(SlotPattern(#"(?:国内公务接待|外事接待)(?<batches>\d+)批次，(?<people>\d+)人次"#), [
                .count(.byWords("kind", receptionKinds.mapValues { $0 + "_batches" }), count: "batches", unit: "批次"),
                .count(.byWords("kind", receptionKinds.mapValues { $0 + "_people" }), count: "people", unit: "人次"),
            ]),
            .first(SlotPattern(#"共计支出⟨amount⟩万元"#), [.fact(.byWords("kind", receptionKinds), amount: "amount")]),
        ]),
        SentenceRule(#"政府性基金预算财政拨款支出⟨amount⟩万元"#, [.fact("gov_fund_expenditure", amount: "amount")]),
        SentenceRule(#"国有资本经营预算财政拨款支出⟨amount⟩万元"#, [.fact("soe_expenditure", amount: "amount")]),
        // 机关运行经费, 政府采购, 国有资产占用
        SentenceRule(#"^\d{4}年度?，(?<unit>.+?)机关运行经费支出⟨amount⟩万元"#, [
            .alias("unit"), .fact("admin_operating", amount: "amount", as: "total"), .change(of: "total"),
        ]),
        SentenceRule(#"^\d{4}年度?，(?<unit>.+?)政府采购支出总额⟨amount⟩万元"#, [
            .alias("unit"), .fact("procurement", amount: "amount", as: "total"),
            .each(SlotPattern(#"政府采购(?<kind>货物|工程|服务)支出⟨amount⟩万元"#), [
                .fact(.byWords("kind", ["货物": "procurement_goods", "工程": "procurement_works", "服务": "procurement_services"]),
                      amount: "amount"),
            ]),
            .each(SlotPattern(#"授予(?<kind>中小企业|小微企业)合同金额⟨amount⟩万元(?:，(?<share>占政府采购支出总额的⟨rate⟩\s*%))?"#), [
                .fact(.byWords("kind", ["中小企业": "procurement_sme", "小微企业": "procurement_micro"]), amount: "amount", as: "part"),
                .share(printed: "share", rate: "rate", part: "part", base: "total"),
            ]),
        ]),
        SentenceRule(#"^截至\d{4}年\d+月\d+日，(?<unit>.+?)共有车辆(?<count>\d+)辆"#, [
            .alias("unit"), .count("vehicles_total", count: "count", unit: "辆"),
            .each(SlotPattern(#"(?<use>部级领导干部用车|主要领导干部用车|机要通信用车|应急保障用车|执法执勤用车|特种专业技术用车|离退休干部用车|其他用车)(?<count>\d+)辆"#), [
                .count(.byWords("use", ["部级领导干部用车": "vehicles_minister", "主要领导干部用车": "vehicles_leader",
                                        "机要通信用车": "vehicles_confidential", "应急保障用车": "vehicles_emergency",
                                        "执法执勤用车": "vehicles_enforcement", "特种专业技术用车": "vehicles_special",
                                        "离退休干部用车": "vehicles_retired", "其他用车": "vehicles_other"]),
                       count: "count", unit: "辆"),
            ]),
            .first(SlotPattern(#"单价100万元以上(?:设备|大型设备)(?:（不含车辆）)?(?<count>\d+)(?<unit>台（套）|台套|台)"#), [
                .count("equipment_over_1m", count: "count", unit: .slot("unit")),
            ]),
        ]),
        // 预算绩效管理
        SentenceRule(#"(?<count>\d+)个项目开展了预算事前绩效评估"#, [
            .count("perf_pre_assessed", count: "count", unit: "个"),
            .first(SlotPattern(#"对(?<count>\d+)个项目编制了绩效目标"#), [.count("perf_targets", count: "count", unit: "个")]),
            .first(SlotPattern(#"选取(?<count>\d+)个项目开展绩效监控"#), [.count("perf_monitored", count: "count", unit: "个")]),
        ]),
        SentenceRule(#"部门整体（含部门预算项目）绩效自评得分为⟨points⟩分"#, [
            .first(SlotPattern(#"形成(?<unit>.+?)部门整体"#), [.alias("unit")]),
            .points("dept_perf_score", points: "points"),
            .each(SlotPattern(#"(?<project>[^；;，。：、]+?)专项预算项目绩效自评得分为⟨points⟩分"#), [
                .projectScore(name: "project", points: "points"),
            ]),
            .each(SlotPattern(#"、(?<project>[^、，。；]+?)等专项预算项目绩效自评报告"#), [.namedProject("project")]),
            .projectLine,
        ]),
        // 附件1 部门预算绩效评价报告
        SentenceRule(#"^截至\d{4}年末，(?<unit>.+?)实有编制人数(?<all>\d+)人。其中行政(?<admin>\d+)人，机关工勤(?<service>\d+)人，事业(?<institution>\d+)人"#, [
            .alias("unit"),
            .count("staff_total", count: "all", unit: "人"), .count("staff_admin", count: "admin", unit: "人"),
            .count("staff_service", count: "service", unit: "人"), .count("staff_institution", count: "institution", unit: "人"),
        ]),
        SentenceRule(#"^（[一二三]）(?:收入|支出)情况。(?<unit>.+?)\d{4}年年初预算(?<side>收入|支出)⟨budget⟩万元、决算报表(?:收入|支出)⟨actual⟩万元，(?<equal>年初预算与决算数持平)?"#, [
            .alias("unit"),
            .fact(.byWords("side", ["收入": "income_total", "支出": "expenditure_total"]), amount: "budget", column: "budget_initial",
                  as: "budget"),
            .fact(.byWords("side", ["收入": "income_total", "支出": "expenditure_total"]), amount: "actual", as: "actual"),
            .completionEqual(printed: "equal", part: "actual", base: "budget", basis: "年初"),
        ]),
        SentenceRule(#"资产总值⟨amount⟩万元"#, [.fact("assets_total", amount: "amount", as: "total"), .change(of: "total")]),
        SentenceRule(#"^(?<kind>常年项目|阶段（一次性）项目)绩效分析。该类项目总数(?<projects>\d+)个，涉及预算总金额\s*⟨amount⟩万元，.*?(?<execution>预算执行总体进度为⟨rate⟩\s*%)，其中：预算结余率大于10%的项目共计(?<underspent>\d+)个"#, [
            .count(.byWords("kind", projectKinds.mapValues { $0 + "_projects" }), count: "projects", unit: "个"),
            .fact(.byWords("kind", projectKinds.mapValues { $0 + "_budget" }), amount: "amount", as: "budget"),
            .execution(printed: "execution", rate: "rate", of: "budget"),
            .count(.byWords("kind", projectKinds.mapValues { $0 + "_underspent" }), count: "underspent", unit: "个"),
        ]),
        SentenceRule(#"^项目资金年初预算⟨budget⟩万元，使用⟨used⟩万元（其中：预算支出⟨spent⟩万元，(?:年度|年终|年中)(?<verb>调增|调减)预算⟨adjustment⟩万元"#, [
            .fact("project", amount: "budget", column: "budget_initial"), .fact("project", amount: "used"),
            .fact("project", amount: "spent"), .adjustment("project", verb: "verb", amount: "adjustment"),
        ]),
        SentenceRule(#"^（[一二三四]）评价结论。.*自评得分⟨points⟩分"#, [.points("dept_perf_score", points: "points")]),
    ]

    /// 公务用车 by type (轿车 …): the suffix of their measures.
    static let vehicleTypes = ["轿车": "sedan", "越野车": "suv", "载客汽车": "bus"]
    static let receptionKinds = ["国内公务接待": "reception_domestic", "外事接待": "reception_foreign"]
    static let projectKinds = ["常年项目": "recurring", "阶段（一次性）项目": "oneoff"]
    /// An amount 误转 to another account (元 or 万元 as printed).
    static let misposted = Emission.first(SlotPattern(#"⟨amount⟩(?<unit>元|万元)误转"#), [
        .fact("vehicle_misposted", amount: "amount", unit: .slot("unit")),
    ])
}

extension StatementWords {
    /// The wording of the 部门决算 narratives: 完成预算R%(，决算数与预算数持平/大于/小于预算数),
    /// 增加/减少 X万元 or 与YYYY年持平, 增长/下降 R%.
    static let standard = StatementWords(
        completion: SlotPattern(#"完成预算⟨rate⟩\s*%(?:，决算数(?:与预算数)?(?<comparison>持平|大于预算数|小于预算数))?"#),
        amountChange: SlotPattern(#"(?<verb>增长|增加|减少|下降)⟨amount⟩(?<unit>万元|元)"#),
        level: SlotPattern(#"与\d{4}年度?持平|与上年度?持平"#),
        growth: SlotPattern(#"(?<verb>增长|增幅|下降|降幅)⟨rate⟩\s*%"#),
        comparedYear: SlotPattern(#"(?:与|比|较)(?<year>\d{4})年"#),
        decrease: ["减少", "下降", "降幅"],
        comparisons: ["持平": "持平", "大于预算数": "增加", "小于预算数": "减少"])
}
