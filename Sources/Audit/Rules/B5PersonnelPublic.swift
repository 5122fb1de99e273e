/// B5 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助；公用经费 = 302 商品和服务支出 + 310 资本性支出
/// （基本支出决算表；表中空白的类按无计）。
enum B5PersonnelPublic: AuditRule {
    static let id = "B5.personnel-public"
    static let family = "B"
    static let invariant = "人员经费 = 301 + 303；公用经费 = 302 + 310"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        guard let table = TableRuleSupport.codeTables(document).first(where: \.isEconomic) else {
            return .notApplicable("没有按经济分类列示的基本支出")
        }
        let source = table.facts.first?.sourceKind ?? "table"
        var checks: [TableRuleSupport.Check] = []
        for (measure, codes) in [("personnel", ["301", "303"]), ("public_funds", ["302", "310"])] {
            let name = TableRuleSupport.name(measure, document)
            guard let stated = TableRuleSupport.first(document, measure: measure, source: source) else {
                checks.append(.unknown("基本支出表未列\(name)合计")); continue
            }
            let parts = codes.compactMap { code in
                table.facts.first { $0.code == code && $0.fund == "general" && $0.column == (document.isBudget ? "budget" : "basic") }
            }
            guard !parts.isEmpty, let judgement = TableRuleSupport.judge(stated: stated, parts: parts, unit: document.moneyUnit) else {
                checks.append(.unknown("基本支出表未列 \(codes.joined(separator: "、"))")); continue
            }
            let wording = "经济分类 " + codes.joined(separator: " + ")
            checks.append(judgement.verdict == .equal ? .ok : .findings([
                TableRuleSupport.sumFinding(self, document, stated: stated, parts: parts, partsWording: wording, judgement: judgement),
            ]))
        }
        return TableRuleSupport.outcome(checks)
    }
}
