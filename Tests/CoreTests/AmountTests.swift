import Core
import XCTest

final class AmountTests: XCTestCase {
    func testParsesPrintedAmountsExactly() {
        XCTAssertEqual(Amount(printed: "889.16", unit: .tenThousandYuan)?.fen, 889_160_000)
        XCTAssertEqual(Amount(printed: "25.5", unit: .tenThousandYuan)?.fen, 25_500_000)
        XCTAssertEqual(Amount(printed: "0", unit: .tenThousandYuan)?.fen, 0)
        XCTAssertEqual(Amount(printed: "5226", unit: .yuan)?.fen, 522_600)
        XCTAssertEqual(Amount(printed: "-2.48", unit: .tenThousandYuan)?.fen, -2_480_000)
        XCTAssertEqual(Amount(printed: "1,066.51", unit: .tenThousandYuan)?.fen, 1_066_510_000)
        XCTAssertEqual(Amount(printed: "0.000001", unit: .tenThousandYuan)?.fen, 1)
    }

    func testRejectsWhatIsNotAnExactAmount() {
        for text in ["", ".", "1.", "1.2.3", "abc", "1e5", "１２", "0.001", "--1", ",1"] {
            XCTAssertNil(Amount(printed: text, unit: .yuan), text)
        }
        XCTAssertNil(Amount(printed: "99999999999999999999", unit: .yuan))
        XCTAssertNil(Amount(printed: "92233720368547758.07", unit: .tenThousandYuan))
    }

    func testDecimalsParseTheSameAsASCIIAndOtherwise() {
        // ASCII text is read as bytes, other text as characters: the same rules either way.
        let parsed: [(String, Int64, Int)] = [("1,234.56", 123_456, 2), ("-0.5", -5, 1), ("+3", 3, 0), ("007", 7, 0),
                                               ("−1.5", -15, 1), ("1，234", 1234, 0)]
        for (text, digits, decimals) in parsed {
            XCTAssertEqual(ExactDecimal(parsing: text), ExactDecimal(digits: digits, decimals: decimals), text)
        }
        for text in ["", "-", "1.", ".5", ",1", "1.2.3", "1.2,3", "12a", "１２", "1 2", "9223372036854775808", "\r\n1"] {
            XCTAssertNil(ExactDecimal(parsing: text), text)
        }
    }

    func testFormatsWithAsManyDecimalsAsExactnessNeeds() {
        let amount = Amount(fen: 889_160_000)
        XCTAssertEqual(amount.formatted(in: .tenThousandYuan), "889.16")
        XCTAssertEqual(amount.formatted(in: .yuan), "8891600.00")
        XCTAssertEqual(amount.formatted(in: .hundredMillionYuan), "0.088916")
        XCTAssertEqual(Amount(fen: 522_600).formatted(in: .tenThousandYuan), "0.5226")
        XCTAssertEqual(Amount(fen: -2_480_000).formatted(in: .tenThousandYuan), "-2.48")
        XCTAssertEqual(Amount(fen: 0).formatted(in: .tenThousandYuan), "0.00")
        XCTAssertEqual(Amount(fen: 1).formatted(in: .tenThousandYuan), "0.000001")
        XCTAssertEqual(Amount(fen: Int64.min).formatted(in: .yuan), "-92233720368547758.08")
    }

    func testRoundTripsThroughEveryUnit() {
        for fen: Int64 in [0, 1, -1, 99, 100, 123_456_789, -987_654_321_012, Int64.max, Int64.min + 1] {
            for unit in MoneyUnit.allCases {
                let text = Amount(fen: fen).formatted(in: unit)
                XCTAssertEqual(Amount(printed: text, unit: unit)?.fen, fen, "\(fen) in \(unit)")
            }
        }
    }
}
