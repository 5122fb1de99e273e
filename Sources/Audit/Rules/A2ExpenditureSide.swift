/// A2 收支总计 = 本年支出合计 + 结余分配 + 年末结转和结余（收入支出决算总表右方）。
enum A2ExpenditureSide: AuditRule {
    static let id = "A2.expenditure-side"
    static let family = "A"
    static let invariant = "收支总计 = 本年支出合计 + 结余分配 + 年末结转和结余"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        TableRuleSupport.outcome([
            TableRuleSupport.identity(self, document, total: "grand_total",
                                      parts: [("expenditure_total", 1), ("surplus_distribution", 1), ("closing_balance", 1)]),
        ])
    }
}
