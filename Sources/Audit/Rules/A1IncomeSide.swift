/// A1 收支总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余（收入支出决算总表左方）。
enum A1IncomeSide: AuditRule {
    static let id = "A1.income-side"
    static let family = "A"
    static let invariant = "收支总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        TableRuleSupport.outcome([
            TableRuleSupport.identity(self, document, total: "grand_total",
                                      parts: [("income_total", 1), ("non_fiscal_balance_used", 1), ("opening_balance", 1)]),
        ])
    }
}
