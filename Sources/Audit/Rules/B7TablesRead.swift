import Core

/// 表格须能按其勾稽关系读出：导入时行合计、上下级合计大面积不成立的表（多为列错位）被隔离，
/// 其数字不参与核对；每张这样的表报告一次（警告），而不是逐个报告它破坏的合计。
enum B7TablesRead: AuditRule {
    static let id = "B7.tables-read"
    static let family = "B"
    static let invariant = "每张表的行合计与上下级合计大体成立（大面积不成立的表隔离后报告一次）"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        guard !document.quarantinedTables.isEmpty else {
            return document.facts.contains { $0.sourceKind == "table" } ? .pass(checked: 1) : .notApplicable("没有表格数字")
        }
        return .fail(document.quarantinedTables.map { table in
            Finding(ruleID: id, family: family, severity: .warning,
                    message: "表“\(table.title)”：\(table.reason ?? "")；其数字已隔离，未用于核对",
                    figures: [FindingFigure(label: table.title, printed: nil, sourceKind: "table",
                                            lineFrom: table.lineFrom, lineTo: table.lineTo)],
                    expected: "行合计与上下级合计成立", stated: "大面积不成立", difference: nil,
                    disclosureID: document.disclosureID)
        })
    }
}
