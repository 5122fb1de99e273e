import XCTest
@testable import Importer

/// Label searches compare character keys: they must agree with `Character ==` everywhere.
final class CharacterKeyTests: XCTestCase {
    func testKeysAgreeWithCharacterEquality() {
        // Ideographs, CJK and full-width punctuation, ASCII, a CJK compatibility ideograph
        // (U+F900, canonically U+8C48), é precomposed and decomposed, a CR LF pair.
        let samples: [Character] = ["支", "出", "，", "（", "“", "：", "　", "a", "1", "%", "\u{F900}", "\u{8C48}",
                                    "\u{E9}", "e\u{301}", "\r\n", "٣"]
        for a in samples {
            for b in samples {
                XCTAssertEqual(CharacterKey.same(CharacterKey.of(a), CharacterKey.of(b), a, b), a == b, "\(a) \(b)")
            }
        }
        XCTAssertEqual(CharacterKey.of("支"), 0x652F)
        XCTAssertEqual(CharacterKey.of("\u{F900}"), 0, "a character with a canonical decomposition is compared as a Character")
        XCTAssertEqual(CharacterKey.of("e\u{301}"), 0)
    }

    func testMatchesFindsALabelWhereverItsCharactersAreEqual() {
        let text = Array("基本支出\u{F900}收入"), label = Array("\u{8C48}收入")
        let textKeys = CharacterKey.keys(text), labelKeys = CharacterKey.keys(label)
        XCTAssertTrue(CharacterKey.matches(label, labelKeys, at: 4, in: text, textKeys))
        XCTAssertFalse(CharacterKey.matches(label, labelKeys, at: 3, in: text, textKeys))
        XCTAssertFalse(CharacterKey.matches(label, labelKeys, at: 5, in: text, textKeys), "past the end")
    }
}

/// Table cells read as bytes: the amounts and only them.
final class AmountTokenTests: XCTestCase {
    func testAmountsCarryDecimalsAndGroupsOfThree() {
        for amount in ["0.00", "1234.56", "1,234.56", "-2.48", "12,345,678.9"] {
            XCTAssertTrue(LayoutToken.isAmount(amount), amount)
        }
        for other in ["", "-", "12", "1.", ".5", "-.5", "1,23.00", "1234,567.00", ",123.00", "1.2.3", "1.2a", "１.２",
                      "1.5\u{301}", "--1.00", "合计", "201"] {
            XCTAssertFalse(LayoutToken.isAmount(other), other)
        }
    }
}
