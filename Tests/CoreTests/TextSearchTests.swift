import XCTest
import Core

final class TextSearchTests: XCTestCase {
    func testContainsBytes() {
        XCTAssertTrue("2024年度部门决算情况说明".containsBytes("情况说明"))
        XCTAssertTrue("情况说明".containsBytes("情况说明"))
        XCTAssertFalse("情况说".containsBytes("情况说明"))
        XCTAssertFalse("情 况 说 明".containsBytes("情况说明"))
        XCTAssertTrue("任何".containsBytes(""))
        // 表 (E8 A1 A8) is not found inside other characters' bytes.
        XCTAssertFalse("衣袋".containsBytes("表"))
    }

    func testFindGivesTheByteOffsetFromAStart() {
        // 年 is 3 bytes: "2024年度" puts 度 at byte 7; the second 说明 starts at byte 18.
        XCTAssertEqual(TextSearch.find("2024年度", "度"), 7)
        XCTAssertEqual(TextSearch.find("说明与说明", "说明"), 0)
        XCTAssertEqual(TextSearch.find("说明与说明", "说明", from: 1), 9)
        XCTAssertNil(TextSearch.find("说明与说明", "说明", from: 10))
        XCTAssertNil(TextSearch.find("说明", "说明", from: 50))
        XCTAssertTrue(TextSearch.containsAny("基本持平", ["增加", "持平"]))
        XCTAssertFalse(TextSearch.containsAny("基本持平", ["增加", "减少"]))
    }

    /// The first occurrence, whatever byte the search anchors on: compared with a plain scan
    /// over many texts and patterns of a few bytes (ASCII, lead and continuation bytes).
    func testFindAgreesWithAPlainScan() {
        func plain(_ text: [UInt8], _ pattern: [UInt8], _ start: Int) -> Int? {
            if pattern.isEmpty { return start }
            guard start >= 0, text.count >= pattern.count, start <= text.count - pattern.count else { return nil }
            return (start...(text.count - pattern.count)).first { Array(text[$0..<($0 + pattern.count)]) == pattern }
        }
        let alphabet: [UInt8] = [0x20, 0x61, 0xE5, 0xE6, 0x88, 0x86, 0xBC, 0x0A]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let text = (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }
            let pattern = (0..<next(5)).map { _ in alphabet[next(alphabet.count)] }
            let start = next(12) - 2
            let found = text.withUnsafeBufferPointer { t in pattern.withUnsafeBufferPointer { TextSearch.find(t, $0, from: start) } }
            XCTAssertEqual(found, plain(text, pattern, start), "\(text) \(pattern) from \(start)")
        }
        XCTAssertEqual(TextSearch.find("合计合计", "计", from: 1), 3)
        XCTAssertEqual(TextSearch.find("收入支出决算总表", "决算总表"), 12)
        XCTAssertNil(TextSearch.find("收入支出决算总", "决算总表"))
        XCTAssertEqual(TextSearch.find("a#b#", "#", from: 2), 3)
    }

    func testWithoutSpaces() {
        XCTAssertEqual("收 入 支 出 决 算 总 表".withoutSpaces, "收入支出决算总表")
        XCTAssertEqual("全角　空格".withoutSpaces, "全角　空格", "only ASCII spaces go")
        XCTAssertEqual("".withoutSpaces, "")
        XCTAssertEqual("   ".withoutSpaces, "")
        XCTAssertEqual(" e\u{301} 1 ".withoutSpaces, "e\u{301}1")
        XCTAssertEqual("没有空格".withoutSpaces, "没有空格")
    }
}
