import Core

/// 决算报表须公开且有数：正文列出收支数字而文件中没有任何决算表（表格只列了名称）为错误；
/// 模板要求的表（目录或正文所列的表、情况说明中有专节说明的表）文件中没有、或印出而无数字，
/// 而该表的情况说明专节列出不为 0 的数字，为错误（表缺失或被清空）；正文列出的政府性基金、
/// 国有资本经营预算财政拨款或“三公”经费不为 0 而对应的表中没有数字，同样为错误。每张表报告一次。
enum R8TablesPublished: AuditRule {
    static let id = "R8.tables-published"
    static let family = "R"
    static let invariant = "正文所列数字的决算表均已公开且有数（缺表或表被清空为错误）"

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
        if document.facts.allSatisfy({ $0.sourceKind != "table" }) && document.uncertain.allSatisfy({ $0.fact.sourceKind != "table" }) {
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
        // Each table the document names or explains under its own heading: printed with figures?
        let listing = TableListing(document)
        var reported = Set<Int64>()
        for stem in listing.required where !listing.isPrinted(stem) {
            checked += 1
            let stated = listing.statedFigures(stem, in: document)
            guard let example = stated.first else { continue }
            reported.formUnion(stated.map(\.id))
            let name = listing.name(of: stem)
            var figures = [example.figure(document.label(example))]
            if let entry = listing.listed.first(where: { $0.stem == stem }) {
                figures.append(FindingFigure(label: entry.inContents ? "目录" : "表目", printed: entry.name, sourceKind: "text", lineFrom: entry.line))
            }
            findings.append(Finding(ruleID: id, family: family, severity: .error,
                                    message: "“\(name)”的情况说明列出 \(stated.count) 个数字（如\(document.label(example)) \(RateArithmetic.money(example.amountFen ?? 0, document.moneyUnit))，第 \(example.lineFrom) 行），文件中却没有此表或表中没有数字",
                                    figures: figures, expected: "表中列出", stated: "缺表或表中无数", difference: nil,
                                    disclosureID: document.disclosureID))
        }
        for (name, matches) in contents {
            guard let stated = text.first(where: matches) else { continue }
            checked += 1
            if tables.contains(where: matches) || document.facts.contains(where: { $0.sourceKind == "table" && matches($0) && $0.amountFen != nil }) { continue }
            // Reported above, under the table's own heading.
            if text.contains(where: { matches($0) && reported.contains($0.id) }) { continue }
            findings.append(Finding(ruleID: id, family: family, severity: .error,
                                    message: "正文列出\(document.label(stated)) \(RateArithmetic.money(stated.amountFen ?? 0, document.moneyUnit))，\(name)中却没有数字",
                                    figures: [stated.figure(document.label(stated))], expected: "表中列出", stated: "表中无数",
                                    difference: nil, disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return .pass(checked: checked + 1)
    }
}
