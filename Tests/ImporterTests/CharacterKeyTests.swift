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

/// Scans over scalars stand for scans over characters only where the two are one to one.
final class StandsAloneTests: XCTestCase {
    /// Every scalar the predicate accepts is one character alone and beside any other accepted
    /// scalar, and equal only to itself as a character.
    func testAcceptedScalarsAreWholeCharacters() {
        let ranges: [ClosedRange<UInt32>] = [0x00...0x7F, 0x2000...0x206F, 0x3000...0x30FF, 0x3400...0x3410,
                                             0x4E00...0x4E40, 0x9FF0...0x9FFF, 0xF900...0xF910, 0xFF00...0xFFEF]
        var accepted: [Unicode.Scalar] = []
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), CharacterKey.standsAlone(value) else { continue }
                accepted.append(scalar)
                let alone = String(Character(scalar))
                XCTAssertEqual(alone.count, 1)
                XCTAssertEqual(alone.unicodeScalars.count, 1)
                XCTAssertEqual(String(alone.precomposedStringWithCanonicalMapping.unicodeScalars.first!), alone)
            }
        }
        XCTAssertTrue(accepted.count > 400, "\(accepted.count)")
        // Beside each other (each pair, sampled), two characters.
        for (i, a) in accepted.enumerated() where i % 7 == 0 {
            for b in accepted where b.value % 11 == 0 {
                XCTAssertEqual(String(String.UnicodeScalarView([a, b])).count, 2, "\(a.value) \(b.value)")
            }
        }
        for refused: UInt32 in [0x0D, 0x0A, 0x301, 0x302A, 0x3099, 0xF900, 0xFF9E, 0x200D, 0xFE0F, 0x1F1E6, 0xAC00] {
            XCTAssertFalse(CharacterKey.standsAlone(refused), String(refused, radix: 16))
        }
    }

    /// The byte scan gives the character scan's tokens, and leaves other lines to it.
    func testScalarTokensAgreeWithCharacterTokens() {
        let lines = ["  201  一般公共服务支出        1,234.56    0.00   -", "30101基本工资\t12.00\t\t3.5",
                     "合计　　９．００  2012901 ", "3010 基本", "123abc 12345一二 1234567 ８", "", "   ", "“经费”（万元）：12.3%",
                     "e\u{301}值 1.00", "表\r", "半角ｶﾞ 1.00", "\u{F900}支出 2.00"]
        for line in lines {
            let scalar = LayoutScanner.scalarTokens(line, line: 7)
            if line.unicodeScalars.allSatisfy({ CharacterKey.standsAlone($0.value) }) {
                XCTAssertEqual(scalar, LayoutScanner.characterTokens(line, line: 7), line)
            } else {
                XCTAssertNil(scalar, line)
            }
            XCTAssertEqual(LayoutScanner.tokens(line, line: 7), LayoutScanner.characterTokens(line, line: 7), line)
        }
    }

    /// The byte answer is `hasPrefix`'s, combining marks, canonical equivalents and CR LF included.
    func testFastHasPrefixAgreesWithHasPrefix() {
        let texts = ["[PDF page 3]", "#注释", "注：本表", "", "a", "支出合计", "支出\u{301}合计", "e\u{301}x", "ex", "\u{E9}x",
                     "\u{F900}收入", "\u{8C48}收入", "\r\nA", "\rA", "一般公共预算财政拨款", "ｶﾞ", "ｶ", "第3页", "👍🏽a",
                     "K", "\u{212A}", ";", "\u{037E}", "a\u{301}b", "合计", "合\u{301}计", " 合计", "\u{0600}合计"]
        let prefixes = ["", "[PDF page", "#", "注：", "a", "支出", "支", "e", "\u{E9}", "e\u{301}", "\u{8C48}", "\u{F900}",
                        "\r", "\r\n", "一般公共预算财政拨款支出", "ｶ", "ｶﾞ", "第", "👍", "👍🏽",
                        "K", "\u{212A}", ";", "\u{037E}", "a\u{301}", "合计", "计", " "]
        for text in texts {
            for prefix in prefixes {
                XCTAssertEqual(text.fastHasPrefix(prefix), text.hasPrefix(prefix), "\(text.debugDescription) \(prefix.debugDescription)")
            }
        }
    }
}
