import Core

/// “三公”经费、会议费、培训费合计 = “三公”经费小计 + 会议费 + 培训费（江苏预算的三公表，其合计含会议费和
/// 培训费；按印出精度的区间核算）。
enum E7SangongMeetingsTraining: AuditRule {
    static let id = "E7.sangong-meetings-training"
    static let family = "E"
    static let invariant = "三公、会议费、培训费合计 = 三公小计 + 会议费 + 培训费"
    static let kinds = budgetOnly

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        RateArithmetic.checkSum(document, total: "sangong_meetings_training", parts: ["sangong", "meeting_fees", "training_fees"],
                                rule: self, requireAllParts: true)
    }
}
