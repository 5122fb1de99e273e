import Core

/// 表格须能按其勾稽关系读出：导入时行合计、上下级合计大面积不成立的表（多为列错位）被隔离，
/// 其数字不参与核对；每张这样的表报告一次（警告），而不是逐个报告它破坏的合计。
/// 决算表中印出合计（不为 0）而各组成栏一个也未读出的科目行（组成栏空白，或数字与本行合计
/// 不符而无法确定所在栏目、未导入），行内平衡无法核对，每张表报告一次（警告），列出这些行。
enum B7TablesRead: AuditRule {
    static let id = "B7.tables-read"
    static let family = "B"
    static let invariant = "每张表的行合计与上下级合计大体成立（大面积不成立的表隔离后报告一次）；印出合计的科目行读得出其组成栏"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let quarantined = document.quarantinedTables.map { table in
            Finding(ruleID: id, family: family, severity: .warning,
                    message: "表“\(table.title)”：\(table.reason ?? "")；其数字已隔离，未用于核对",
                    figures: [FindingFigure(label: table.title, printed: nil, sourceKind: "table",
                                            lineFrom: table.lineFrom, lineTo: table.lineTo)],
                    expected: "行合计与上下级合计成立", stated: "大面积不成立", difference: nil,
                    disclosureID: document.disclosureID)
        }
        let unread = document.isBudget ? [] : unreadRows(document)
        if !quarantined.isEmpty || !unread.isEmpty { return .fail(quarantined + unread) }
        return document.facts.contains { $0.sourceKind == "table" } ? .pass(checked: 1) : .notApplicable("没有表格数字")
    }

    /// The columns a row's 合计 is the sum of: an expenditure table's uses, an income table's sources.
    static let rowParts: [(total: String, parts: [String], wording: String)] = [
        ("actual", B3RowIdentity.expenditureParts, "基本支出、项目支出等各栏"),
        ("income_total", B3RowIdentity.incomeParts, "各收入来源栏"),
    ]

    /// Per code table of a final account: the rows that print a non-zero 合计 while none of the
    /// columns it sums was read, in a table (and fund) whose other rows or 合计 row print those columns.
    static func unreadRows(_ document: AuditDocument) -> [Finding] {
        guard TableRuleSupport.primarySource(document) == "table" else { return [] }
        var findings: [Finding] = []
        let tables = TableRuleSupport.codeTables(document).filter { !$0.isEconomic }
        guard !tables.isEmpty else { return [] }
        let measureTotals = document.facts.filter { $0.sourceKind == "table" && $0.measureID != nil && ($0.amountFen ?? 0) != 0 }
        for table in tables {
            // The columns each row prints, and its first 合计 per fund.
            var printedColumns: [String: Set<String>] = [:], rowTotals: [String: AuditFact] = [:]
            for fact in table.facts {
                let row = (fact.code ?? "") + "|" + fact.fund
                printedColumns[row, default: []].insert(fact.column)
                if rowTotals[row + "|" + fact.column] == nil { rowTotals[row + "|" + fact.column] = fact }
            }
            for fund in Set(table.facts.map(\.fund)).sorted() {
                for (total, parts, wording) in rowParts {
                    // The table prints the columns: in a row, or in its 合计 row (a measure printed by the table).
                    let columns = Set(parts)
                    let totals = Set(parts.compactMap { B2TableTotal.totalMeasure(table: table.name, fund: fund, column: $0) })
                    let near = (table.firstLine - 20)...(table.lastLine + 1)
                    guard table.facts.contains(where: { $0.fund == fund && columns.contains($0.column) })
                        || measureTotals.contains(where: { totals.contains($0.measureID ?? "") && near.contains($0.lineFrom) })
                    else { continue }
                    let rows = table.codes(fund: fund).compactMap { code -> AuditFact? in
                        let row = code + "|" + fund
                        guard let stated = rowTotals[row + "|" + total], (stated.amountFen ?? 0) != 0,
                              printedColumns[row]?.isDisjoint(with: columns) ?? true else { return nil }
                        return stated
                    }
                    guard !rows.isEmpty else { continue }
                    let listed = rows.map { "\($0.code ?? "")（第 \($0.lineFrom) 行）" }.joined(separator: "、")
                    findings.append(Finding(
                        ruleID: id, family: family, severity: .warning,
                        message: "表“\(table.name)”：\(rows.count) 行印出合计而\(wording)均未读出（空白，或数字与合计不符、无法确定所在栏目）：\(listed)；这些行的行内平衡无法核对",
                        figures: rows.map { $0.figure(document.label($0)) },
                        expected: "读出组成栏", stated: "组成栏均未读出", difference: nil, disclosureID: document.disclosureID))
                }
            }
        }
        return findings
    }
}
