import XCTest
import Core
import Store
@testable import Audit

/// The text rules (D, E, F, R, Y): exact findings on the seed, silence on clean documents,
/// and each rule broken by a mutation.
final class TextRulesTests: XCTestCase {
    typealias F = TextRulesFixture

    func testSeedFindingsPinned() throws {
        let seed = try F.seed()
        var pins: [String] = []
        for rule in AuditRules.textRules { pins += F.pins(rule, seed) }
        XCTAssertEqual(pins, [
            "D1.printed-twice warning 76",
            "D2.share error 152", "D2.share error 152",
            "D4.completion error 124", "D4.completion error 131",
            "D5.shares-sum info 76",
            "D6.execution-zero-base error 273",
            "D10.class-names warning 191",
            "R2.instructions warning 291",
            "R3.reviewer-comments warning 1656", "R3.reviewer-comments warning 1659", "R3.reviewer-comments warning 1662",
            "R3.reviewer-comments warning 1665", "R3.reviewer-comments warning 1668", "R3.reviewer-comments warning 1674",
            "R3.reviewer-comments warning 1677", "R3.reviewer-comments warning 1683",
            "R4.section-numbers warning 43", "R4.section-numbers warning 50", "R4.section-numbers warning 54",
            "R4.section-numbers warning 140", "R4.section-numbers warning 144",
            "R5.doubled-punctuation info 133",
            "R8.tables-published error 1642",
        ])
        // The chart's 84.70% is the finding's first figure, the text's 84.69% the reference.
        let d1 = F.findings(D1PrintedTwice.self, seed)
        XCTAssertEqual(d1.first?.figures.first?.lineFrom, 1811)
        XCTAssertEqual(d1.first?.figures.first?.sourceKind, "chart")
        XCTAssertEqual(d1.first?.expected, "84.69%")
        XCTAssertEqual(d1.first?.stated, "84.70%")
        // No error on a figure that reconciles: no D3 finding, 119's 占0% of 12.52 is fine.
        XCTAssertEqual(D3Growth.evaluate(seed), .pass(checked: 16))
        XCTAssertFalse(F.findings(D2Share.self, seed).contains { $0.line == 119 })
        if case .notApplicable = Y1PriorYearRestated.evaluate(seed) {} else { XCTFail("no 2022 disclosure of the unit is loaded") }
    }

    // MARK: D1

    /// A table cell against the text is C3's (table vs text); D1 leaves that pair alone so
    /// that `check` reports it once.
    func testD1LeavesTableAndTextPairsToTheCrossTableRules() throws {
        let doc = try F.shanghai("caizhengju")
        XCTAssertFalse(F.pins(D1PrintedTwice.self, doc).contains("D1.printed-twice error 280"))
        XCTAssertTrue(F.findings(C3TableAndText.self, doc).contains { $0.severity == .error && $0.figures.contains { $0.lineFrom == 472 } })
    }

    func testD1BreakByMutation() throws {
        var seed = try F.seed()
        let index = seed.facts.firstIndex { $0.id == 25102 }!   // 889.16 at line 251
        seed.facts[index].amountFen = 889_170_000
        seed.facts[index].printed = "889.17"
        XCTAssertTrue(F.findings(D1PrintedTwice.self, seed).contains { $0.severity == .error && $0.figures.contains { $0.lineFrom == 251 } })
    }

    func testD1SilentWhenEqual() throws {
        var seed = try F.seed()
        seed.statements.removeAll { $0.id == 181101 }
        XCTAssertEqual(F.findings(D1PrintedTwice.self, seed), [])
    }

    // MARK: D2

    func testD2BreakAShare() throws {
        var seed = try F.seed()
        let i = seed.statements.firstIndex { $0.id == 5601 }!   // 占71.53% → 72.53%
        seed.statements[i].rateScaled = 7253
        let f = F.findings(D2Share.self, seed).filter { $0.line == 56 }
        XCTAssertEqual(f.map(\.severity), [.error])
        XCTAssertEqual(f.first?.expected, "71.53%")
    }

    func testD2RoundingNoteInsideInterval() throws {
        var seed = try F.seed()
        let i = seed.statements.firstIndex { $0.id == 7601 }!   // 84.69 → 84.70 is attainable: a rounding note
        seed.statements[i].rateScaled = 8470
        XCTAssertEqual(F.findings(D2Share.self, seed).filter { $0.line == 76 }.map(\.severity), [.info])
    }

