import Core

/// 每项指标得分 ≤ 权重；Σ指标权重 + 预算执行权重 = 合计权重 = 100；合计得分 = Σ指标得分 + 预算执行得分；
/// 正文所述自评得分 = 自评表合计得分。
enum ScoresAndWeights: AuditRule {
    static let id = "G3.scores-weights"
    static let family = "G"
    static let invariant = "指标得分 ≤ 权重；Σ指标权重 + 预算执行权重 = 合计权重（100）；合计得分 = Σ指标得分 + 预算执行得分"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        var findings: [Finding] = []
        var checked = 0
        let forms = document.projects.filter { $0.hasForm && !$0.indicators.isEmpty }
        guard !forms.isEmpty else { return .notApplicable("没有绩效指标表") }
        func add(_ severity: Severity, _ message: String, _ figures: [FindingFigure], expected: Int64?, stated: Int64?) {
            findings.append(Finding(ruleID: id, family: family, severity: severity, message: message, figures: figures,
                                    expected: expected.map(Performance.points), stated: stated.map(Performance.points),
                                    difference: expected.flatMap { e in stated.map { Performance.points($0 - e) } },
                                    disclosureID: document.disclosureID))
        }
        for project in forms {
            let rows = project.indicators.filter { !$0.isTotal }
            let executionWeight = Performance.cell(project, "total", "weight")
            let executionScore = Performance.cell(project, "total", "score")
            for row in rows {
                guard let weight = row.weightCenti, let score = row.scoreCenti else { continue }
                checked += 1
                if score > weight {
                    add(.error, "\(project.name)「\(row.level3 ?? "")」得分\(Performance.points(score))超过权重\(Performance.points(weight))",
                        [Performance.indicatorFigure(project, row, "权重/得分", printed: "\(Performance.points(weight)) / \(Performance.points(score))")],
                        expected: weight, stated: score)
                }
            }
            if let w = executionWeight?.pointsCenti, let s = executionScore?.pointsCenti, s > w, let ws = executionWeight, let ss = executionScore {
                add(.error, "\(project.name)预算执行得分\(ss.printed)超过权重\(ws.printed)",
                    [Performance.figure(project, ss), Performance.figure(project, ws)], expected: w, stated: s)
            }
            guard let total = project.indicators.first(where: \.isTotal) else { continue }
            let weights = rows.compactMap(\.weightCenti), scores = rows.compactMap(\.scoreCenti)
            if let totalWeight = total.weightCenti, weights.count == rows.count {
                checked += 1
                let expected = weights.reduce(0, +) + (executionWeight?.pointsCenti ?? 0)
                var figures = [Performance.indicatorFigure(project, total, "权重", printed: Performance.points(totalWeight))]
                if let ew = executionWeight { figures.append(Performance.figure(project, ew)) }
                figures += rows.map { Performance.indicatorFigure(project, $0, "权重", printed: $0.weightCenti.map(Performance.points)) }
                if expected != totalWeight {
                    add(.error, "\(project.name)：指标权重之和加预算执行权重为\(Performance.points(expected))，合计权重印为\(Performance.points(totalWeight))",
                        figures, expected: expected, stated: totalWeight)
                } else if totalWeight != 10000 {
                    add(.error, "\(project.name)：合计权重\(Performance.points(totalWeight))不是100", Array(figures.prefix(1)),
                        expected: 10000, stated: totalWeight)
                }
            }
            if let totalScore = total.scoreCenti, scores.count == rows.count {
                checked += 1
                let expected = scores.reduce(0, +) + (executionScore?.pointsCenti ?? 0)
                if expected != totalScore {
                    var figures = [Performance.indicatorFigure(project, total, "得分", printed: Performance.points(totalScore))]
                    if let es = executionScore { figures.append(Performance.figure(project, es)) }
                    figures += rows.map { Performance.indicatorFigure(project, $0, "得分", printed: $0.scoreCenti.map(Performance.points)) }
                    add(.error, "\(project.name)：指标得分之和加预算执行得分为\(Performance.points(expected))，合计得分印为\(Performance.points(totalScore))",
                        figures, expected: expected, stated: totalScore)
                }
                for text in project.figures where text.provenance.kind == "text" && text.field == "score" {
                    guard let stated = text.pointsCenti else { continue }
                    checked += 1
                    if stated != totalScore {
                        add(.error, "正文所述\(project.name)自评得分\(text.printed)分与自评表合计得分\(Performance.points(totalScore))不符",
                            [Performance.figure(project, text), Performance.indicatorFigure(project, total, "得分", printed: Performance.points(totalScore))],
                            expected: totalScore, stated: stated)
                    }
                }
            }
        }
        if checked == 0 { return .couldNotEvaluate("绩效指标表没有权重或得分") }
        return findings.isEmpty ? .pass(checked: checked) : .fail(findings)
    }
}
