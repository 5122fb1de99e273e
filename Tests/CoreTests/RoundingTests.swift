import Core
import XCTest

final class RoundingTests: XCTestCase {
    func testSharesOfTheSeedDocument() {
        XCTAssertEqual(Rounding.percent(753_07, of: 889_16, decimals: 2), 8469)
        XCTAssertEqual(Rounding.percent(636_03, of: 889_16, decimals: 2), 7153)
        XCTAssertEqual(Rounding.percent(5_63, of: 6_89, decimals: 2), 8171)
        XCTAssertEqual(Rounding.percent(51_09, of: 464_37, decimals: 0), 11)
    }

    func testRoundsHalfAwayFromZero() {
        XCTAssertEqual(Rounding.percent(1, of: 8, decimals: 1), 125)       // 12.5 exactly
        XCTAssertEqual(Rounding.percent(1, of: 8, decimals: 0), 13)        // 12.5 → 13
        XCTAssertEqual(Rounding.percent(-1, of: 8, decimals: 0), -13)      // −12.5 → −13
        XCTAssertEqual(Rounding.percent(1, of: -8, decimals: 0), -13)
        XCTAssertEqual(Rounding.percent(-1, of: -8, decimals: 0), 13)
        XCTAssertEqual(Rounding.percent(1, of: 3, decimals: 2), 3333)
        XCTAssertEqual(Rounding.percent(2, of: 3, decimals: 2), 6667)
        XCTAssertEqual(Rounding.percent(0, of: 3, decimals: 2), 0)
    }

    func testZeroBaseHasNoRate() {
        XCTAssertNil(Rounding.percent(5, of: 0, decimals: 2))
        XCTAssertNil(Rounding.percent(0, of: 0, decimals: 0))
    }

    func testLargeValuesNeverOverflowSilently() {
        XCTAssertEqual(Rounding.percent(Int64.max, of: Int64.max, decimals: 2), 10000)
        XCTAssertEqual(Rounding.percent(Int64.min, of: Int64.max, decimals: 2), -10000)
        XCTAssertNil(Rounding.percent(Int64.max, of: 1, decimals: 2))
    }
}
