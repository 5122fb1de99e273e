import Core

/// 公务用车数量按车型合计：保有量 = 轿车 + 越野车 + 载客汽车；购置数 = 各车型购置数之和；
/// 购置费 = 各车型购置费之和（分车型公开时）。
enum E5VehicleCountsByType: AuditRule {
    static let id = "E5.vehicle-types"
    static let family = "E"
    static let invariant = "公务用车保有量、购置数、购置费 = 各车型之和"

    static let sums: [(String, [String])] = [
        ("vehicles_held", ["vehicles_held_sedan", "vehicles_held_suv", "vehicles_held_bus"]),
        ("vehicles_purchased", ["vehicles_purchased_sedan", "vehicles_purchased_suv", "vehicles_purchased_bus"]),
        ("vehicle_purchase", ["vehicle_purchase_sedan", "vehicle_purchase_suv", "vehicle_purchase_bus"]),
    ]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        var findings: [Finding] = []
        var checked = 0
        var any = false
        for (total, parts) in sums {
            switch RateArithmetic.checkSum(document, total: total, parts: parts, rule: self) {
            case .fail(let f): findings += f; any = true
            case .pass(let n): checked += n; any = true
            default: break
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        if checked > 0 { return .pass(checked: checked) }
        return any ? .pass(checked: 0) : .notApplicable("未按车型公开公务用车数量")
    }
}
