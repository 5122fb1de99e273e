import Core
import XCTest
@testable import Audit

/// The G (performance) rules on the seed, on the seed with one printed cell changed (the
/// text re-imported), and on documents where they must stay silent.
final class PerformanceRulesTests: XCTestCase {
    typealias F = PerformanceFixture

    private func lines(_ findings: [Finding]) -> [[Int]] { findings.map { $0.figures.map(\.lineFrom) } }

    func testSeedFindingsArePinned() throws {
        let document = try F.seedDocument()
        let all = AuditRules.performanceRules.flatMap { F.findings($0, document) }
        XCTAssertEqual(all.map { "\($0.severity) \($0.ruleID) \($0.line)" }, [
            "info G1.execution-rate 363",
            "warning G4.indicator-direction 1301",
            "info G5.cost-indicators 959",
            "warning G5.cost-indicators 1195",
            "warning G6.downward-adjustment 1193",
            "warning G7.project-without-form 162",
            "error G8.project-totals 56",
            "info G9.completion-unit 400",
            "info G9.completion-unit 586",
            "info G9.completion-unit 844",
            "info G9.completion-unit 1017",
            "info G9.completion-unit 1253",
        ])
        for rule in AuditRules.performanceRules {
            XCTAssertTrue(rule.id.hasPrefix("G"), rule.id)
            XCTAssertEqual(rule.family, "G")
            XCTAssertFalse(rule.invariant.isEmpty)
        }
    }

    // MARK: G1

    func testG1SeedHasNoErrorOnlyTheZeroRowsNote() throws {
        let findings = F.findings(ExecutionRate.self, try F.seedDocument())
        XCTAssertEqual(findings.map(\.severity), [.info])
        XCTAssertEqual(findings.first?.figures.count, 10)
    }

    func testG1WrongRateIsAnError() throws {
        let findings = F.findings(ExecutionRate.self, try F.mutated(line: 1196, "100.00%", "99.80%"))
        let error = try XCTUnwrap(findings.first { $0.severity == .error })
        XCTAssertEqual(error.stated, "99.80%")
        XCTAssertEqual(error.expected, "100.00%")
        XCTAssertEqual(error.figures.map(\.lineFrom), [1196, 1195, 1194])
    }

    func testG1RateOnZeroAdjustedBudgetIsAnError() throws {
        let findings = F.findings(ExecutionRate.self, try F.mutated(line: 1216, "0.00%", "0.10%"))
        let error = try XCTUnwrap(findings.first { $0.severity == .error })
        XCTAssertEqual(error.expected, "无定义")
        XCTAssertEqual(error.line, 1214)
    }

    // MARK: G2

    func testG2SeedFundingRowsAddUp() throws {
        guard case .pass(let checked) = FundingRows.evaluate(try F.seedDocument()) else { return XCTFail() }
        XCTAssertEqual(checked, 15)
    }

    func testG2PartsAboveTotalIsAnError() throws {
        let findings = F.findings(FundingRows.self, try F.mutated(line: 1203, "20.00", "20.20"))
        XCTAssertEqual(findings.map(\.severity), [.error])
        XCTAssertEqual(findings.first?.difference, "-0.20")
        XCTAssertTrue(findings.first!.figures.contains { $0.lineFrom == 1203 })
    }

    func testG2TotalAbovePartsWithBlankOtherRowIsAWarning() throws {
        let findings = F.findings(FundingRows.self, try F.mutated(line: 1193, "20.00", "20.20"))
        XCTAssertEqual(findings.map(\.severity), [.warning])
        XCTAssertTrue(findings.first!.message.contains("其他资金"))
    }

    // MARK: G3

    func testG3SeedWeightsAndScoresAddUp() throws {
        guard case .pass = ScoresAndWeights.evaluate(try F.seedDocument()) else { return XCTFail() }
    }

    func testG3WeightChangeBreaksTheTotal() throws {
        let findings = F.findings(ScoresAndWeights.self, try F.mutated(line: 1261, "10", "20"))
        XCTAssertTrue(findings.contains { $0.severity == .error && $0.message.contains("合计权重") && $0.stated == "100" && $0.expected == "110" })
        XCTAssertTrue(findings.contains { $0.message.contains("超过权重") } == false)
    }

    func testG3ScoreAboveWeightIsAnError() throws {
        let findings = F.findings(ScoresAndWeights.self, try F.mutated(line: 1262, "10", "20"))
        XCTAssertTrue(findings.contains { $0.message.contains("得分20超过权重10") && $0.line == 1253 })
        XCTAssertTrue(findings.contains { $0.message.contains("合计得分") })
    }

