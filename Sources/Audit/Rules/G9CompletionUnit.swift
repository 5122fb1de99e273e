import Core

/// 完成值应按指标的度量单位填写：指标值以人、个、年、万元等计量而完成值一律填“100%”，
/// 掩盖了实际完成数（按项目归并为一条提示）。
enum CompletionUnit: AuditRule {
    static let id = "G9.completion-unit"
    static let family = "G"
    static let invariant = "完成值按指标的度量单位填写"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        var findings: [Finding] = []
        var checked = 0
        for project in document.projects where !project.indicators.isEmpty {
            var rows: [ImportedIndicator] = []
            for row in project.indicators where !row.isTotal {
                guard let unit = row.unit?.trimmingCharacters(in: .whitespaces), !unit.isEmpty,
                      let actual = row.actual?.trimmingCharacters(in: .whitespaces) else { continue }
                checked += 1
                if !unit.hasPrefix("%"), actual.hasSuffix("%"), row.normalizedOperator != "qualitative" { rows.append(row) }
            }
            guard !rows.isEmpty else { continue }
            let units = Array(NSOrderedUnique(rows.compactMap(\.unit))).joined(separator: "、")
            findings.append(Finding(ruleID: id, family: family, severity: .info,
                                    message: "完成值未按度量单位填写：\(project.name)有\(rows.count)项指标以\(units)计量，完成值却填百分比",
                                    figures: rows.map { Performance.indicatorFigure(project, $0, "完成值",
                                                                                   printed: "\($0.target ?? "")\($0.unit ?? "") → \($0.actual ?? "")") },
                                    expected: "按度量单位填写的完成数", stated: rows.first?.actual, disclosureID: document.disclosureID))
        }
        if checked == 0 { return .notApplicable("没有带度量单位的绩效指标") }
        return findings.isEmpty ? .pass(checked: checked) : .fail(findings)
    }

    private static func NSOrderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
