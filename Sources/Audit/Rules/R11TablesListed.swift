import Core

/// 目录（或正文自列的表目）所列的表须在文件中：列出的表文件中既没有读到数字、也没有印为空表
/// （“本表无数据”的表导入时记为空表），为警告——缺表，或表的格式未能识别；情况说明专节说明
/// 本表无数字（如“没有政府性基金预算财政拨款收入和支出”）的，空表也须印出，同样报告。情况说明
/// 专节列出该表数字的，由 R8 报告为错误。文件没有任何决算表时由 R8 报告，本规则不适用。
enum R11TablesListed: AuditRule {
    static let id = "R11.tables-listed"
    static let family = "R"
    static let invariant = "目录和正文所列的表文件中均有"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        guard document.facts.contains(where: { $0.sourceKind == "table" }) || document.uncertain.contains(where: { $0.fact.sourceKind == "table" })
        else { return .notApplicable("文件中没有决算表的数字") }
        let listing = TableListing(document)
        guard !listing.listed.isEmpty else { return .notApplicable("目录和正文未列出表名") }
        var findings: [Finding] = []
        for entry in listing.listed where !listing.isPrinted(entry.stem) && !listing.isPrintedEmpty(entry.stem)
            && listing.statedFigures(entry.stem, in: document).isEmpty {
            let section = listing.sections[entry.stem] == nil ? "正文也没有该表的情况说明" : "该表的情况说明称没有数字，空表也应印出"
            findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                    message: "\(entry.inContents ? "目录" : "正文")列出“\(entry.name)”，文件中却没有读到此表，\(section)（缺表，或表的格式未能识别）",
                                    figures: [FindingFigure(label: entry.inContents ? "目录" : "表目", printed: entry.name, sourceKind: "text", lineFrom: entry.line)],
                                    expected: "文件中有此表", stated: "没有", difference: nil, disclosureID: document.disclosureID))
        }
        return findings.isEmpty ? .pass(checked: listing.listed.count) : .fail(findings)
    }
}