    func testD2SilentOnCleanShares() throws {
        var seed = try F.seed()
        seed.statements.removeAll { $0.id == 15201 || $0.id == 15202 }
        XCTAssertEqual(D2Share.evaluate(seed), .pass(checked: 12))
    }

    // MARK: D3

    func testD3BreakGrowthAndDirection() throws {
        var seed = try F.seed()
        let g = seed.statements.firstIndex { $0.id == 14802 }!   // 17.95% → 18.95%
        seed.statements[g].rateScaled = 1895
        let c = seed.statements.firstIndex { $0.id == 4501 }!    // 增加 → 减少 against a positive change
        seed.statements[c].direction = "减少"
        let pins = F.pins(D3Growth.self, seed)
        XCTAssertEqual(pins, ["D3.growth error 45", "D3.growth error 148"])
    }

    func testD3ZeroPrior() throws {
        var seed = try F.seed()
        seed.statements.append(AuditStatement(id: 99, kind: "growth", printed: "增长100%", direction: "增加", rateScaled: 100,
                                              rateDecimals: 0, amountFen: nil, partFactID: 12401, baseFactID: 12490, basis: nil,
                                              sourceKind: "text", lineFrom: 124, lineTo: 124))
        XCTAssertTrue(F.findings(D3Growth.self, seed).contains { $0.severity == .error && $0.line == 124 })
    }

    // MARK: D4

    func testD4SilentWithoutZeroBase() throws {
        var seed = try F.seed()
        seed.statements.removeAll { $0.id == 12401 || $0.id == 13101 }
        XCTAssertEqual(F.findings(D4Completion.self, seed), [])
    }

    func testD4HundredAgainstWording() throws {
        var seed = try F.seed()
        let i = seed.statements.firstIndex { $0.id == 8301 }!   // 完成预算99%，决算数与预算数持平
        seed.statements[i].rateScaled = 99
        XCTAssertTrue(F.pins(D4Completion.self, seed).contains("D4.completion error 83"))
    }

    func testD4RecomputeWithBudget() throws {
        var seed = try F.seed()
        let i = seed.statements.firstIndex { $0.id == 25001 }!   // 年初预算 889.16 vs 决算 889.16, 持平 → 印 90%
        seed.statements[i].rateScaled = 90
        seed.statements[i].rateDecimals = 0
        XCTAssertTrue(F.pins(D4Completion.self, seed).contains("D4.completion error 250"))
    }

    // MARK: D5

    func testD5SilentWhenSumIsHundred() throws {
        var seed = try F.seed()
        let i = seed.statements.firstIndex { $0.id == 7601 }!
        seed.statements[i].rateScaled = 8470
        XCTAssertEqual(F.findings(D5SharesSum.self, seed), [])
    }

    func testD5WarningBeyondRounding() throws {
        var seed = try F.seed()
        let i = seed.statements.firstIndex { $0.id == 7601 }!
        seed.statements[i].rateScaled = 8369
        XCTAssertEqual(F.findings(D5SharesSum.self, seed).map(\.severity), [.warning])
    }

    // MARK: E, F

    func testE1E2BreakAPart() throws {
        var seed = try F.seed()
        let i = seed.facts.firstIndex { $0.id == 12901 }!   // 运行维护费 12.52 → 13.52
        seed.facts[i].amountFen = 13_520_000
        seed.facts[i].printed = "13.52"
        XCTAssertEqual(F.pins(E2VehicleParts.self, seed), ["E2.vehicle-parts error 119"])
        let j = seed.facts.firstIndex { $0.id == 11902 }!   // 三公 公务用车 12.52 → 11.52 (line 119)
        seed.facts[j].amountFen = 11_520_000
        seed.facts[j].printed = "11.52"
        XCTAssertEqual(F.pins(E1SangongParts.self, seed).first, "E1.sangong-parts error 115")
    }

    func testE1E2PassOnShanghai() throws {
        let doc = try F.shanghai("guihuaziyuanju")
        XCTAssertEqual(E1SangongParts.evaluate(doc), .pass(checked: 3))   // the text's 三公 part amounts are read too
        XCTAssertEqual(E2VehicleParts.evaluate(doc), .pass(checked: 2))
    }

