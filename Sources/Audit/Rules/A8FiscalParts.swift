/// A8 预算财政拨款的构成：财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营预算收入；财政拨款支出 =
/// 一般公共预算 + 政府性基金 + 国有资本经营预算支出（收支总表、财政拨款收支总表的合计行）。
enum A8FiscalParts: AuditRule {
    static let id = "A8.fiscal-parts"
    static let family = "A"
    static let invariant = "预算：财政拨款收入（支出）= 一般公共预算 + 政府性基金 + 国有资本经营预算"
    static let kinds = budgetOnly

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        TableRuleSupport.outcome([
            TableRuleSupport.identity(self, document, total: "fiscal_income",
                                      parts: [("income_general", 1), ("income_gov_fund", 1), ("income_soe", 1)]),
            TableRuleSupport.identity(self, document, total: "fiscal_expenditure",
                                      parts: [("general_expenditure", 1), ("gov_fund_expenditure", 1), ("soe_expenditure", 1)]),
        ])
    }
}
