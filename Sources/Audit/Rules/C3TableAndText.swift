/// C3 同一数字（同一主题或科目、资金口径、栏目、年度）在两张表中或在表与正文中印出时完全一致
/// （科目在两张表中的比较见 C1、C2；正文与正文之间的比较属 D 组）。
enum C3TableAndText: AuditRule {
    static let id = "C3.table-and-text"
    static let family = "C"
    static let invariant = "同一数字在两张表中、或在表与正文中印出时完全一致"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        guard TableRuleSupport.primarySource(document) == "table" else { return .notApplicable("文件没有表格") }
        let result = TableRuleSupport.sameFigure(self, document) { a, b in
            a.sourceKind == "table" && (b.sourceKind == "text" || (b.sourceKind == "table" && a.code == nil))
        }
        if !result.findings.isEmpty { return .fail(result.findings) }
        return result.checked > 0 ? .pass(checked: result.checked) : .notApplicable("没有在表和正文中都印出的数字")
    }
}
