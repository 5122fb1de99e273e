import Core

/// Emits SQL for a checked condition with exact integer arithmetic: every numeric value is
/// a fraction `sql / denominator` in its type's base unit (分, hundredths of a percent or
/// of a point), and comparisons cross-multiply, so `executed < 0.9 * initial` becomes
/// `p.executed_fen * 10 < 9 * p.initial_fen` with no floating point.
struct ConditionCompiler {
    let displayUnit: MoneyUnit

    func sql(_ condition: TypedCondition, _ builder: inout SQLBuilder) -> String {
        switch condition {
        // A chain of one operator is one flat SQL list and `not not c` is `c` (also for NULL):
        // the SQL nests no deeper than the condition's parentheses.
        case .and: return "(" + chain(condition, isAnd: true).map { sql($0, &builder) }.joined(separator: " AND ") + ")"
        case .or: return "(" + chain(condition, isAnd: false).map { sql($0, &builder) }.joined(separator: " OR ") + ")"
        case .not(.not(let inner)): return sql(inner, &builder)
        case .not(let inner): return "(NOT \(sql(inner, &builder)))"
        case .compare(let op, let lhs, let rhs):
            let context = Self.type(lhs) ?? Self.type(rhs)
            if context == .text {
                let left = text(lhs, &builder), right = text(rhs, &builder)
                switch op {
                case .contains: return "(instr(\(left), \(right)) > 0)"
                case .notEqual: return "(\(left) != \(right))"
                default: return "(\(left) = \(right))"
                }
            }
            let quantity = [Self.type(lhs), Self.type(rhs)].contains(.quantity)
            let left = fraction(lhs, quantity ? .quantity : context, &builder), right = fraction(rhs, quantity ? .quantity : context, &builder)
            let symbol = op == .notEqual ? "!=" : op.rawValue
            let comparison = "((\(left.sql)) * \(builder.bind(.integer(right.denominator))) \(symbol) (\(right.sql)) * \(builder.bind(.integer(left.denominator))))"
            guard quantity, let units = Self.unitAgreement(lhs, rhs) else { return comparison }
            return "(\(units) AND \(comparison))"
        }
    }

    /// The operands of a chain of `and` (or of `or`), left to right.
    private func chain(_ condition: TypedCondition, isAnd: Bool) -> [TypedCondition] {
        var operands: [TypedCondition] = []
        var pending = [condition]
        while let next = pending.popLast() {
            switch next {
            case .and(let lhs, let rhs) where isAnd: pending += [rhs, lhs]
            case .or(let lhs, let rhs) where !isAnd: pending += [rhs, lhs]
            default: operands.append(next)
            }
        }
        return operands
    }

    private func text(_ expression: TypedExpression, _ builder: inout SQLBuilder) -> String {
        switch expression {
        case .field(let field): return field.sql
        case .text(let value): return builder.bind(.text(value))
        default: return "NULL"
        }
    }

    /// `sql / denominator`, denominator > 0.
    private func fraction(_ expression: TypedExpression, _ context: ValueType?, _ builder: inout SQLBuilder) -> (sql: String, denominator: Int64) {
        switch expression {
        case .field(let field):
            return (field.sql, 1)
        case .number(let digits, let decimals, let type):
            var numerator = digits
            if type == nil {
                switch context {
                case .money: numerator = digits.multipliedReportingOverflow(by: displayUnit.fenPerUnit).partialValue
                case .points, .quantity: numerator = digits.multipliedReportingOverflow(by: 100).partialValue
                default: break
                }
            }
            return (builder.bind(.integer(numerator)), ExactDecimal.powerOfTen(decimals) ?? 1)
        case .text:
            return ("NULL", 1)
        case .negate(let inner):
            let value = fraction(inner, context, &builder)
            return ("-(\(value.sql))", value.denominator)
        case .arithmetic(let op, let lhs, let rhs):
            // Plain numbers keep their plain value in products and quotients.
            let left = fraction(lhs, op == .multiply || op == .divide ? Self.type(lhs) : context, &builder)
            let right = fraction(rhs, op == .multiply || op == .divide ? Self.type(rhs) : context, &builder)
            switch op {
            case .add, .subtract:
                let symbol = op == .add ? "+" : "-"
                return ("(\(left.sql)) * \(builder.bind(.integer(right.denominator))) \(symbol) (\(right.sql)) * \(builder.bind(.integer(left.denominator)))",
                        left.denominator.multipliedReportingOverflow(by: right.denominator).partialValue)
            case .multiply:
                return ("(\(left.sql)) * (\(right.sql))", left.denominator.multipliedReportingOverflow(by: right.denominator).partialValue)
            case .divide:
                // a / (p / q) = a * q / p; the checker allows only a nonzero constant divisor.
                guard case .number(let digits, _, _) = rhs else { return ("NULL", 1) }
                let sign: Int64 = digits < 0 ? -1 : 1
                return ("(\(left.sql)) * \(builder.bind(.integer(sign * right.denominator)))",
                        left.denominator.multipliedReportingOverflow(by: digits.magnitude > UInt64(Int64.max) ? 1 : abs(digits)).partialValue)
            }
        }
    }

    /// The unit SQL of a quantity side: the field's unit, `%` for a percentage, nil for a
    /// plain number (any unit).
    static func unit(_ expression: TypedExpression) -> String? {
        switch expression {
        case .field(let field): return field.unitSQL
        case .number(_, _, .percent): return "'%'"
        default: return nil
        }
    }

    /// SQL requiring both sides of a quantity comparison to be in one unit, if both name one.
    static func unitAgreement(_ lhs: TypedExpression, _ rhs: TypedExpression) -> String? {
        guard let left = unit(lhs), let right = unit(rhs) else { return nil }
        return "(\(left) = \(right))"
    }

    /// Pairs of quantity comparisons in a condition (value and unit SQL of each side), for
    /// telling the user which rows could not be compared.
    static func quantityPairs(_ condition: TypedCondition) -> [(String, String, String, String)] {
        switch condition {
        case .and(let lhs, let rhs), .or(let lhs, let rhs): return quantityPairs(lhs) + quantityPairs(rhs)
        case .not(let inner): return quantityPairs(inner)
        case .compare(_, let lhs, let rhs):
            guard case .field(let left) = lhs, case .field(let right) = rhs,
                  let leftUnit = left.unitSQL, let rightUnit = right.unitSQL else { return [] }
            return [(left.sql, leftUnit, right.sql, rightUnit)]
        }
    }

    static func type(_ expression: TypedExpression) -> ValueType? {
        switch expression {
        case .field(let field): return field.type
        case .number(_, _, let type): return type
        case .text: return .text
        case .negate(let inner): return type(inner)
        case .arithmetic(_, let lhs, let rhs): return type(lhs) ?? type(rhs)
        }
    }
}
