import Core

/// “三公”经费中的公务用车保有量与国有资产占有使用情况中的车辆数应一致（口径可能不同，
/// 不一致为警告，供复核）。
enum F3VehicleCountsAgree: AuditRule {
    static let id = "F3.vehicle-counts"
    static let family = "F"
    static let invariant = "三公公务用车保有量 = 国有资产车辆数（口径不同需复核）"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        guard let held = RateArithmetic.primary(document, measure: "vehicles_held"),
              let total = RateArithmetic.primary(document, measure: "vehicles_total"),
              let h = held.quantity, let t = total.quantity else {
            return .notApplicable("未同时公开公务用车保有量和国有资产车辆数")
        }
        guard h != t else { return .pass(checked: 1) }
        return .fail([Finding(ruleID: id, family: family, severity: .warning,
                              message: "公务用车保有量\(h)辆与国有资产车辆数\(t)辆不一致（请复核口径）",
                              figures: [held.figure(document.label(held)), total.figure(document.label(total))],
                              expected: "\(t)", stated: "\(h)", difference: "\(h - t)", disclosureID: document.disclosureID)])
    }
}
