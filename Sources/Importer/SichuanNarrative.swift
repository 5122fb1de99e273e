import Core

/// The sentence patterns of the Sichuan template's narrative (第一部分 部门概况, 第二部分 情况说明,
/// 附件 绩效评价报告). Each rule names the template's wording, never a line or a figure.
enum SichuanRules {
    static let completion = SichuanPattern(#"完成预算⟨N⟩\s*%(?:，决算数(?:与预算数)?(持平|大于预算数|小于预算数))?"#)
    static let amountChange = SichuanPattern(#"(增长|增加|减少|下降)⟨N⟩(万元|元)"#)
    static let levelChange = SichuanPattern(#"与\d{4}年度?持平|与上年度?持平"#)
    static let growth = SichuanPattern(#"(增长|增幅|下降|降幅)⟨N⟩\s*%"#)
    static let comparedYear = SichuanPattern(#"(?:与|比|较)(\d{4})年"#)

    static func direction(of comparison: String?) -> String? {
        switch comparison {
        case "持平"?: return "持平"
        case "大于预算数"?: return "增加"
        case "小于预算数"?: return "减少"
        default: return nil
        }
    }

    static func direction(ofVerb verb: String) -> String {
        verb == "减少" || verb == "下降" || verb == "降幅" ? "减少" : "增加"
    }

    // 第一部分
    static let subunitCounts = SichuanPattern(#"^(.+?)下属(?:事业单位|二级单位|二级预算单位)(\d+)个，其中行政单位(\d+)个，参照公务员法管理的事业单位(\d+)个，其他事业单位(\d+)个"#)
    static let subunitListIntro = SichuanPattern(#"^纳入(.+?)\d{4}年度部门决算编制范围的二级预算单位"#)
    static let listedItem = SichuanPattern(#"^\d+[.．、]\s*(.+)$"#)

    // 第二部分
    static let grandTotal = SichuanPattern(#"\d{4}年度收、支总计均为⟨N⟩万元"#)
    static let fiscalGrandTotal = SichuanPattern(#"\d{4}年度财政拨款收、支总计均为⟨N⟩万元"#)
    static let incomeTotal = SichuanPattern(#"本年收入合计⟨N⟩万元"#)
    static let incomeItem = SichuanPattern(#"(一般公共预算财政拨款收入|政府性基金预算财政拨款收入|国有资本经营预算财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入)⟨N⟩万元(?:，(占⟨N⟩\s*%))?"#)
    static let expenditureTotal = SichuanPattern(#"本年支出合计⟨N⟩万元"#)
    static let expenditureItem = SichuanPattern(#"(基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出)⟨N⟩万元(?:，(占⟨N⟩\s*%))?"#)
    static let generalOverall = SichuanPattern(#"一般公共预算财政拨款支出⟨N⟩万元，(占本年支出合计的⟨N⟩\s*%)"#)
    static let generalStructure = SichuanPattern(#"一般公共预算财政拨款支出⟨N⟩万元，主要用于以下方面："#)
    static let structureItem = SichuanPattern(#"([^：；，。、]+?)⟨N⟩万元，(占⟨N⟩\s*%)"#)
    static let generalDetail = SichuanPattern(#"一般公共预算支出决算数为⟨N⟩万元"#)
    static let detailItem = SichuanPattern(#"^\d+[.．]\s*[^()（）]+?[(（](\d{3})[)）].*?[(（](\d{2})[)）].*?[(（](\d{2})[)）]\s*[:：]\s*支出决算为⟨N⟩万元"#)
    static let generalBasic = SichuanPattern(#"一般公共预算财政拨款基本支出⟨N⟩万元"#)
    static let personnel = SichuanPattern(#"^人员经费⟨N⟩万元"#)
    static let publicFunds = SichuanPattern(#"^公用经费⟨N⟩万元"#)
    static let sangongTotal = SichuanPattern(#"“三公”经费财政拨款支出决算为⟨N⟩万元"#)
    static let standaloneCompletion = SichuanPattern(#"^决算数与预算数(持平|大于预算数|小于预算数)"#)
    static let misposted = SichuanPattern(#"⟨N⟩(元|万元)误转"#)
    static let sangongStructure = SichuanPattern(#"“三公”经费财政拨款支出决算中，"#)
    static let sangongPart = SichuanPattern(#"(因公出国（境）费|公务用车购置及运行维护费|公务接待费)支出决算⟨N⟩万元，(占⟨N⟩\s*%)"#)
    static let abroad = SichuanPattern(#"^\d+[.．]\s*因公出国（境）(?:经费|费)支出⟨N⟩万元"#)
    static let abroadGroups = SichuanPattern(#"团组(\d+)(次|个)"#)
    static let abroadPeople = SichuanPattern(#"出国（境）(\d+)(人次|人)"#)
    static let vehicle = SichuanPattern(#"^\d+[.．]\s*公务用车购置及运行维护费支出⟨N⟩万元"#)
    static let vehiclePurchase = SichuanPattern(#"公务用车购置支出⟨N⟩万元"#)
    static let vehiclesPurchased = SichuanPattern(#"购置公务用车(\d+)辆"#)
    static let purchasedByType = SichuanPattern(#"(轿车|越野车|载客汽车)(\d+)辆、金额⟨N⟩万元"#)
    static let vehiclesHeld = SichuanPattern(#"共有公务用车(\d+)辆"#)
    static let heldByType = SichuanPattern(#"(轿车|越野车|载客汽车)(\d+)辆"#)
    static let vehicleOperation = SichuanPattern(#"^公务用车运行维护费支出⟨N⟩万元"#)
    static let reception = SichuanPattern(#"^\d+[.．]\s*公务接待费支出⟨N⟩万元"#)
    static let receptionKind = SichuanPattern(#"^(国内公务接待|外事接待)支出⟨N⟩万元"#)
    static let receptionCounts = SichuanPattern(#"(?:国内公务接待|外事接待)(\d+)批次，(\d+)人次"#)
    static let receptionSum = SichuanPattern(#"共计支出⟨N⟩万元"#)
    static let govFund = SichuanPattern(#"政府性基金预算财政拨款支出⟨N⟩万元"#)
    static let soe = SichuanPattern(#"国有资本经营预算财政拨款支出⟨N⟩万元"#)
    static let adminOperating = SichuanPattern(#"^\d{4}年度?，(.+?)机关运行经费支出⟨N⟩万元"#)
    static let procurement = SichuanPattern(#"^\d{4}年度?，(.+?)政府采购支出总额⟨N⟩万元"#)
    static let procurementPart = SichuanPattern(#"政府采购(货物|工程|服务)支出⟨N⟩万元"#)
    static let procurementAward = SichuanPattern(#"授予(中小企业|小微企业)合同金额⟨N⟩万元(?:，(占政府采购支出总额的⟨N⟩\s*%))?"#)
    static let vehiclesTotal = SichuanPattern(#"^截至\d{4}年\d+月\d+日，(.+?)共有车辆(\d+)辆"#)
    static let vehicleUse = SichuanPattern(#"(部级领导干部用车|主要领导干部用车|机要通信用车|应急保障用车|执法执勤用车|特种专业技术用车|离退休干部用车|其他用车)(\d+)辆"#)
    static let equipment = SichuanPattern(#"单价100万元以上(?:设备|大型设备)(?:（不含车辆）)?(\d+)(台（套）|台套|台)"#)
    static let perfPre = SichuanPattern(#"(\d+)个项目开展了预算事前绩效评估"#)
    static let perfTargets = SichuanPattern(#"对(\d+)个项目编制了绩效目标"#)
    static let perfMonitored = SichuanPattern(#"选取(\d+)个项目开展绩效监控"#)
    static let selfEvaluationReports = SichuanPattern(#"形成(.+?)部门整体"#)
    static let deptScore = SichuanPattern(#"部门整体（含部门预算项目）绩效自评得分为⟨N⟩分"#)
    static let projectScore = SichuanPattern(#"([^；;，。：、]+?)专项预算项目绩效自评得分为⟨N⟩分"#)
    static let namedProjects = SichuanPattern(#"、([^、，。；]+?)等专项预算项目绩效自评报告"#)

    // 附件1 部门预算绩效评价报告
    static let staff = SichuanPattern(#"^截至\d{4}年末，(.+?)实有编制人数(\d+)人。其中行政(\d+)人，机关工勤(\d+)人，事业(\d+)人"#)
    static let budgetVersusActual = SichuanPattern(#"^（[一二三]）(?:收入|支出)情况。(.+?)\d{4}年年初预算(收入|支出)⟨N⟩万元、决算报表(?:收入|支出)⟨N⟩万元，(年初预算与决算数持平)?"#)
    static let assets = SichuanPattern(#"资产总值⟨N⟩万元"#)
    static let projectGroup = SichuanPattern(#"^(常年项目|阶段（一次性）项目)绩效分析。该类项目总数(\d+)个，涉及预算总金额\s*⟨N⟩万元，.*?(预算执行总体进度为⟨N⟩\s*%)，其中：预算结余率大于10%的项目共计(\d+)个"#)
    static let projectFunds = SichuanPattern(#"^项目资金年初预算⟨N⟩万元，使用⟨N⟩万元（其中：预算支出⟨N⟩万元，(?:年度|年终|年中)(调增|调减)预算⟨N⟩万元"#)
    static let conclusionScore = SichuanPattern(#"^（[一二三四]）评价结论。.*自评得分⟨N⟩分"#)

    // 附件2 专项预算项目绩效评价报告
    static let reportInitial = SichuanPattern(#"^\d*[.．]?\s*(.+?)年初预算⟨N⟩万(?!元)"#)
    static let reportArranged = SichuanPattern(#"年初预算安排⟨N⟩万元，使用⟨N⟩万元"#)
    static let reportSpent = SichuanPattern(#"预算支出⟨N⟩万元"#)
    static let reportAdjustment = SichuanPattern(#"(?:年度|年终|年中)(调增|调减)预算⟨N⟩万元"#)
    static let reportExecution = SichuanPattern(#"项目资金到位⟨N⟩万元，支出⟨N⟩万元，项目资金执行率为⟨N⟩\s*%"#)

    /// A printed figure no rule may have read: money, or a percentage. Narrative counts
    /// (500余篇) and thresholds (大于10%, 100万元以上) are not figures.
    /// A percentage after 率/度 or a comparison (满意率100%, ≥95%) is an indicator's value; an
    /// amount per something (400元/人) is a price.
    static let figure = SichuanPattern(#"([率度于过≥≤＞＜>=<]?)⟨N⟩\s*(万元|万|元|%|％)([余以/／]?)"#)

    static func isFigure(_ match: [String?]) -> Bool {
        let isRate = match[3] == "%" || match[3] == "％"
        if isRate { return (match[1] ?? "").isEmpty && (match[4] ?? "").isEmpty }
        return (match[4] ?? "").isEmpty
    }

    /// 类 names of 支出功能分类 (the names the narrative prints, with or without 支出).
    static let classNames: [String: String] = [
        "一般公共服务": "201", "外交": "202", "国防": "203", "公共安全": "204", "教育": "205",
        "科学技术": "206", "文化旅游体育与传媒": "207", "社会保障和就业": "208", "社会保险基金": "209",
        "卫生健康": "210", "节能环保": "211", "城乡社区": "212", "农林水": "213", "交通运输": "214",
        "资源勘探工业信息等": "215", "商业服务业等": "216", "金融": "217", "援助其他地区": "219",
        "自然资源海洋气象等": "220", "住房保障": "221", "粮油物资储备": "222", "国有资本经营预算": "223",
        "灾害防治及应急管理": "224", "其他": "229", "债务还本": "231", "债务付息": "232", "债务发行费用": "233",
        "抗疫特别国债安排的": "234",
    ]

    static func classCode(_ label: String) -> String? {
        var name = label.sichuanTrimmed
        if name.hasSuffix("支出") { name = String(name.dropLast(2)) }
        return classNames[name]
    }
}

/// Reads the narrative lines of a Sichuan document into facts, statements and project
/// text figures.
struct SichuanNarrative {
    var builder: SichuanFactBuilder
    var aliases: [String] = []
    var subunits: [String] = []
    /// Project text figures by the project's name as the text prints it.
    var projectFigures: [(name: String, figure: ImportedProjectFigure)] = []
    /// Projects named only in the text (专项预算项目绩效自评报告 without a form), with the line.
    var namedProjects: [(name: String, line: Int)] = []
    var projectLines: Set<Int> = []
    private var inSubunitList = false
    private var reportProject: String?

    init(year: Int) { builder = SichuanFactBuilder(year: year) }

    mutating func alias(_ name: String?) {
        guard let name = name?.sichuanTrimmed, !name.isEmpty, !aliases.contains(name) else { return }
        aliases.append(name)
    }

    /// One prose line (not a heading) under `section`.
    mutating func read(line: Int, text: String, section: String, isHeading: Bool) {
        builder.section = section
        if isHeading { inSubunitList = false; return }
        if inSubunitList {
            if let match = SichuanRules.listedItem.first(in: text), let name = match[1] {
                subunits.append(name.sichuanTrimmed)
                builder.recognizedLines.insert(line)
                return
            }
            inSubunitList = false
        }
        if section.contains("专项预算项目绩效评价报告") {
            readProjectReport(line: line, text: text)
            return
        }
        // Every sentence rule reads a figure: a line without a digit has nothing for them.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
        readSentence(line: line, text: text)
    }

    private mutating func readSentence(line: Int, text: String) {
        var b = builder
        defer { builder = b }
        if let m = SichuanRules.subunitCounts.first(in: text) {
            alias(m[1])
            b.count("subunits", m[2]!, unit: "个", line: line)
            b.count("subunits_admin", m[3]!, unit: "个", line: line)
            b.count("subunits_civil_service", m[4]!, unit: "个", line: line)
            b.count("subunits_other", m[5]!, unit: "个", line: line)
            return
        }
        if let m = SichuanRules.subunitListIntro.first(in: text) {
            alias(m[1])
            inSubunitList = true
            b.recognizedLines.insert(line)
            return
        }
        if let m = SichuanRules.fiscalGrandTotal.first(in: text) {
            let current = b.money("fiscal_grand_total", m[1]!, line: line)
            b.change(in: text, current: current, line: line)
            return
        }
        if let m = SichuanRules.grandTotal.first(in: text) {
            let current = b.money("grand_total", m[1]!, line: line)
            b.change(in: text, current: current, line: line)
            return
        }
        if let m = SichuanRules.incomeTotal.first(in: text) {
            let total = b.money("income_total", m[1]!, line: line)
            let measures = ["一般公共预算财政拨款收入": "income_general", "政府性基金预算财政拨款收入": "income_gov_fund",
                            "国有资本经营预算财政拨款收入": "income_soe", "上级补助收入": "income_superior",
                            "事业收入": "income_business", "经营收入": "income_operating",
                            "附属单位上缴收入": "income_affiliated", "其他收入": "income_other"]
            for item in SichuanRules.incomeItem.all(in: text) {
                guard let measure = measures[item[1]!] else { continue }
                let part = b.money(measure, item[2]!, line: line)
                if let printed = item[3], let rate = item[4] { b.share(printed, rate: rate, part: part, base: total, line: line) }
            }
            return
        }
        if let m = SichuanRules.expenditureTotal.first(in: text) {
            let total = b.money("expenditure_total", m[1]!, line: line)
            let measures = ["基本支出": "basic", "项目支出": "project", "上缴上级支出": "remit_superior",
                            "经营支出": "operating_expenditure", "对附属单位补助支出": "affiliated_subsidy"]
            for item in SichuanRules.expenditureItem.all(in: text) {
                guard let measure = measures[item[1]!] else { continue }
                let part = b.money(measure, item[2]!, line: line)
                if let printed = item[3], let rate = item[4] { b.share(printed, rate: rate, part: part, base: total, line: line) }
            }
            return
        }
        if let m = SichuanRules.generalOverall.first(in: text) {
            let current = b.money("general_expenditure", m[1]!, line: line)
            b.share(m[2]!, rate: m[3]!, part: current, base: b.latest["expenditure_total"], line: line)
            b.change(in: text, current: current, line: line)
            return
        }
        if let m = SichuanRules.generalStructure.first(in: text) {
            let total = b.money("general_expenditure", m[1]!, line: line)
            let rest = String(text.split(separator: "：", maxSplits: 1).last ?? "")
            for item in SichuanRules.structureItem.all(in: rest) {
                guard let code = SichuanRules.classCode(item[1]!) else { continue }
                let part = b.code(code, fund: "general", item[2]!, line: line)
                b.share(item[3]!, rate: item[4]!, part: part, base: total, line: line)
            }
            return
        }
        if let m = SichuanRules.generalDetail.first(in: text) {
            let current = b.money("general_expenditure", m[1]!, line: line)
            b.completion(in: text, part: current, line: line)
            return
        }
        if let m = SichuanRules.detailItem.first(in: text) {
            let current = b.code(m[1]! + m[2]! + m[3]!, fund: "general", m[4]!, line: line)
            b.completion(in: text, part: current, line: line)
            return
        }
        if let m = SichuanRules.generalBasic.first(in: text) {
            b.money("general_basic", m[1]!, line: line)
            return
        }
        if let m = SichuanRules.personnel.first(in: text) { b.money("personnel", m[1]!, line: line); return }
        if let m = SichuanRules.publicFunds.first(in: text) { b.money("public_funds", m[1]!, line: line); return }
        if let m = SichuanRules.sangongTotal.first(in: text) {
            let current = b.money("sangong", m[1]!, line: line)
            b.completion(in: text, part: current, line: line)
            b.change(in: text, current: current, line: line)
            misposted(text, line: line, into: &b)
            return
        }
        if let m = SichuanRules.standaloneCompletion.first(in: text) {
            let part = b.statements.last(where: { $0.kind == "completion" })?.partFact
            if let part {
                b.statement(ImportedStatement(kind: "completion", printed: m[0]!, direction: SichuanRules.direction(of: m[1]),
                                              partFact: part, basis: "未说明", provenance: Provenance("text", line)))
            }
            misposted(text, line: line, into: &b)
            return
        }
        if SichuanRules.sangongStructure.matches(text) {
            let measures = ["因公出国（境）费": "sangong_abroad", "公务用车购置及运行维护费": "sangong_vehicle", "公务接待费": "sangong_reception"]
            let base = b.latest["sangong"]
            for item in SichuanRules.sangongPart.all(in: text) {
                let part = b.money(measures[item[1]!]!, item[2]!, line: line)
                b.share(item[3]!, rate: item[4]!, part: part, base: base, line: line)
            }
            return
        }
        if let m = SichuanRules.abroad.first(in: text) {
            let current = b.money("sangong_abroad", m[1]!, line: line)
            b.completion(in: text, part: current, line: line)
            if let g = SichuanRules.abroadGroups.first(in: text) { b.count("abroad_groups", g[1]!, unit: g[2]!, line: line) }
            if let p = SichuanRules.abroadPeople.first(in: text) { b.count("abroad_people", p[1]!, unit: p[2]!, line: line) }
            b.change(in: text, current: current, line: line)
            return
        }
        if let m = SichuanRules.vehicle.first(in: text) {
            let current = b.money("sangong_vehicle", m[1]!, line: line)
            b.completion(in: text, part: current, line: line)
            b.change(in: text, current: current, line: line)
            misposted(text, line: line, into: &b)
            return
        }
        if let m = SichuanRules.vehiclePurchase.first(in: text) {
            b.money("vehicle_purchase", m[1]!, line: line)
            let parts = text.split(separator: "共有公务用车", maxSplits: 1).map(String.init)
            let purchased = parts[0]
            if let n = SichuanRules.vehiclesPurchased.first(in: purchased) { b.count("vehicles_purchased", n[1]!, unit: "辆", line: line) }
            let types = ["轿车": "sedan", "越野车": "suv", "载客汽车": "bus"]
            for item in SichuanRules.purchasedByType.all(in: purchased) {
                let type = types[item[1]!]!
                b.count("vehicles_purchased_" + type, item[2]!, unit: "辆", line: line)
                b.money("vehicle_purchase_" + type, item[3]!, line: line)
            }
            if parts.count > 1 {
                let held = "共有公务用车" + parts[1]
                if let n = SichuanRules.vehiclesHeld.first(in: held) { b.count("vehicles_held", n[1]!, unit: "辆", line: line) }
                for item in SichuanRules.heldByType.all(in: parts[1]) {
                    b.count("vehicles_held_" + types[item[1]!]!, item[2]!, unit: "辆", line: line)
                }
            }
            return
        }
        if let m = SichuanRules.vehicleOperation.first(in: text) { b.money("vehicle_operation", m[1]!, line: line); return }
        if let m = SichuanRules.reception.first(in: text) {
            let current = b.money("sangong_reception", m[1]!, line: line)
            b.completion(in: text, part: current, line: line)
            b.change(in: text, current: current, line: line)
            return
        }
        if let m = SichuanRules.receptionKind.first(in: text) {
            let prefix = m[1]! == "国内公务接待" ? "reception_domestic" : "reception_foreign"
            b.money(prefix, m[2]!, line: line)
            if let c = SichuanRules.receptionCounts.first(in: text) {
                b.count(prefix + "_batches", c[1]!, unit: "批次", line: line)
                b.count(prefix + "_people", c[2]!, unit: "人次", line: line)
            }
            if let s = SichuanRules.receptionSum.first(in: text) { b.money(prefix, s[1]!, line: line) }
            return
        }
        if let m = SichuanRules.govFund.first(in: text) { b.money("gov_fund_expenditure", m[1]!, line: line); return }
        if let m = SichuanRules.soe.first(in: text) { b.money("soe_expenditure", m[1]!, line: line); return }
        if let m = SichuanRules.adminOperating.first(in: text) {
            alias(m[1])
            let current = b.money("admin_operating", m[2]!, line: line)
            b.change(in: text, current: current, line: line)
            return
        }
        if let m = SichuanRules.procurement.first(in: text) {
            alias(m[1])
            let total = b.money("procurement", m[2]!, line: line)
            let parts = ["货物": "procurement_goods", "工程": "procurement_works", "服务": "procurement_services"]
            for item in SichuanRules.procurementPart.all(in: text) { b.money(parts[item[1]!]!, item[2]!, line: line) }
            for item in SichuanRules.procurementAward.all(in: text) {
                let part = b.money(item[1]! == "中小企业" ? "procurement_sme" : "procurement_micro", item[2]!, line: line)
                if let printed = item[3], let rate = item[4] { b.share(printed, rate: rate, part: part, base: total, line: line) }
            }
            return
        }
        if let m = SichuanRules.vehiclesTotal.first(in: text) {
            alias(m[1])
            b.count("vehicles_total", m[2]!, unit: "辆", line: line)
            let uses = ["部级领导干部用车": "vehicles_minister", "主要领导干部用车": "vehicles_leader", "机要通信用车": "vehicles_confidential",
                        "应急保障用车": "vehicles_emergency", "执法执勤用车": "vehicles_enforcement", "特种专业技术用车": "vehicles_special",
                        "离退休干部用车": "vehicles_retired", "其他用车": "vehicles_other"]
            for item in SichuanRules.vehicleUse.all(in: text) { b.count(uses[item[1]!]!, item[2]!, unit: "辆", line: line) }
            if let e = SichuanRules.equipment.first(in: text) { b.count("equipment_over_1m", e[1]!, unit: e[2]!, line: line) }
            return
        }
        if let m = SichuanRules.perfPre.first(in: text) {
            b.count("perf_pre_assessed", m[1]!, unit: "个", line: line)
            if let t = SichuanRules.perfTargets.first(in: text) { b.count("perf_targets", t[1]!, unit: "个", line: line) }
            if let t = SichuanRules.perfMonitored.first(in: text) { b.count("perf_monitored", t[1]!, unit: "个", line: line) }
            return
        }
        if let m = SichuanRules.deptScore.first(in: text) {
            if let r = SichuanRules.selfEvaluationReports.first(in: text) { alias(r[1]) }
            b.points("dept_perf_score", m[1]!, line: line)
            for item in SichuanRules.projectScore.all(in: text) {
                guard let points = SichuanNumbers.centi(item[2]!) else { continue }
                projectFigures.append((item[1]!.sichuanTrimmed, ImportedProjectFigure(
                    fundingRow: "total", field: "score", pointsCenti: points, printed: item[2]!, provenance: Provenance("text", line))))
            }
            for item in SichuanRules.namedProjects.all(in: text) { namedProjects.append((item[1]!.sichuanTrimmed, line)) }
            projectLines.insert(line)
            return
        }
        if let m = SichuanRules.staff.first(in: text) {
            alias(m[1])
            b.count("staff_total", m[2]!, unit: "人", line: line)
            b.count("staff_admin", m[3]!, unit: "人", line: line)
            b.count("staff_service", m[4]!, unit: "人", line: line)
            b.count("staff_institution", m[5]!, unit: "人", line: line)
            return
        }
        if let m = SichuanRules.budgetVersusActual.first(in: text) {
            alias(m[1])
            let measure = m[2]! == "收入" ? "income_total" : "expenditure_total"
            let budget = b.money(measure, column: "budget_initial", m[3]!, line: line)
            let actual = b.money(measure, m[4]!, line: line)
            if let printed = m[5] {
                b.statement(ImportedStatement(kind: "completion", printed: printed, direction: "持平", partFact: actual,
                                              baseFact: budget, basis: "年初", provenance: Provenance("text", line)))
            }
            return
        }
        if let m = SichuanRules.assets.first(in: text) {
            let current = b.money("assets_total", m[1]!, line: line)
            b.change(in: text, current: current, line: line)
            return
        }
        if let m = SichuanRules.projectGroup.first(in: text) {
            let prefix = m[1]! == "常年项目" ? "recurring" : "oneoff"
            b.count(prefix + "_projects", m[2]!, unit: "个", line: line)
            let budget = b.money(prefix + "_budget", m[3]!, line: line)
            if let (scaled, decimals) = SichuanNumbers.rate(m[5]!) {
                b.statement(ImportedStatement(kind: "execution", printed: m[4]!, rateScaled: scaled, rateDecimals: decimals,
                                              partFact: budget, provenance: Provenance("text", line)))
            }
            b.count(prefix + "_underspent", m[6]!, unit: "个", line: line)
            return
        }
        if let m = SichuanRules.projectFunds.first(in: text) {
            b.money("project", column: "budget_initial", m[1]!, line: line)
            b.money("project", m[2]!, line: line)
            b.money("project", m[3]!, line: line)
            if let fen = SichuanNumbers.fen(m[5]!) {
                let signed = m[4]! == "调减" ? -fen : fen
                _ = b.add(ImportedFact(measureID: "project", fund: "all", column: "adjustment", year: b.year, amountFen: signed,
                                       printed: m[5]!, printedUnit: "万元", provenance: Provenance("text", line)), key: "project")
            }
            return
        }
        if let m = SichuanRules.conclusionScore.first(in: text) {
            b.points("dept_perf_score", m[1]!, line: line)
            return
        }
    }

    private func misposted(_ text: String, line: Int, into b: inout SichuanFactBuilder) {
        if let m = SichuanRules.misposted.first(in: text) { b.money("vehicle_misposted", m[1]!, unit: m[2]!, line: line) }
    }

    /// A line of a 专项预算项目绩效评价报告: the project's budget, use and execution as stated.
    private mutating func readProjectReport(line: Int, text: String) {
        if let m = SichuanRules.reportInitial.first(in: text), let fen = SichuanNumbers.fen(m[2]!) {
            reportProject = m[1]!.sichuanTrimmed
            add(.init(fundingRow: "total", field: "initial", amountFen: fen, printed: m[2]!, provenance: Provenance("text", line)))
        }
        guard reportProject != nil else { return }
        if let m = SichuanRules.reportArranged.first(in: text) {
            if let fen = SichuanNumbers.fen(m[1]!) {
                add(.init(fundingRow: "total", field: "initial", amountFen: fen, printed: m[1]!, provenance: Provenance("text", line)))
            }
            if let fen = SichuanNumbers.fen(m[2]!) {
                add(.init(fundingRow: "total", field: "executed", amountFen: fen, printed: m[2]!, provenance: Provenance("text", line)))
            }
            if let s = SichuanRules.reportSpent.first(in: text), let fen = SichuanNumbers.fen(s[1]!) {
                add(.init(fundingRow: "total", field: "executed", amountFen: fen, printed: s[1]!, provenance: Provenance("text", line)))
            }
            if let a = SichuanRules.reportAdjustment.first(in: text), let fen = SichuanNumbers.fen(a[2]!) {
                add(.init(fundingRow: "total", field: "adjustment", amountFen: a[1]! == "调减" ? -fen : fen, printed: a[2]!,
                          provenance: Provenance("text", line)))
            }
        }
        if let m = SichuanRules.reportExecution.first(in: text) {
            if let fen = SichuanNumbers.fen(m[1]!) {
                add(.init(fundingRow: "total", field: "adjusted", amountFen: fen, printed: m[1]!, provenance: Provenance("text", line)))
            }
            if let fen = SichuanNumbers.fen(m[2]!) {
                add(.init(fundingRow: "total", field: "executed", amountFen: fen, printed: m[2]!, provenance: Provenance("text", line)))
            }
            if let (scaled, decimals) = SichuanNumbers.rate(m[3]!) {
                add(.init(fundingRow: "total", field: "rate", rateScaled: scaled, rateDecimals: decimals, printed: m[3]! + "%",
                          provenance: Provenance("text", line)))
            }
        }
    }

    private mutating func add(_ figure: ImportedProjectFigure) {
        guard let name = reportProject else { return }
        projectFigures.append((name, figure))
        projectLines.insert(figure.provenance.lineFrom)
    }

    /// Report section headings reset the current project.
    mutating func startReport() { reportProject = nil }
}
