import XCTest
@testable import Importer

final class ByteSearchTests: XCTestCase {
    func testContainsBytes() {
        XCTAssertTrue("2024年度部门决算情况说明".containsBytes("情况说明"))
        XCTAssertTrue("情况说明".containsBytes("情况说明"))
        XCTAssertFalse("情况说".containsBytes("情况说明"))
        XCTAssertFalse("情 况 说 明".containsBytes("情况说明"))
        XCTAssertTrue("任何".containsBytes(""))
        // 表 (E8 A1 A8) is not found inside other characters' bytes.
        XCTAssertFalse("衣袋".containsBytes("表"))
    }

    func testWithoutSpaces() {
        XCTAssertEqual("收 入 支 出 决 算 总 表".withoutSpaces, "收入支出决算总表")
        XCTAssertEqual("全角　空格".withoutSpaces, "全角　空格", "only ASCII spaces go")
        XCTAssertEqual("".withoutSpaces, "")
    }
}
