import Core
import Foundation
import TestSupport
import XCTest

/// `.mode bar` in the REPL, in tmux panes 80 and 120 columns wide: bars drawn on the
/// terminal, fitted to its width, labels aligned by display width (seed figures, line 56:
/// 基本支出636.03万元，占71.53%；项目支出253.13万元，占28.47%).
final class ReportBarTerminalTests: XCTestCase {
    static let goldens = Goldens(besides: #filePath)

    /// Goldens of the seed's charts as the terminal shows them at 80 and 120 columns:
    /// `Goldens/charts/seed-<name>.<width>.txt` (figures: lines 56, 76, 115, 119).
    func testSeedChartsOnTheTerminalAt80And120Columns() throws {
        let statements = [("structure", "breakdown 支出"), ("functions", "breakdown 支出 by 类"),
                          ("comparison", "compare 三公 2022 2023"), ("trend", "trend 三公")]
        for width in [80, 120] {
            let session = try TmuxSession(self, arguments: ["--memory", "--no-init"], width: width)
            try session.waitForPrompt()
            try session.run(".mode bar")
            for (name, statement) in statements {
                let output = try session.run(statement)
                for line in output { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(name) at \(width): \(line)") }
                Self.goldens.assert(output.joined(separator: "\n") + "\n", named: "charts/seed-\(name).\(width).txt")
            }
        }
    }

    func testModeBarDrawsFittedBarsInTheTerminal() throws {
        for width in [80, 120] {
            let session = try TmuxSession(self, width: width)
            try session.waitForPrompt()
            try session.run(".mode bar")
            let output = try session.run("breakdown 支出").filter { !$0.isEmpty }
            let text = output.joined(separator: "\n")
            XCTAssertEqual(output.first?.hasPrefix("项目"), true, text)
            let basic = try XCTUnwrap(output.first { $0.hasPrefix("基本支出") }, text)
            let project = try XCTUnwrap(output.first { $0.hasPrefix("项目支出") }, text)
            XCTAssertTrue(basic.hasSuffix("636.03   71.53%"), basic)
            XCTAssertTrue(project.hasSuffix("253.13   28.47%"), project)
            XCTAssertTrue(basic.contains("█"), basic)
            // The widest bar fills the line: the value ends at the last column but one or so.
            XCTAssertGreaterThanOrEqual(DisplayWidth.of(basic), width - 2, basic)
            XCTAssertLessThanOrEqual(DisplayWidth.of(basic), width, basic)
            // Bars start at the same column on both lines (labels padded by display width).
            let start = { (line: String) in DisplayWidth.of(String(line.prefix { !"█▏▎▍▌▋▊▉".contains($0) })) }
            XCTAssertEqual(start(basic), start(project))
            let blocks = { (line: String) in line.filter { "█▏▎▍▌▋▊▉".contains($0) }.count }
            XCTAssertGreaterThan(blocks(basic), 2 * blocks(project) - 2)
        }
    }
}
