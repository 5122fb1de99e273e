import Core
import Foundation

/// “三公”经费（合计及各部分）决算与预算不一致、或与上年相比有增减时，须说明原因：同一段落中
/// 须有“原因/主要是/由于/因为/主要用于”等说明，或在变动之后另有说明文字；缺少为警告。
enum E6SangongReasons: AuditRule {
    static let id = "E6.sangong-reasons"
    static let family = "E"
    static let invariant = "三公经费有增减或未按预算执行时说明原因"

    static let measures: Set<String> = ["sangong", "sangong_abroad", "sangong_vehicle", "vehicle_purchase", "vehicle_operation",
                                        "sangong_reception"]
    static let markers = ["原因", "主要是", "由于", "因为", "主要用于"]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        var findings: [Finding] = []
        var checked = 0
        var reported = Set<Int>()
        for statement in document.statements where statement.sourceKind == "text" {
            guard let part = document.fact(id: statement.partFactID), let measure = part.measureID, measures.contains(measure) else { continue }
            let changed: Bool
            switch statement.kind {
            case "change": changed = (statement.amountFen ?? 0) != 0 || (statement.direction != nil && statement.direction != "持平")
            case "growth": changed = (statement.rateScaled ?? 0) != 0
            case "completion":
                let hundred = statement.rateScaled.map { $0 == 100 * (ExactDecimal.powerOfTen(statement.rateDecimals ?? 0) ?? 1) }
                changed = (statement.direction != nil && statement.direction != "持平") || hundred == false
            default: changed = false
            }
            guard changed, !reported.contains(statement.lineFrom) else { continue }
            checked += 1
            guard let paragraph = document.paragraphs.first(where: { $0.kind == "text" && $0.line == statement.lineFrom }) else { continue }
            if markers.contains(where: { paragraph.body.contains($0) }) { continue }
            // An explanation written after the change, in the same paragraph.
            if let range = paragraph.body.range(of: statement.printed) {
                let after = paragraph.body[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "。；，、 "))
                if after.count >= 10 { continue }
            }
            reported.insert(statement.lineFrom)
            findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                    message: "\(document.label(part))\(statement.printed)，未说明原因",
                                    figures: [FindingFigure(label: "\(document.label(part))变动", printed: statement.printed,
                                                            sourceKind: statement.sourceKind, lineFrom: statement.lineFrom, lineTo: statement.lineTo)],
                                    expected: "说明增减原因", stated: "未说明", difference: nil, disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("三公经费无增减变动或未与预算不一致") : .pass(checked: checked)
    }
}