    func testE3E4MissingParts() throws {
        var seed = try F.seed()
        XCTAssertEqual(E3SangongPartsDisclosed.evaluate(seed), .pass(checked: 4))
        // Only 公务用车 was spent on (12.52, line 115): its 保有量 is the one count demanded.
        XCTAssertEqual(E4SangongCounts.evaluate(seed), .pass(checked: 1))
        seed.facts.removeAll { $0.measureID == "vehicle_purchase" || $0.measureID == "vehicles_held" }
        seed.paragraphs.removeAll { $0.body.contains("辆") }   // lines 127 and 156 would still state it in words
        XCTAssertEqual(F.findings(E3SangongPartsDisclosed.self, seed).map(\.severity), [.warning])
        XCTAssertEqual(F.findings(E4SangongCounts.self, seed).map(\.severity), [.warning])
    }

    /// 因公出国 0.00 and 购置 0.00 ask no 团组数 or 购置数; a unit with no 三公 spending asks no
    /// count at all (财政局 lines 539–548, 规划 lines 610–618).
    func testE4DemandsNoCountWhereNothingWasSpent() throws {
        XCTAssertEqual(F.findings(E4SangongCounts.self, try F.shanghai("caizhengju")), [])
        XCTAssertEqual(F.findings(E4SangongCounts.self, try F.shanghai("guihuaziyuanju")), [])
        var doc = try F.shanghai("guihuaziyuanju")
        doc.facts.removeAll { $0.measureID == "reception_domestic_batches" }
        doc.paragraphs.removeAll { $0.body.contains("批次") }   // line 623's words would still state it
        XCTAssertEqual(F.pins(E4SangongCounts.self, doc).count, 1, "0.39 spent on 接待 (line 595) demands its 批次")
    }

    func testE5VehicleTypes() throws {
        var seed = try F.seed()
        XCTAssertEqual(E5VehicleCountsByType.evaluate(seed), .pass(checked: 3))
        let i = seed.facts.firstIndex { $0.id == 12710 }!   // 轿车 2 → 12
        seed.facts[i].quantity = 12
        XCTAssertEqual(F.pins(E5VehicleCountsByType.self, seed), ["E5.vehicle-types error 127"])
    }

    /// The seed gives the reason for 增长5.63万元 (line 115) on the next line (116) without a
    /// marker word; 规划 gives one reason (lines 596–597, 602) for several changes.
    func testE6FindsReasonsInTheFollowingSentences() throws {
        XCTAssertEqual(E6SangongReasons.evaluate(try F.seed()), .pass(checked: 4))
        XCTAssertEqual(F.findings(E6SangongReasons.self, try F.shanghai("guihuaziyuanju")), [])
        XCTAssertEqual(F.findings(E6SangongReasons.self, try F.shanghai("caizhengju")), [])
        var seed = try F.seed()
        let i = seed.paragraphs.firstIndex { $0.line == 116 }!
        seed.paragraphs[i].body = "决算数与预算数持平。"
        XCTAssertEqual(F.pins(E6SangongReasons.self, seed), ["E6.sangong-reasons warning 115"])
    }

    func testE6ReasonPresentIsSilent() throws {
        var seed = try F.seed()
        let i = seed.paragraphs.firstIndex { $0.line == 115 }!
        seed.paragraphs[i].body += "主要原因是车辆划入。"
        XCTAssertEqual(F.findings(E6SangongReasons.self, seed), [])
    }

    func testF1F2F3Break() throws {
        var seed = try F.seed()
        XCTAssertEqual(F1Procurement.evaluate(seed), .pass(checked: 3))
        let g = seed.facts.firstIndex { $0.id == 15202 }!; seed.facts[g].amountFen = 10_000_000; seed.facts[g].printed = "10"
        let m = seed.facts.firstIndex { $0.id == 15206 }!; seed.facts[m].amountFen = 5_000_000; seed.facts[m].printed = "5"
        XCTAssertEqual(F.findings(F1Procurement.self, seed).map(\.severity), [.error, .error])
        let v = seed.facts.firstIndex { $0.id == 15601 }!; seed.facts[v].quantity = 13
        XCTAssertEqual(F.pins(F2VehiclesByUse.self, seed), ["F2.vehicles-by-use error 156"])
        XCTAssertEqual(F.pins(F3VehicleCountsAgree.self, seed), ["F3.vehicle-counts warning 127"])
    }

    func testF1RoundingNoteOnShanghai() throws {
        let doc = try F.shanghai("caizhengju")
        XCTAssertEqual(F.findings(F1Procurement.self, doc).map(\.severity), [.info])
    }

    // MARK: R

