/// A4 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出。
enum A4ExpenditureParts: AuditRule {
    static let id = "A4.expenditure-parts"
    static let family = "A"
    static let invariant = "本年支出合计 = 基本支出 + 项目支出（+ 上缴上级支出 + 经营支出 + 对附属单位补助支出）"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        // A budget's third use of money: 单位预留机动经费 (Jiangsu).
        let parts = ["basic", "project", "remit_superior", "operating_expenditure", "affiliated_subsidy"]
            + (document.isBudget ? ["reserve_funds"] : [])
        return TableRuleSupport.outcome([
            TableRuleSupport.identity(self, document, total: "expenditure_total", parts: parts.map { ($0, 1) }),
        ])
    }
}
