import Core
import XCTest
@testable import QueryLanguage

final class LexerTests: XCTestCase {
    /// Input → compact tokens (kind:text[/suffix]), one case per line.
    func testTokenKinds() {
        let cases: [(String, String)] = [
            ("", "end"),
            ("compare 三公 2022 2023", "word:compare word:三公 number:2022 number:2023 end"),
            ("COMPARE", "word:COMPARE end"),
            ("0.9 4万 4万元 40000元 3亿 3亿元 90% 90％ 2023年", "number:0.9 number:4/万 number:4/万元 number:40000/元 number:3/亿 number:3/亿元 number:90/% number:90/% number:2023/年 end"),
            ("4万人", "word:4万人 end"),
            ("2013101abc 51090423T000008810877", "word:2013101abc word:51090423T000008810877 end"),
            ("201.31.01", "code:2013101 end"),
            ("201.31", "number:201.31 end"),
            ("201.31.1 2013.1.01 1.2.3", "word:201.31.1 word:2013.1.01 word:1.2.3 end"),
            ("2023. .5 1..2", "word:2023. word:.5 word:1..2 end"),
            ("２０２３ ０.９万", "number:2023 number:0.9/万 end"),
            ("因公出国（境）费", "word:因公出国（境）费 end"),
            ("因公出国(境)费", "word:因公出国 symbol:( word:境 symbol:) word:费 end"),
            ("a-b 3-2", "word:a symbol:- word:b number:3 symbol:- number:2 end"),
            ("< <= > >= = == != <> ~ ( ) , + - * /", "symbol:< symbol:<= symbol:> symbol:>= symbol:= symbol:= symbol:!= symbol:!= symbol:~ symbol:( symbol:) symbol:, symbol:+ symbol:- symbol:* symbol:/ end"),
            ("＜ ＞ ＝ ≤ ≥ ≠ ～ ，", "symbol:< symbol:> symbol:= symbol:<= symbol:>= symbol:!= symbol:~ symbol:, end"),
            ("＜＝ ＞＝ ＝＝ ＜＞", "symbol:<= symbol:>= symbol:= symbol:!= end"),
            ("调整后预算＜年初预算", "word:调整后预算 symbol:< word:年初预算 end"),
            ("a<b", "word:a symbol:< word:b end"),
            ("x\t\u{3000}y", "word:x word:y end"),
            ("units -- a comment", "word:units end"),
            ("units # a comment", "word:units end"),
            ("a--b", "word:a end"),
            ("'it''s' \"say \"\"hi\"\"\"", "string:it's string:say \"hi\" end"),
            ("“六大工程” ‘x’ 「档案」", "string:六大工程 string:x string:档案 end"),
            ("“a””b”", "string:a word:”b” end"),
            ("'a;b#c--d'", "string:a;b#c--d end"),
            ("'' \"\"", "string: string: end"),
            ("find 「a'b」", "word:find string:a'b end"),
        ]
        for (input, expected) in cases {
            let result = Lexer.tokenize(input)
            XCTAssertEqual(compact(result.tokens), expected, input)
            XCTAssertEqual(result.diagnostics, [], input)
        }
    }

    func testSpansAreCharacterOffsets() {
        let tokens = Lexer.tokenize("compare 三公 2022 ≤ 'a'").tokens
        XCTAssertEqual(tokens.map(\.span), [sp(0, 7), sp(8, 10), sp(11, 15), sp(16, 17), sp(18, 21), sp(21, 21)])
    }

    func testOffsetShiftsSpans() {
        let result = Lexer.tokenize("breakdown 201 'x", offset: 10)
        XCTAssertEqual(result.tokens.map(\.span), [sp(10, 19), sp(20, 23), sp(24, 26), sp(26, 26)])
        XCTAssertEqual(result.diagnostics.map(\.span), [sp(24, 26)])
        XCTAssertEqual(result.contentEnd, 26)
    }

    func testEndTokenSitsAfterLastToken() {
        XCTAssertEqual(Lexer.tokenize("units   ").tokens.last?.span, sp(5, 5))
        XCTAssertEqual(Lexer.tokenize("units  # x").tokens.last?.span, sp(5, 5))
        XCTAssertEqual(Lexer.tokenize("   ").tokens.last?.span, sp(0, 0))
    }

    func testContentEndStopsAtComment() {
        XCTAssertEqual(Lexer.tokenize("sql SELECT 1 -- two").contentEnd, 13)
        XCTAssertEqual(Lexer.tokenize("sql SELECT '#' # two").contentEnd, 15)
        XCTAssertEqual(Lexer.tokenize("sql SELECT 1").contentEnd, 12)
    }

    func testUnterminatedStringAndStrayCharacters() {
        let unterminated = Lexer.tokenize("find '慰问")
        XCTAssertEqual(compact(unterminated.tokens), "word:find string:慰问 end")
        XCTAssertEqual(unterminated.diagnostics.map(\.code), ["Q104"])
        XCTAssertEqual(unterminated.diagnostics.first?.span, sp(5, 8))

        let stray = Lexer.tokenize("a ! b \u{7}")
        XCTAssertEqual(compact(stray.tokens), "word:a word:b end")
        XCTAssertEqual(stray.diagnostics.map(\.code), ["Q106", "Q106"])
        XCTAssertEqual(stray.diagnostics.map(\.span), [sp(2, 3), sp(6, 7)])
        XCTAssertEqual(stray.diagnostics.map(\.message), ["无法识别的字符「!」", "无法识别的字符U+0007"])
    }

    func testTokensOfLineCoverEveryStatement() {
        let tokens = Parser.tokens(line: "units; years # c")
        XCTAssertEqual(compact(tokens), "word:units end word:years end")
        XCTAssertEqual(tokens.map(\.span), [sp(0, 5), sp(5, 5), sp(7, 12), sp(12, 12)])
    }

    func testTokenDump() {
        XCTAssertEqual(Parser.dump(tokens: Lexer.tokenize("top 3 “a” 4万").tokens), """
            word "top" [0..<3]
            number "3" [4..<5]
            string "a" [6..<9]
            number "4" suffix 万 [10..<12]
            end "" [12..<12]
            """)
    }
}