    func testR1PlaceholderOnShanghai() throws {
        XCTAssertEqual(F.pins(R1Placeholders.self, try F.shanghai("guihuaziyuanju")), ["R1.placeholders warning 599"])
        XCTAssertEqual(F.findings(R1Placeholders.self, try F.shanghai("shehuigongzuobu")), [])
        XCTAssertEqual(R1Placeholders.truncatedYear("202 年度部门决算"), "202 年度")
        XCTAssertNil(R1Placeholders.truncatedYear("2023年度部门决算"))
    }

    func testR2R5R6Break() throws {
        var seed = try F.seed()
        seed.paragraphs.removeAll { $0.line == 291 }   // the seed's own residue (TemplateResidueTests)
        XCTAssertEqual(F.findings(R2Instructions.self, seed), [])
        let i = seed.paragraphs.firstIndex { $0.line == 138 }!
        seed.paragraphs[i].body += "（此处仍保留该表格式），，"
        XCTAssertEqual(F.pins(R2Instructions.self, seed), ["R2.instructions warning 138"])
        XCTAssertEqual(F.pins(R5DoubledPunctuation.self, seed), ["R5.doubled-punctuation info 133", "R5.doubled-punctuation info 138"])
        let c = seed.paragraphs.firstIndex { $0.line == 48 }!
        seed.paragraphs[c].body = "说明"
        XCTAssertEqual(F.pins(R6FigureCaptions.self, seed), ["R6.figure-captions info 47"])
    }

    func testR3R4SilentOnShanghai() throws {
        let doc = try F.shanghai("shehuigongzuobu")
        XCTAssertEqual(F.findings(R3ReviewerComments.self, doc), [])
        XCTAssertEqual(F.findings(R4SectionNumbers.self, doc), [])
    }

    // MARK: Y

    func testY1ComparesTwoYears() throws {
        let current = try F.seed()
        var prior = current
        prior.year = current.year - 1
        prior.facts = current.facts.filter { $0.year == current.year }.map { var f = $0; f.year -= 1; return f }
        // 2022 三公 derived in 2023's text as 6.89; the 2022 disclosure printed 12.52 → restated.
        let findings = F.findings(Y1PriorYearRestated.self, current)
        XCTAssertEqual(findings, [])
        if case .fail(let f) = Y1PriorYearRestated.compare(current, prior: prior) {
            XCTAssertTrue(f.contains { $0.message.contains("三公经费") && $0.stated == "6.89" })
        } else { XCTFail("expected restatement findings") }
        // Through evaluate, with the prior year's disclosure loaded beside it.
        var withPrior = current
        withPrior.previousYear = [prior]
        XCTAssertTrue(F.findings(Y1PriorYearRestated.self, withPrior).contains { $0.message.contains("三公经费") })
        var same = prior
        same.facts = current.facts.filter { $0.year == prior.year && !$0.derived }.map { var f = $0; f.derived = false; return f }
            + current.facts.filter { $0.year == prior.year && $0.derived }
        if case .fail = Y1PriorYearRestated.compare(current, prior: same) { XCTFail("same figures must agree") }
    }
}

/// D6: an execution rate printed on a zero budget (seed line 273).
final class ExecutionOnZeroBaseTests: XCTestCase {
    func testSeedLine273IsFound() throws {
        let seed = try TextRulesFixture.seed()
        let findings = TextRulesFixture.findings(D6ExecutionOnZeroBase.self, seed)
        XCTAssertEqual(findings.map(\.line), [273])
        XCTAssertEqual(findings.first?.severity, .error)
    }

    func testSilentWhenTheBudgetIsNotZero() throws {
        var seed = try TextRulesFixture.seed()
        let index = try XCTUnwrap(seed.facts.firstIndex { $0.measureID == "oneoff_budget" })
        seed.facts[index].amountFen = 1_000_000
        XCTAssertEqual(TextRulesFixture.findings(D6ExecutionOnZeroBase.self, seed), [])
        XCTAssertEqual(D6ExecutionOnZeroBase.evaluate(seed), .pass(checked: 2))
    }

    func testBreakingTheRuleOnTheRecurringProjects() throws {
        var seed = try TextRulesFixture.seed()
        let index = try XCTUnwrap(seed.facts.firstIndex { $0.measureID == "recurring_budget" })
        seed.facts[index].amountFen = 0
        XCTAssertEqual(TextRulesFixture.findings(D6ExecutionOnZeroBase.self, seed).map(\.line), [271, 273])
    }
}
