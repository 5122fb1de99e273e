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

    func testWithoutSpaces() {
        XCTAssertEqual("收 入 支 出 决 算 总 表".withoutSpaces, "收入支出决算总表")
        XCTAssertEqual("全角　空格".withoutSpaces, "全角　空格", "only ASCII spaces go")
        XCTAssertEqual("".withoutSpaces, "")
    }
}
