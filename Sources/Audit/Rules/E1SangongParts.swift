import Core

/// “三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费（预算数、决算数，各年度；按印出精度的区间核算）。
enum E1SangongParts: AuditRule {
    static let id = "E1.sangong-parts"
    static let family = "E"
    static let invariant = "三公合计 = 出国 + 公务用车 + 接待"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        RateArithmetic.checkSum(document, total: "sangong", parts: ["sangong_abroad", "sangong_vehicle", "sangong_reception"], rule: self, requireAllParts: true)
    }
}
