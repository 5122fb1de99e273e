/// A5 财政拨款收支平衡：财政拨款收支总计 = 财政拨款收入 + 年初财政拨款结转和结余
/// = 财政拨款支出 + 年末财政拨款结转和结余（总计未列时：收入 + 年初 = 支出 + 年末）。
enum A5FiscalBalance: AuditRule {
    static let id = "A5.fiscal-balance"
    static let family = "A"
    static let invariant = "财政拨款：本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余 = 收支总计"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let source = TableRuleSupport.primarySource(document)
        if TableRuleSupport.first(document, measure: "fiscal_grand_total", source: source) != nil {
            return TableRuleSupport.outcome([
                TableRuleSupport.identity(self, document, total: "fiscal_grand_total",
                                          parts: [("fiscal_income", 1), ("fiscal_opening_balance", 1)]),
                TableRuleSupport.identity(self, document, total: "fiscal_grand_total",
                                          parts: [("fiscal_expenditure", 1), ("fiscal_closing_balance", 1)]),
            ])
        }
        return TableRuleSupport.outcome([
            TableRuleSupport.identity(self, document, total: "fiscal_income",
                                      parts: [("fiscal_expenditure", 1), ("fiscal_closing_balance", 1), ("fiscal_opening_balance", -1)]),
        ])
    }
}
