import Core

/// “三公”经费的四个组成部分（因公出国（境）费、公务用车购置费、公务用车运行维护费、公务接待费）
/// 的决算数都须单独公开（MOF 细化要求：购置费与运行费分列）；缺一项为警告。所属整体为 0
/// （无公务用车支出、无三公支出）时不要求分列。
enum E3SangongPartsDisclosed: AuditRule {
    static let id = "E3.sangong-disclosed"
    static let family = "E"
    static let invariant = "三公四项（出国、购置、运行维护、接待）均单独公开"

    static let parts = ["sangong_abroad", "vehicle_purchase", "vehicle_operation", "sangong_reception"]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        guard let total = RateArithmetic.primary(document, measure: "sangong") else {
            return .notApplicable("未读到“三公”经费决算数（无三公经费时须明确说明）")
        }
        // Where the whole a part belongs to is zero (no vehicle spending, no 三公 spending),
        // there is nothing to split out.
        let vehicles = RateArithmetic.primary(document, measure: "sangong_vehicle")?.amountFen
        let missing = parts.filter { part in
            guard RateArithmetic.primary(document, measure: part) == nil else { return false }
            let whole = part.hasPrefix("vehicle_") ? (vehicles ?? total.amountFen) : total.amountFen
            return whole != 0
        }
        guard !missing.isEmpty else { return .pass(checked: parts.count) }
        let names = missing.map { document.measures[$0]?.nameZh ?? $0 }
        return .fail(missing.indices.map { i in
            Finding(ruleID: id, family: family, severity: .warning,
                    message: "“三公”经费未单独公开\(names[i])的决算数",
                    figures: [total.figure(document.label(total))], expected: "单独公开\(names[i])", stated: "未公开",
                    difference: nil, disclosureID: document.disclosureID)
        })
    }
}
