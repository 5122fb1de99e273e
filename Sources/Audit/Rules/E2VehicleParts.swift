import Core

/// 公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费（表格或正文，按印出精度的区间核算）。
enum E2VehicleParts: AuditRule {
    static let id = "E2.vehicle-parts"
    static let family = "E"
    static let invariant = "公务用车购置及运行维护费 = 购置费 + 运行维护费"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        RateArithmetic.checkSum(document, total: "sangong_vehicle", parts: ["vehicle_purchase", "vehicle_operation"], rule: self, requireAllParts: true)
    }
}