    func testG3TextScoreAgainstTheForm() throws {
        let findings = F.findings(ScoresAndWeights.self, try F.mutated(line: 162, "档案工作经费专项预算项目绩效自评得分为100分", "档案工作经费专项预算项目绩效自评得分为90分"))
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?.stated, "90")
        XCTAssertEqual(findings.first?.line, 162)
    }

    // MARK: G4

    func testG4SatisfactionWithAtMostIsAWarning() throws {
        let findings = F.findings(IndicatorDirection.self, try F.seedDocument())
        XCTAssertEqual(findings.map(\.severity), [.warning])
        XCTAssertEqual(findings.first?.line, 1301)
        XCTAssertEqual(findings.first?.stated, "≤")
    }

    func testG4SilentWhenTheSatisfactionTargetIsAtLeast() throws {
        guard case .pass = IndicatorDirection.evaluate(try F.mutated(line: 1305, "≤", "≥")) else { return XCTFail() }
    }

    func testG4QualitativeWithNumberIsInfo() throws {
        let findings = F.findings(IndicatorDirection.self, try F.mutated(line: 1294, "良好", "95"))
        XCTAssertTrue(findings.contains { $0.severity == .info && $0.line == 1289 && $0.stated == "95" })
    }

    // MARK: G5

    func testG5CostAboveExecutedWithFullScore() throws {
        let findings = F.findings(CostIndicators.self, try F.seedDocument())
        let archive = try XCTUnwrap(findings.first { $0.message.contains("档案工作经费") })
        XCTAssertEqual(archive.severity, .warning)
        XCTAssertEqual(archive.stated, "20.00")
        XCTAssertEqual(archive.difference, "10.39")
        XCTAssertFalse(findings.contains { $0.message.contains("春节慰问费") || $0.message.contains("党史") || $0.message.contains("信息化") })
    }

    func testG5SilentWhenCostsFitTheExecutedAmount() throws {
        let findings = F.findings(CostIndicators.self, try F.mutated(line: 1354, "11.35", "1.35"))
        XCTAssertFalse(findings.contains { $0.message.contains("档案工作经费") })
    }

    // MARK: G6

    func testG6LargeCutToReach100Percent() throws {
        let findings = F.findings(DownwardAdjustment.self, try F.seedDocument())
        XCTAssertEqual(findings.count, 1)
        XCTAssertTrue(findings[0].message.hasPrefix("执行率因年中大幅调减预算而达到100%"))
        XCTAssertEqual(findings[0].figures.map(\.lineFrom), [1193, 1194, 1195, 1196])
    }

    func testG6SmallCutIsSilentAndALargerOneFires() throws {
        // 六大工程: 30.00 → 27.52 is an 8% cut: silent on the seed; 25.52 is a 15% cut.
        XCTAssertFalse(F.findings(DownwardAdjustment.self, try F.seedDocument()).contains { $0.line == 957 })
        let findings = F.findings(DownwardAdjustment.self, try F.mutated(line: 958, "27.52", "25.52"))
        XCTAssertTrue(findings.contains { $0.line == 957 && $0.severity == .warning })
    }

    // MARK: G7

    func testG7ProjectNamedWithoutForm() throws {
        let findings = F.findings(ProjectsWithoutForm.self, try F.seedDocument())
        XCTAssertEqual(findings.map(\.line), [162])
        XCTAssertTrue(findings[0].message.contains("会议室建设及维护运行经费"))
    }

    func testG7SilentWhenEveryProjectHasAForm() throws {
        var document = try F.seedDocument()
        document.projects.removeAll { !$0.hasForm }
        guard case .pass(let checked) = ProjectsWithoutForm.evaluate(document) else { return XCTFail() }
        XCTAssertEqual(checked, 5)
    }

    // MARK: G8

    func testG8RecurringBudgetAboveProjectExpenditure() throws {
        let findings = F.findings(ProjectTotals.self, try F.seedDocument())
        XCTAssertEqual(findings.map(\.severity), [.error])
        XCTAssertEqual(findings[0].stated, "889.16")
        XCTAssertEqual(findings[0].difference, "636.03")
        XCTAssertEqual(Set(findings[0].figures.map(\.lineFrom)), [271, 56])
    }

    func testG8SilentWhenTheRecurringBudgetFits() throws {
        guard case .pass = ProjectTotals.evaluate(try F.mutated(line: 271, "889.16", "189.16")) else { return XCTFail() }
    }

    func testG8ProjectSumAboveProjectExpenditure() throws {
        var document = try F.seedDocument()
        for i in document.facts.indices where document.facts[i].measureID == "project" {
            document.facts[i].amountFen = 50_000_000
            document.facts[i].printed = "50.00"
        }
        let findings = F.findings(ProjectTotals.self, document)
        XCTAssertTrue(findings.contains { $0.message.contains("自评项目预算执行数之和60.84超过项目支出50.00") })
    }

    // MARK: G9

    func testG9CompletionInPercentGroupedPerProject() throws {
        let findings = F.findings(CompletionUnit.self, try F.seedDocument())
        XCTAssertEqual(findings.count, 5)
        XCTAssertTrue(findings.allSatisfy { $0.severity == .info && $0.message.hasPrefix("完成值未按度量单位填写") })
        XCTAssertEqual(findings[0].figures.map(\.lineFrom), [400, 424, 460])
    }

    func testG9CompletionInTheIndicatorsUnitIsSilent() throws {
        let findings = F.findings(CompletionUnit.self, try F.mutated(line: 407, "100%", "100"))
        XCTAssertEqual(findings.first?.figures.map(\.lineFrom), [424, 460])
        var document = try F.seedDocument()
        for p in document.projects.indices {
            for i in document.projects[p].indicators.indices { document.projects[p].indicators[i].actual = document.projects[p].indicators[i].target }
        }
        guard case .pass = CompletionUnit.evaluate(document) else { return XCTFail() }
    }

    // MARK: G10

    func testG10SeedTextAgreesWithTheForms() throws {
        guard case .pass(let checked) = ProjectTextFigures.evaluate(try F.seedDocument()) else { return XCTFail() }
        XCTAssertGreaterThan(checked, 40)
    }

    func testG10TextAmountDiffersFromTheForm() throws {
        let findings = F.findings(ProjectTextFigures.self, try F.mutated(line: 1602, "使用9.61", "使用9.81"))
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?.figures.map(\.lineFrom), [1602, 1195])
    }

    func testG10AdjustmentMustBeAdjustedMinusInitial() throws {
        let findings = F.findings(ProjectTextFigures.self, try F.mutated(line: 1602, "10.39", "10.49"))
        XCTAssertEqual(findings.map(\.severity), [.error])
        XCTAssertEqual(findings.first?.expected, "-10.39")
    }
}
