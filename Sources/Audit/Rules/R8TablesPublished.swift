import Core

/// 决算报表须公开且有数：正文列出收支数字而文件中没有任何决算表（表格只列了名称）为错误；
/// 正文列出的政府性基金、国有资本经营预算财政拨款或“三公”经费不为 0，而对应的表中没有数字，
/// 也是错误（表被清空）。
enum R8TablesPublished: AuditRule {
    static let id = "R8.tables-published"
    static let family = "R"
    static let invariant = "正文所列数字的决算表均已公开且有数（未公开或清空为错误）"

    /// Content the text may state that a table must also hold: by fund, or by measure.
    static let contents: [(name: String, matches: @Sendable (AuditFact) -> Bool)] = [
        ("政府性基金预算财政拨款收入支出决算表", { $0.fund == "gov_fund" }),
        ("国有资本经营预算财政拨款支出决算表", { $0.fund == "soe" }),
        ("财政拨款“三公”经费支出决算表", { ($0.measureID ?? "").hasPrefix("sangong") || ($0.measureID ?? "").hasPrefix("vehicle_") }),
    ]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let printed = document.facts.filter { !$0.derived && $0.year == document.year && ($0.amountFen ?? 0) != 0 }
        let text = printed.filter { $0.sourceKind == "text" }
        let tables = printed.filter { $0.sourceKind == "table" }
        guard let first = text.first else { return .notApplicable("正文未列出数字") }
        if document.facts.allSatisfy({ $0.sourceKind != "table" }) {
            let listing = document.paragraphs.first { $0.kind == "text" && TextSearch.contains($0.body, "决算总表") }
            let figure = listing.map { FindingFigure(label: "决算表目录", printed: $0.body, sourceKind: "text", lineFrom: $0.line(of: "决算总表")) }
                ?? first.figure(document.label(first))
            return .fail([Finding(ruleID: id, family: family, severity: .error,
                                  message: "未公开决算报表：正文列出收支数字，文件中却没有任何决算表的数字" + (listing == nil ? "" : "（只列了表名）"),
                                  figures: [figure], expected: "公开决算报表", stated: "未公开", difference: nil,
                                  disclosureID: document.disclosureID)])
        }
        var findings: [Finding] = []
        var checked = 0
        for (name, matches) in contents {
            guard let stated = text.first(where: matches) else { continue }
            checked += 1
            if tables.contains(where: matches) || document.facts.contains(where: { $0.sourceKind == "table" && matches($0) && $0.amountFen != nil }) { continue }
            findings.append(Finding(ruleID: id, family: family, severity: .error,
                                    message: "正文列出\(document.label(stated)) \(RateArithmetic.money(stated.amountFen ?? 0, document.moneyUnit))，\(name)中却没有数字",
                                    figures: [stated.figure(document.label(stated))], expected: "表中列出", stated: "表中无数",
                                    difference: nil, disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return .pass(checked: checked + 1)
    }
}
