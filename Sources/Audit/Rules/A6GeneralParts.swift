/// A6 一般公共预算财政拨款支出 = 一般公共预算财政拨款基本支出 + 一般公共预算财政拨款项目支出。
enum A6GeneralParts: AuditRule {
    static let id = "A6.general-parts"
    static let family = "A"
    static let invariant = "一般公共预算财政拨款支出 = 基本支出 + 项目支出"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        TableRuleSupport.outcome([
            TableRuleSupport.identity(self, document, total: "general_expenditure",
                                      parts: [("general_basic", 1), ("general_project", 1)]),
        ])
    }
}
