/// A3 本年收入合计 = 一般公共预算财政拨款收入 + 政府性基金预算财政拨款收入 + 国有资本经营预算财政拨款收入
/// + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入（江苏预算：+ 财政专户管理资金 + 其他资金）。
enum A3IncomeSources: AuditRule {
    static let id = "A3.income-sources"
    static let family = "A"
    static let invariant = "本年收入合计 = 各项收入之和（财政拨款三项 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他）"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let sources = ["income_general", "income_gov_fund", "income_soe", "income_superior", "income_business",
                       "income_operating", "income_affiliated", "income_other", "income_fiscal_account", "income_other_funds"]
        return TableRuleSupport.outcome([
            TableRuleSupport.identity(self, document, total: "income_total", parts: sources.map { ($0, 1) }),
        ])
    }
}
