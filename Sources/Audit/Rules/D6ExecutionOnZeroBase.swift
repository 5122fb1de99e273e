import Core

/// 零基数不得印执行进度：正文所写的预算执行进度（执行率）所针对的预算金额为 0 时，比率无定义，
/// 无论印出多少都应列为错误（如“涉及预算总金额0万元，执行总体进度为100%”）。
enum D6ExecutionOnZeroBase: AuditRule {
    static let id = "D6.execution-zero-base"
    static let family = "D"
    static let invariant = "预算金额为 0 时不印执行进度"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let statements = document.statements.filter { $0.kind == "execution" && $0.rateScaled != nil }
        guard !statements.isEmpty else { return .notApplicable("正文没有印出执行进度") }
        var findings: [Finding] = []
        var checked = 0
        for statement in statements {
            guard let amount = document.fact(id: statement.partFactID), let fen = amount.amountFen else { continue }
            checked += 1
            guard fen == 0 else { continue }
            let label = document.label(amount)
            findings.append(Finding(
                ruleID: id, family: family, severity: .error,
                message: "\(label)为0，却印出执行进度“\(statement.printed)”（零基数上的比率无定义）",
                figures: [FindingFigure(label: "\(label)执行进度", printed: statement.printed, sourceKind: statement.sourceKind,
                                        lineFrom: statement.lineFrom, lineTo: statement.lineTo), amount.figure(label)],
                expected: "不应印出比率", stated: statement.printed, disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .couldNotEvaluate("执行进度未关联到预算金额") : .pass(checked: checked)
    }
}
