import XCTest
import Core
@testable import Importer

/// Narrative paragraphs re-joined from hard-wrapped lines, and the front matter kept.
final class ParagraphJoinerTests: XCTestCase {
    static let files = [ShanghaiNarrativeTests.caizhengju, ShanghaiNarrativeTests.guihua, ShanghaiNarrativeTests.shehui]

    func testJoinerRules() {
        var joiner = ParagraphJoiner()
        let full = "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完"
        joiner.add("（三）一般公共预算财政拨款支出决算具体情况", line: 1, heading: true)
        joiner.add(full, line: 2)
        joiner.add("成年初预算的98.20%。其中：", line: 3)
        joiner.add("1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人", line: 5)
        joiner.add("员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万", line: 6)
        joiner.add("元。", line: 7)
        joiner.add("短句结束。", line: 8)
        let paragraphs = joiner.paragraphs
        XCTAssertEqual(paragraphs.map { [$0.lineFrom, $0.lineTo] }, [[1, 1], [2, 3], [5, 7], [8, 8]],
                       "a heading stands alone, a list marker opens, a short line ending 。 closes")
        XCTAssertEqual(paragraphs[1].body, full + "成年初预算的98.20%。其中：")
        XCTAssertEqual(paragraphs[1].lineStarts, [LineStart(offset: full.unicodeScalars.count, line: 3)])
        XCTAssertEqual(paragraphs[2].lineStarts.map(\.line), [6, 7])
        XCTAssertTrue(ParagraphJoiner.opensWithMarker("（二）承担"))
        XCTAssertTrue(ParagraphJoiner.opensWithMarker("第三条 上海市"))
        XCTAssertFalse(ParagraphJoiner.opensWithMarker("1.5万元"), "a decimal is no list number")
    }

    /// Every paragraph's body is its source lines in order: each line (spaces trimmed) begins
    /// where its line start says, so a place in the body maps back to its physical line.
    func testBodiesAreTheirLinesInOrder() throws {
        for file in Self.files {
            let text = TextNormalizer.normalize(try ShanghaiFixture.text(file))
            let paragraphs = try ShanghaiFixture.read(file).document.paragraphs
            XCTAssertGreaterThan(paragraphs.filter { !$0.lineStarts.isEmpty }.count, 20, file)
            for p in paragraphs {
                let scalars = Array(p.body.unicodeScalars)
                let starts = [LineStart(offset: 0, line: p.line)] + p.lineStarts
                for (k, start) in starts.enumerated() {
                    let end = k + 1 < starts.count ? starts[k + 1].offset : scalars.count
                    var piece = String(String.UnicodeScalarView(scalars[start.offset..<end]))
                    if k + 1 < starts.count, piece.hasSuffix(" ") { piece.removeLast() }
                    XCTAssertEqual(piece, text.line(start.line).trimmingSpaces, "\(file) L\(start.line)")
                }
                XCTAssertEqual(starts.last?.line, p.lineTo, file)
            }
        }
    }

    /// caizhengju lines 498–500: item 3 of the itemised list wraps “决算数小于 / 预算数” over
    /// lines 499 and 500; it is one paragraph from line 498 to 500.
    func testWrappedItemIsOneParagraph() throws {
        let paragraphs = try ShanghaiFixture.read(ShanghaiNarrativeTests.caizhengju).document.paragraphs
        let item = try XCTUnwrap(paragraphs.first { $0.line == 498 })
        XCTAssertEqual(item.lineTo, 500)
        XCTAssertTrue(item.body.hasSuffix("决算数小于预算数的主要原因：因产业政策扶持资金管理系统项目进度，调减相关经费。"))
        XCTAssertEqual(item.line(of: "决算数小于预算数"), 499)
        XCTAssertEqual(item.line(of: "调减相关经费"), 500)
        XCTAssertFalse(paragraphs.contains { $0.line == 499 || $0.line == 500 }, "no paragraph starts mid-sentence")
    }

    /// The front matter: guihuaziyuanju's cover (lines 7–9, the unit name wrapped) is one
    /// paragraph, its contents (目 and 录 on lines 12–13) one paragraph per entry with wrapped
    /// entries joined (line 17–18 “…部门决算 / 表”), and 第一部分 at line 46 starts the body.
    func testFrontMatterKept() throws {
        let guihua = try ShanghaiFixture.read(ShanghaiNarrativeTests.guihua).document.paragraphs
        let cover = guihua.filter { $0.section == "封面" }
        XCTAssertEqual(cover.map(\.body), ["上海市普陀区规划和自然资源局2024 年度部门决算"])
        XCTAssertEqual(cover.map { [$0.line, $0.lineTo] }, [[7, 9]])
        let contents = guihua.filter { $0.section == "目录" }
        XCTAssertEqual(contents.first.map { [$0.body, "\($0.line)-\($0.lineTo)"] }, ["目录", "12-13"])
        let tables = try XCTUnwrap(contents.first { $0.line == 17 })
        XCTAssertEqual([tables.body, "\(tables.lineTo)"], ["第二部分 上海市普陀区规划和自然资源局 2024 年度部门决算表", "18"])
        XCTAssertEqual(contents.last?.body, "第四部分 名词解释")
        XCTAssertEqual(contents.filter { $0.body.hasSuffix("表") && !$0.body.hasPrefix("第") }.count, 9)
        XCTAssertTrue(guihua.contains { $0.line == 46 && $0.section.isEmpty && $0.body == "第一部分" })
        // The same shape on the other two: one cover paragraph, contents before the body's 第一部分.
        for file in [ShanghaiNarrativeTests.caizhengju, ShanghaiNarrativeTests.shehui] {
            let paragraphs = try ShanghaiFixture.read(file).document.paragraphs
            XCTAssertEqual(paragraphs.filter { $0.section == "封面" }.count, 1, file)
            let listed = paragraphs.filter { $0.section == "目录" }
            XCTAssertEqual(listed.first?.body.filter { $0 != " " }, "目录", file)
            XCTAssertEqual(listed.filter { $0.body.hasSuffix("表") && !$0.body.hasPrefix("第") }.count, 9, file)
            let body = try XCTUnwrap(paragraphs.first { $0.section.isEmpty && $0.body.hasPrefix("第一部分") }, file)
            XCTAssertTrue(listed.allSatisfy { $0.lineTo < body.line }, file)
        }
    }
}
