import XCTest
@testable import Audit

/// A small fixed sample of the mutation harness, run with the test suite.
final class MutationHarnessTests: XCTestCase {
    func testSmallFixedSample() throws {
        let summary = try MutationHarness.run(count: 32)
        print("mutation harness (fixed sample)\n" + summary.report)
        XCTAssertGreaterThanOrEqual(summary.total, 28)
        // Every mutation changes a figure on its line and either imports or is counted as rejected.
        XCTAssertEqual(summary.outcomes.count, summary.total)
        // The full run (make mutations) must reach 95%; the sample is small, so allow one miss more.
        XCTAssertGreaterThanOrEqual(summary.participatingRate, 0.90, summary.report)
    }

    /// A small fixed sample on the layout variants (one mutation per variant).
    func testSmallSampleOnLayoutVariants() throws {
        let summary = try MutationHarness.run(count: 15, documents: MutationHarness.variants)
        print("mutation harness (layout variants, fixed sample)\n" + summary.report)
        XCTAssertGreaterThanOrEqual(summary.total, 14)
        XCTAssertGreaterThanOrEqual(summary.participatingRate, 0.90, summary.report)
    }

    func testMutationKeepsFormatAndMovesTenUnits() {
        var generator = MutationHarness.SeededGenerator(state: 7)
        for token in ["889.16", "0.00", "10", "1,234.5", "100.00"] {
            let replaced = MutationHarness.replacement(for: token, using: &generator)!
            let decimals = { (s: String) in s.split(separator: ".").dropFirst().first?.count ?? 0 }
            XCTAssertEqual(decimals(replaced), decimals(token), token)
            let a = Double(MutationHarness.normalized(token))!, b = Double(MutationHarness.normalized(replaced))!
            let unit = pow(10, -Double(decimals(token)))
            XCTAssertGreaterThanOrEqual(abs(a - b) / unit, 9.999, "\(token) → \(replaced)")
            XCTAssertGreaterThanOrEqual(b, 0)
        }
    }

    func testFiguresOfTheSeedAreLocatedOnTheirLines() throws {
        let relative = MutationHarness.documents[0]
        let lines = try MutationHarness.lines(of: relative)
        let imported = try MutationHarness.importAndAudit(lines, name: "seed.txt")
        let document = try AuditLoader.load(imported.connections.writer, disclosureID: imported.disclosureID)
        let figures = MutationHarness.figures(document, lines: lines)
        XCTAssertGreaterThan(figures.count, 200)
        for figure in figures {
            let runs = MutationHarness.numberRuns(lines[figure.line - 1]).filter { MutationHarness.normalized($0.1) == figure.token }
            XCTAssertLessThan(figure.occurrence, runs.count, "\(figure)")
        }
        // 常年项目 889.16 (line 271) is tied to 项目支出 by the catalog? It is printed once; the
        // form cells of 档案工作经费 are tied by their rows and columns.
        XCTAssertTrue(figures.contains { $0.line == 1194 && $0.token == "9.61" && $0.participates })
        XCTAssertTrue(figures.contains { $0.kind == "indicator weight" && $0.participates })
    }
}
