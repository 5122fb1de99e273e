@testable import Core
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumnPerCharacter() {
        XCTAssertEqual(DisplayWidth.of(""), 0)
        XCTAssertEqual(DisplayWidth.of("compare 2022 2023"), 17)
        XCTAssertEqual(DisplayWidth.of(" ~!@#$%^&*()_+{}|:<>?`-=[]\\;',./"), 32)
    }

    func testChineseIsTwoColumnsPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("中" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("中"), 2)
        XCTAssertEqual(DisplayWidth.of("三公经费"), 8)
        XCTAssertEqual(DisplayWidth.of("公务用车购置及运行维护费"), 24)
        XCTAssertEqual(DisplayWidth.of("2023年"), 6)
        XCTAssertEqual(DisplayWidth.of("【安居区委办】"), 14)
        XCTAssertEqual(DisplayWidth.of("한국"), 4)
        XCTAssertEqual(DisplayWidth.of("カタカナ"), 8)
    }

    func testFullwidthFormsAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("（）＝"), 6)
        XCTAssertEqual(DisplayWidth.of("＞＜≥≤"), 6)  // ≥ ≤ are Ambiguous: 1
        XCTAssertEqual(DisplayWidth.of("，。、："), 8)
        XCTAssertEqual(DisplayWidth.of("　"), 2)  // ideographic space
        XCTAssertEqual(DisplayWidth.of("ｱ"), 1)  // halfwidth katakana
    }

    func testCombiningMarksAndZeroWidthCharactersAddNothing() {
        XCTAssertEqual(DisplayWidth.of("e\u{0301}"), 1)
        XCTAssertEqual(Array("e\u{0301}").count, 1)
        XCTAssertEqual(DisplayWidth.of("e\u{0301}\u{0323}"), 1)
        XCTAssertEqual(DisplayWidth.of("\u{0301}" as Character), 0)
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2)
        XCTAssertEqual(DisplayWidth.of("\u{FEFF}"), 0)
        XCTAssertEqual(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}"), 2)  // 각 from jamo
    }

    func testControlsAreZeroColumns() {
        XCTAssertEqual(DisplayWidth.of("\t"), 0)
        XCTAssertEqual(DisplayWidth.of("a\nb"), 2)
        XCTAssertEqual(DisplayWidth.of("\r\n"), 0)
        XCTAssertEqual(DisplayWidth.of("\u{7F}\u{85}"), 0)
    }

    func testEmojiAreTwoColumnsPerCluster() {
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)  // skin tone modifier
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧‍👦"), 2)  // family ZWJ sequence
        XCTAssertEqual(DisplayWidth.of("🇨🇳"), 2)  // flag
        XCTAssertEqual(DisplayWidth.of("❤"), 1)  // text presentation by default
        XCTAssertEqual(DisplayWidth.of("❤\u{FE0F}"), 2)  // VS16: emoji presentation
        XCTAssertEqual(DisplayWidth.of("1\u{FE0F}\u{20E3}"), 2)  // keycap
        XCTAssertEqual(DisplayWidth.of("a\u{FE0F}"), 1)  // VS16 on a non-emoji changes nothing
        XCTAssertEqual(DisplayWidth.of("ok👍中"), 6)
    }

    func testPunctuationUsedByRenderersIsOneColumn() {
        for text in ["…", "─", "│", "┌", "┼", "−", "—", "*", "%", "+"] {
            XCTAssertEqual(DisplayWidth.of(text), 1, text)
        }
    }

    func testSampleCodePointsMatchTheGeneratorsOracle() {
        XCTAssertGreaterThan(displayWidthSamples.count / 2, 300)
        var index = 0
        while index + 1 < displayWidthSamples.count {
            let value = displayWidthSamples[index]
            let expected = Int(displayWidthSamples[index + 1])
            index += 2
            guard let scalar = Unicode.Scalar(value) else {
                XCTFail("not a scalar: \(value)")
                continue
            }
            let label = "U+" + String(value, radix: 16, uppercase: true)
            XCTAssertEqual(DisplayWidth.scalarWidth(scalar), expected, label)
            XCTAssertEqual(DisplayWidth.of(Character(scalar)), expected, label)
        }
    }

    /// The ranges `scalarWidth` answers without the table give every scalar the table's width.
    func testEveryScalarHasTheTablesWidth() {
        var compared = 0
        for value: UInt32 in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if DisplayWidth.scalarWidth(scalar) != DisplayWidth.tableWidth(value) {
                XCTFail("U+" + String(value, radix: 16, uppercase: true))
            }
            compared += 1
        }
        XCTAssertEqual(compared, 0x110000 - 0x800)
    }

    func testTableIsSortedAndDisjoint() {
        let table = DisplayWidth.nonNarrowRanges
        XCTAssertEqual(table.count % 3, 0)
        var previousLast: Int64 = -1
        for entry in stride(from: 0, to: table.count, by: 3) {
            XCTAssertLessThanOrEqual(table[entry], table[entry + 1])
            XCTAssertGreaterThan(Int64(table[entry]), previousLast)
            XCTAssertTrue(table[entry + 2] == 0 || table[entry + 2] == 2)
            previousLast = Int64(table[entry + 1])
        }
        let bases = DisplayWidth.emojiVariationBases
        XCTAssertEqual(bases.count % 2, 0)
        previousLast = -1
        for entry in stride(from: 0, to: bases.count, by: 2) {
            XCTAssertLessThanOrEqual(bases[entry], bases[entry + 1])
            XCTAssertGreaterThan(Int64(bases[entry]), previousLast)
            previousLast = Int64(bases[entry + 1])
        }
    }

    func testTruncateCutsOnCharacterBoundariesWithinTheWidth() {
        XCTAssertEqual(DisplayWidth.truncate("abcdef", toWidth: 6), "abcdef")
        XCTAssertEqual(DisplayWidth.truncate("abcdef", toWidth: 10), "abcdef")
        XCTAssertEqual(DisplayWidth.truncate("abcdef", toWidth: 4), "abc…")
        XCTAssertEqual(DisplayWidth.truncate("公务用车运行维护费", toWidth: 8), "公务用…")
        XCTAssertEqual(DisplayWidth.truncate("公务用车运行维护费", toWidth: 9), "公务用车…")
        XCTAssertEqual(DisplayWidth.truncate("公务用车", toWidth: 2), "…")
        XCTAssertEqual(DisplayWidth.truncate("公务用车", toWidth: 1), "…")
        XCTAssertEqual(DisplayWidth.truncate("公务用车", toWidth: 0), "")
        XCTAssertEqual(DisplayWidth.truncate("abc", toWidth: -3), "")
        XCTAssertEqual(DisplayWidth.truncate("e\u{0301}e\u{0301}e\u{0301}", toWidth: 2), "e\u{0301}…")
        XCTAssertEqual(DisplayWidth.truncate("a👨‍👩‍👧‍👦b", toWidth: 3), "a…")
        XCTAssertEqual(DisplayWidth.truncate("a👨‍👩‍👧‍👦bc", toWidth: 4), "a👨‍👩‍👧‍👦…")
        for text in ["公务用车运行维护费", "ab中cd文ef", "👍x👍y", "（一）基本支出"] {
            for width in 0...20 {
                let cut = DisplayWidth.truncate(text, toWidth: width)
                XCTAssertLessThanOrEqual(DisplayWidth.of(cut), max(0, width), "\(text) \(width)")
                if DisplayWidth.of(text) > width, width > 0 {
                    XCTAssertTrue(cut.hasSuffix("…"))
                    XCTAssertGreaterThanOrEqual(DisplayWidth.of(cut), width - 1)
                }
            }
        }
    }

    /// Text of scalars that stand alone is measured scalar by scalar: the same widths as
    /// character by character, over every such scalar of the blocks documents use.
    func testStandaloneScalarsMeasureAsTheirCharacters() {
        for range: ClosedRange<UInt32> in [0x09...0x7E, 0x2000...0x206F, 0x3000...0x303F, 0x4E00...0x4EFF, 0xFF00...0xFFEF] {
            let text = String(String.UnicodeScalarView(range.compactMap(Unicode.Scalar.init).filter { StandaloneScalar.contains($0.value) }))
            XCTAssertEqual(DisplayWidth.of(text), DisplayWidth.characterWidth(text))
        }
        for text in ["一般公共预算财政拨款支出（万元）：１２．３", "合计\t12.00", "e\u{301}中", "中\u{FE0F}", "ｶﾞ", "\u{F900}"] {
            XCTAssertEqual(DisplayWidth.of(text), DisplayWidth.characterWidth(text), text)
        }
        XCTAssertEqual(DisplayWidth.of("支出（万元）"), 12)
    }
}
