import Core
import XCTest
@testable import QueryLanguage

final class ConditionParserTests: XCTestCase {
    /// `check where COND` → the condition as an s-expression without spans.
    func testPrecedenceAndShapes() {
        let cases: [(String, String)] = [
            ("adjusted < initial", "(< adjusted initial)"),
            ("调整后预算 ＜ 年初预算", "(< 调整后预算 年初预算)"),
            ("executed < 0.9 * initial", "(< executed (* 0.9 initial))"),
            ("10 * executed < 9 * initial", "(< (* 10 executed) (* 9 initial))"),
            ("a = 1 or b = 2 and not c = 3", "(or (= a 1) (and (= b 2) (not (= c 3))))"),
            ("(a = 1 or b = 2) and c = 3", "(and (or (= a 1) (= b 2)) (= c 3))"),
            ("a = 1 and b = 2 and c = 3", "(and (and (= a 1) (= b 2)) (= c 3))"),
            ("a == 1 or b <> 2 or c ≠ 3", "(or (or (= a 1) (!= b 2)) (!= c 3))"),
            ("not not a ~ 'x'", "(not (not (~ a 'x')))"),
            ("NOT a ~ 'x' AND b > 1", "(and (not (~ a 'x')) (> b 1))"),
            ("a + b * c - d / e >= 4万", "(>= (- (+ a (* b c)) (/ d e)) 4万)"),
            ("-a < - -b", "(< (neg a) (neg (neg b)))"),
            ("(a + b) * 2 < c", "(< (* (+ a b) 2) c)"),
            ("((a < b))", "(< a b)"),
            ("(a) = (b)", "(= a b)"),
            ("a < b and (c > d or (e = f))", "(and (< a b) (or (> c d) (= e f)))"),
            ("rate <= 90% and score ≥ 8", "(and (<= rate 90%) (>= score 8))"),
            ("执行率 ＞＝ 90％", "(>= 执行率 90%)"),
            ("name ~ “六大工程”", "(~ name '六大工程')"),
            ("code = 201.31.01", "(= code 2013101)"),
            ("unit ～ 「区委」", "(~ unit '区委')"),
            ("executed - adjusted != 0元", "(!= (- executed adjusted) 0元)"),
            ("year = 2023年", "(= year 2023年)"),
        ]
        for (input, expected) in cases {
            guard case .check(let filter?, nil)? = statement("check where " + input) else {
                XCTFail("no condition for \(input)")
                continue
            }
            XCTAssertEqual(sexpr(filter), expected, input)
        }
    }

    func testConditionSpans() {
        guard case .check(let filter?, _)? = statement("check where a = 1 or b = 2 and not c = 3") else {
            return XCTFail("no condition")
        }
        XCTAssertEqual(filter,
                       .or(.comparison(.equal, fld("a", 12, 13), num("1", 16, 17), operatorSpan: sp(14, 15)),
                           .and(.comparison(.equal, fld("b", 21, 22), num("2", 25, 26), operatorSpan: sp(23, 24)),
                                .not(.comparison(.equal, fld("c", 35, 36), num("3", 39, 40), operatorSpan: sp(37, 38)),
                                     span: sp(31, 34)))))
        XCTAssertEqual(filter.span, sp(12, 40))
    }

    func testConditionEndsAtClauseKeyword() {
        XCTAssertEqual(statement("projects where a < b limit 3 for 区委办"),
                       .projects(filter: .comparison(.less, fld("a", 15, 16), fld("b", 19, 20), operatorSpan: sp(17, 18)),
                                 order: nil, limit: ct(3, 27, 28), unit: nm("区委办", 33, 36)))
        XCTAssertEqual(statement("indicators where a ~ 'x' of 党史"),
                       .indicators(project: nm("党史", 28, 30),
                                   filter: .comparison(.contains, fld("a", 17, 18), .string("x", span: sp(21, 24)), operatorSpan: sp(19, 20)),
                                   unit: nil))
    }

    private func sexpr(_ condition: Condition) -> String {
        switch condition {
        case .comparison(let op, let lhs, let rhs, _): return "(\(op.rawValue) \(sexpr(lhs)) \(sexpr(rhs)))"
        case .and(let lhs, let rhs): return "(and \(sexpr(lhs)) \(sexpr(rhs)))"
        case .or(let lhs, let rhs): return "(or \(sexpr(lhs)) \(sexpr(rhs)))"
        case .not(let inner, _): return "(not \(sexpr(inner)))"
        }
    }

    private func sexpr(_ expression: ValueExpression) -> String {
        switch expression {
        case .field(let name): return name.text
        case .number(let text, let suffix, _): return text + (suffix ?? "")
        case .string(let text, _): return "'\(text)'"
        case .negate(let inner, _): return "(neg \(sexpr(inner)))"
        case .binary(let op, let lhs, let rhs): return "(\(op.rawValue) \(sexpr(lhs)) \(sexpr(rhs)))"
        }
    }
}
