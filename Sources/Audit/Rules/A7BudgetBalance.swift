/// A7 预算收支平衡：收支预算总表的收入总计 = 支出总计；财政拨款收入 = 财政拨款支出（预算没有结转和结余行，
/// 两方相等）。
enum A7BudgetBalance: AuditRule {
    static let id = "A7.budget-balance"
    static let family = "A"
    static let invariant = "预算：收入总计 = 支出总计；财政拨款收入 = 财政拨款支出"
    static let kinds = budgetOnly

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        TableRuleSupport.outcome([
            TableRuleSupport.identity(self, document, total: "income_total", parts: [("expenditure_total", 1)]),
            TableRuleSupport.identity(self, document, total: "fiscal_income", parts: [("fiscal_expenditure", 1)]),
        ])
    }
}
