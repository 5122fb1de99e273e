/// C2 财政拨款收入支出决算总表中一般公共预算（及政府性基金、国有资本经营）财政拨款栏各类支出
/// = 一般公共预算财政拨款支出决算表（及基金、国资表）中同一科目的数，完全一致。
enum C2FiscalColumns: AuditRule {
    static let id = "C2.fiscal-columns"
    static let family = "C"
    static let invariant = "财政拨款总表一般公共预算栏 = 一般公共预算财政拨款支出决算表（同一科目完全一致）"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let result = TableRuleSupport.sameFigure(self, document) { a, b in
            a.code != nil && a.fund != "all" && a.sourceKind == "table" && b.sourceKind == "table"
        }
        if !result.findings.isEmpty { return .fail(result.findings) }
        return result.checked > 0 ? .pass(checked: result.checked) : .notApplicable("财政拨款口径的科目没有在两张表中同时列出")
    }
}
