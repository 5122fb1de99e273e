/// C5 机关运行经费 ≤ 公用经费（机关运行经费是一般公共预算财政拨款基本支出中的公用经费部分）。
enum C5AdminOperating: AuditRule {
    static let id = "C5.admin-operating"
    static let family = "C"
    static let invariant = "机关运行经费 ≤ 公用经费"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        func value(_ measure: String) -> AuditFact? {
            TableRuleSupport.first(document, measure: measure, source: "table")
                ?? TableRuleSupport.first(document, measure: measure, source: "text")
        }
        guard let admin = value("admin_operating") else { return .notApplicable("未列机关运行经费") }
        guard let funds = value("public_funds"), let a = admin.amountFen, let f = funds.amountFen else {
            return .couldNotEvaluate("未列公用经费")
        }
        guard a > f else { return .pass(checked: 1) }
        let money = { TableRuleSupport.money($0, document) }
        return .fail([Finding(
            ruleID: id, family: family, severity: .warning,
            message: "机关运行经费 \(money(a))（第 \(admin.lineFrom) 行）大于公用经费 \(money(f))（第 \(funds.lineFrom) 行），超出 \(money(a - f))",
            figures: [TableRuleSupport.figure(admin, in: document), TableRuleSupport.figure(funds, in: document)],
            expected: "≤ " + money(f), stated: money(a), difference: money(a - f), disclosureID: document.disclosureID)])
    }
}
