/// C1 收入支出决算总表各类支出 = 支出决算表（及收入决算表）中同一科目的数（全部资金口径，两张表中同一科目、
/// 同一栏的数必须完全相同，不设舍入容差）。
enum C1ClassTotals: AuditRule {
    static let id = "C1.class-totals"
    static let family = "C"
    static let invariant = "总表各类支出 = 支出决算表同一科目的合计（两表同一数字完全一致）"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let result = TableRuleSupport.sameFigure(self, document) { a, b in
            a.code != nil && a.fund == "all" && a.sourceKind == "table" && b.sourceKind == "table"
        }
        if !result.findings.isEmpty { return .fail(result.findings) }
        return result.checked > 0 ? .pass(checked: result.checked) : .notApplicable("全部资金口径的科目没有在两张表中同时列出")
    }
}
