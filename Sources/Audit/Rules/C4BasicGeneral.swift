/// C4 收入全部为一般公共预算财政拨款时，基本支出（全部资金）= 一般公共预算财政拨款基本支出
/// （使用上年结转或其他资金时可以不同，故为警告）。
enum C4BasicGeneral: AuditRule {
    static let id = "C4.basic-general"
    static let family = "C"
    static let invariant = "收入全部为一般公共预算财政拨款时，基本支出 = 一般公共预算财政拨款基本支出"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let source = TableRuleSupport.primarySource(document)
        guard let income = TableRuleSupport.first(document, measure: "income_total", source: source),
              let general = TableRuleSupport.first(document, measure: "income_general", source: source) else {
            return .couldNotEvaluate("未列本年收入合计或一般公共预算财政拨款收入")
        }
        guard income.amountFen == general.amountFen else { return .notApplicable("收入不全是一般公共预算财政拨款") }
        guard let basic = TableRuleSupport.first(document, measure: "basic", source: source),
              let generalBasic = TableRuleSupport.first(document, measure: "general_basic", source: source),
              let a = basic.amountFen, let b = generalBasic.amountFen else {
            return .couldNotEvaluate("未列基本支出或一般公共预算财政拨款基本支出")
        }
        guard a != b else { return .pass(checked: 1) }
        let money = { TableRuleSupport.money($0, document) }
        return .fail([Finding(
            ruleID: id, family: family, severity: .warning,
            message: "收入全部为一般公共预算财政拨款（\(money(general.amountFen ?? 0))），但基本支出 \(money(a))（第 \(basic.lineFrom) 行）"
                + "与一般公共预算财政拨款基本支出 \(money(b))（第 \(generalBasic.lineFrom) 行）不同，相差 \(money(b - a))",
            figures: [TableRuleSupport.figure(generalBasic, in: document), TableRuleSupport.figure(basic, in: document),
                      TableRuleSupport.figure(general, in: document)],
            expected: money(a), stated: money(b), difference: money(b - a), disclosureID: document.disclosureID)])
    }
}
