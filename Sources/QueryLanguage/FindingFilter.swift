import Core

/// A checked `check where …` condition, evaluated on each finding's fields (findings are
/// computed, not stored, so the condition runs in Swift, with the same exact arithmetic).
public struct FindingFilter: Hashable, Sendable {
    let condition: TypedCondition

    /// The fields a condition may name (FieldSet.findings): severity, rule, family,
    /// message and unit are text; year is an integer.
    public func matches(_ fields: [String: Cell]) -> Bool {
        evaluate(condition, fields) == true
    }

    private func evaluate(_ condition: TypedCondition, _ fields: [String: Cell]) -> Bool? {
        switch condition {
        case .and(let lhs, let rhs):
            let left = evaluate(lhs, fields), right = evaluate(rhs, fields)
            if left == false || right == false { return false }
            return left == nil || right == nil ? nil : true
        case .or(let lhs, let rhs):
            let left = evaluate(lhs, fields), right = evaluate(rhs, fields)
            if left == true || right == true { return true }
            return left == nil || right == nil ? nil : false
        case .not(let inner):
            return evaluate(inner, fields).map { !$0 }
        case .compare(let op, let lhs, let rhs):
            switch (value(lhs, fields), value(rhs, fields)) {
            case (.text(let a), .text(let b)):
                switch op {
                case .contains: return a.contains(b)
                case .equal: return a == b
                case .notEqual: return a != b
                default: return nil
                }
            case (.number(let a), .number(let b)):
                // a.0 / a.1 OP b.0 / b.1, denominators positive.
                let left = a.0 * b.1, right = b.0 * a.1
                switch op {
                case .less: return left < right
                case .lessOrEqual: return left <= right
                case .greater: return left > right
                case .greaterOrEqual: return left >= right
                case .equal: return left == right
                case .notEqual: return left != right
                case .contains: return nil
                }
            default:
                return nil
            }
        }
    }

    private enum Operand { case text(String), number((Int64, Int64)), unknown }

    private func value(_ expression: TypedExpression, _ fields: [String: Cell]) -> Operand {
        switch expression {
        case .field(let field):
            switch fields[field.name] {
            case .text(let text)?: return .text(text)
            case .integer(let number)?: return .number((number, 1))
            default: return .unknown
            }
        case .text(let text):
            return .text(text)
        case .number(let digits, let decimals, _):
            return .number((digits, ExactDecimal.powerOfTen(decimals) ?? 1))
        case .negate(let inner):
            if case .number(let value) = value(inner, fields) { return .number((-value.0, value.1)) }
            return .unknown
        case .arithmetic:
            return .unknown
        }
    }
}
