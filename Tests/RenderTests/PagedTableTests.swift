import Core
@testable import Render
import XCTest

/// Human formats write long results page by page: the first page sets the widths, later
/// pages follow them (text cut with …, numbers never cut), and nothing is held back.
final class PagedTableTests: XCTestCase {
    private let shape = ResultShape(columns: [
        ResultColumn(name: "name", title: "名称", kind: .text),
        ResultColumn(name: "code", title: "编码", kind: .text),
        ResultColumn(name: "value", title: "金额", kind: .money),
    ])

    private func row(_ index: Int, name: String? = nil, value: Int64? = nil) -> ResultRow {
        ResultRow(cells: [.text(name ?? "项目\(index % 10)"), .text(String(100 + index % 900)), .integer(value ?? Int64(index * 100))])
    }

    func testLaterPagesFollowTheFirstPagesWidths() {
        for format in [OutputFormat.table, .box, .markdown] {
            var chunks: [String] = []
            let writer = ResultWriter(shape: shape, options: RenderOptions(format: format)) { chunks.append($0) }
            for index in 0..<PagedTable.pageSize { writer.write(row(index)) }
            // The first page is out before the result ends.
            XCTAssertTrue(chunks.joined().contains("项目9"), format.rawValue)
            writer.write(row(0, name: "一个比第一页所有名称都长得多的名称", value: 123_456_789_012))
            writer.finish()
            let lines = chunks.joined().split(separator: "\n").map(String.init)
            let body = lines.filter { $0.contains("项目") }
            let widths = Set(body.map(DisplayWidth.of))
            XCTAssertEqual(widths.count, 1, "\(format): first-page rows share one width")
            guard let late = lines.first(where: { $0.contains("一个") }) else { return XCTFail(format.rawValue) }
            XCTAssertTrue(late.contains("…"), late)
            XCTAssertTrue(late.contains(" 123456.789012"), "numbers are never cut: \(late)")
            if format != .markdown { XCTAssertTrue(lines.last == TableText.truncatedNote, "\(format): \(lines.last ?? "")") }
        }
    }

    func testMaxRowsCountsAcrossPages() {
        var text = ""
        var options = RenderOptions(format: .table)
        options.maxRows = PagedTable.pageSize + 5
        let writer = ResultWriter(shape: shape, options: options) { text += $0 }
        for index in 0..<(3 * PagedTable.pageSize) { writer.write(row(index)) }
        writer.finish()
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 2 + PagedTable.pageSize + 5 + 2)
        XCTAssertEqual(lines.dropLast().last.map(String.init), TableText.moreRows(2 * PagedTable.pageSize - 5))
        XCTAssertEqual(lines.last?.trimmingCharacters(in: .whitespaces), TableText.moneyUnit(.tenThousandYuan))
    }

    func testAResultOfOnePageIsLaidOutAsAWhole() {
        var rows = (0..<10).map { row($0) }
        rows.append(row(0, name: "最后一行的名称更长", value: 9_999_999))
        for format in [OutputFormat.table, .box, .markdown] {
            let text = ResultWriter.render(shape: shape, rows: rows, options: RenderOptions(format: format))
            XCTAssertFalse(text.contains("…"), format.rawValue)
            let widths = Set(text.split(separator: "\n").filter { !$0.hasPrefix("（金额单位") }.map { DisplayWidth.of(String($0)) })
            XCTAssertEqual(widths.count, 1, "\(format)\n\(text)")
        }
    }
}
