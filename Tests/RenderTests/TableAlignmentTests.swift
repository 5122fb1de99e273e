import Core
import Render
import TestSupport
import XCTest

/// Checks over the table, box and markdown goldens that fail when anything is measured
/// in code points instead of display width.
final class TableAlignmentTests: XCTestCase {
    /// Lines that are not part of a table grid: block titles, blank lines, notes.
    private func isGridLine(_ line: Substring) -> Bool {
        !(line.isEmpty || line.hasPrefix("【") || line.hasPrefix("（") || line.hasPrefix("… 还有") || line.hasPrefix("### "))
    }

    private func gridLines(_ name: String) -> [Substring] {
        guard let text = goldens.text(name) else {
            XCTFail("missing golden \(name)")
            return []
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter(isGridLine)
    }

    /// Display columns where each line has `character`, or nil when a wide character
    /// straddles none (a mapping of display column → character).
    private func displayColumns(of line: Substring) -> [Character?] {
        var columns: [Character?] = []
        for character in line {
            let width = DisplayWidth.of(character)
            columns.append(character)
            if width == 2 { columns.append(nil) }  // the right half of a wide character
        }
        return columns
    }

    func testEveryLineOfATableHasTheSameDisplayWidth() {
        let names = goldens.names(endingWith: ".table.txt") + goldens.names(endingWith: ".box.txt") + goldens.names(endingWith: ".markdown.txt")
        XCTAssertGreaterThan(names.count, 15)
        for name in names {
            let lines = gridLines(name)
            XCTAssertGreaterThanOrEqual(lines.count, 2, name)
            let widths = Set(lines.map { DisplayWidth.of(String($0)) })
            XCTAssertEqual(widths.count, 1, "\(name): lines of display widths \(widths.sorted())")
        }
    }

    /// In `table` goldens the rule line's gaps (two spaces between runs of ─) are the column
    /// separators: every grid line must have a space there, never half a wide character.
    func testTableColumnSeparatorsLineUp() {
        for name in goldens.names(endingWith: ".table.txt") {
            let lines = gridLines(name)
            guard let rule = lines.first(where: { $0.hasPrefix("─") }) else {
                XCTFail("\(name): no rule line")
                continue
            }
            let ruleColumns = displayColumns(of: rule)
            let gaps = ruleColumns.indices.filter { ruleColumns[$0] == " " }
            for line in lines {
                let columns = displayColumns(of: line)
                for gap in gaps {
                    XCTAssertTrue(gap < columns.count && columns[gap] == " ", "\(name): column \(gap) of «\(line)» is not a separator")
                }
            }
        }
    }

    /// In `box` goldens every vertical border sits at the same display columns as in the
    /// top border's ┬ (and the row separators' ┼).
    func testBoxBordersLineUp() {
        for name in goldens.names(endingWith: ".box.txt") {
            let lines = gridLines(name)
            guard let top = lines.first(where: { $0.hasPrefix("┌") }) else {
                XCTFail("\(name): no top border")
                continue
            }
            let topColumns = displayColumns(of: top)
            let joints = topColumns.indices.filter { ["┌", "┬", "┐"].contains(topColumns[$0]) }
            for line in lines {
                let columns = displayColumns(of: line)
                let borders = columns.indices.filter { ["│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘"].contains(columns[$0]) }
                XCTAssertEqual(borders, joints, "\(name): «\(line)»")
            }
        }
    }

    /// Numbers of one column share the position of their decimal point, even when some need
    /// more decimals than others (0.00001 万元 beside 1.50).
    func testDecimalPointsLineUp() {
        let text = ResultWriter.render(shape: Samples.decimals.shape, rows: Samples.decimals.rows, options: RenderOptions(format: .table))
        let rows = text.split(separator: "\n").dropFirst(2).filter { !$0.hasPrefix("（金额单位") }
        XCTAssertEqual(rows.count, 5)
        let points = Set(rows.map { line -> Int in
            let columns = displayColumns(of: line)
            return columns.firstIndex(of: ".") ?? -1
        })
        XCTAssertEqual(points.count, 1, text)
        XCTAssertFalse(points.contains(-1), text)
        XCTAssertTrue(text.contains("0.00001"), text)
        XCTAssertTrue(text.contains("1234.56"), text)
        XCTAssertTrue(text.contains("−0.30"), text)
    }
}
