import Core

/// 国有资产车辆总数 = 按用途分类（部级、主要领导干部、机要通信、应急保障、执法执勤、特种专业技术、离退休干部、其他用车）之和。
enum F2VehiclesByUse: AuditRule {
    static let id = "F2.vehicles-by-use"
    static let family = "F"
    static let invariant = "车辆总数 = 各用途车辆之和"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        RateArithmetic.checkSum(document, total: "vehicles_total", parts: ["vehicles_minister", "vehicles_leader", "vehicles_confidential", "vehicles_emergency", "vehicles_enforcement", "vehicles_special", "vehicles_retired", "vehicles_other"], rule: self, requireAllParts: false)
    }
}
