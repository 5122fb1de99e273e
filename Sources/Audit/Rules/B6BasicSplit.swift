/// B6 一般公共预算财政拨款基本支出 = 人员经费 + 公用经费。
enum B6BasicSplit: AuditRule {
    static let id = "B6.basic-split"
    static let family = "B"
    static let invariant = "一般公共预算财政拨款基本支出 = 人员经费 + 公用经费"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        TableRuleSupport.outcome([
            TableRuleSupport.identity(self, document, total: "general_basic", parts: [("personnel", 1), ("public_funds", 1)]),
        ])
    }
}
