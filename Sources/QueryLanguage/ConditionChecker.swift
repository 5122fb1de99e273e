import Core

/// Types a `where` condition against a statement's fields: money literals in the display
/// unit unless they carry one, rates only with %, exact arithmetic only.
struct ConditionChecker {
    let fields: FieldSet
    let displayUnit: MoneyUnit

    func check(_ condition: Condition) throws(Diagnostic) -> TypedCondition {
        switch condition {
        case .and(let lhs, let rhs): return .and(try check(lhs), try check(rhs))
        case .or(let lhs, let rhs): return .or(try check(lhs), try check(rhs))
        case .not(let inner, _): return .not(try check(inner))
        case .comparison(let op, let lhs, let rhs, let operatorSpan):
            var left = try operand(lhs, against: rhs), right = try operand(rhs, against: lhs)
            (left, right) = try quantities(op, left, right, lhs.span.union(rhs.span))
            if [ConditionCompiler.type(left), ConditionCompiler.type(right)].contains(.quantity) { return .compare(op, left, right) }
            let leftType = ConditionCompiler.type(left), rightType = ConditionCompiler.type(right)
            if op == .contains {
                guard leftType == .text, rightType == .text else {
                    throw Diagnostic(code: "Q207", message: "「~」（包含）只能用于文字字段", span: operatorSpan)
                }
            } else if let leftType, let rightType, leftType != rightType {
                throw Diagnostic(code: "Q207", message: "不能比较\(Self.label(leftType))与\(Self.label(rightType))",
                                 span: lhs.span.union(rhs.span))
            } else if leftType == .text || rightType == .text, op != .equal, op != .notEqual {
                throw Diagnostic(code: "Q207", message: "文字只能用 =、!= 或 ~ 比较", span: operatorSpan)
            }
            let contextType = leftType ?? rightType
            if contextType == .percent {
                for (expression, source) in [(left, lhs), (right, rhs)] where ConditionCompiler.type(expression) == nil {
                    throw Diagnostic(code: "Q208", message: "比率要带百分号", span: source.span, hints: ["例如 rate < 90%"])
                }
            }
            return .compare(op, left, right)
        }
    }

    /// Text fields with a numeric reading (an indicator's 指标值, 完成值) compare as numbers
    /// under < <= > >= and against a number; two quantities compare only in the same unit,
    /// and a percentage only with a quantity in %.
    private func quantities(_ op: ComparisonOperator, _ left: TypedExpression, _ right: TypedExpression,
                            _ span: SourceSpan) throws(Diagnostic) -> (TypedExpression, TypedExpression) {
        func numeric(_ side: TypedExpression, _ other: TypedExpression) -> TypedExpression {
            guard case .field(let field) = side, let quantity = fields.quantities[field.name] else { return side }
            let otherType = ConditionCompiler.type(other)
            let ordering = [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op)
            return ordering || (otherType != .text && op != .contains) ? .field(quantity) : side
        }
        let l = numeric(left, right), r = numeric(right, left)
        let types = [ConditionCompiler.type(l), ConditionCompiler.type(r)]
        guard types.contains(.quantity) else { return (l, r) }
        for type in types where type != nil && type != .quantity && type != .percent {
            throw Diagnostic(code: "Q207", message: "不能比较指标的数值与\(Self.label(type ?? .text))", span: span)
        }
        for side in [l, r] {
            if case .field = side { continue }
            if case .number = side { continue }
            throw Diagnostic(code: "Q207", message: "指标值、完成值只能直接比较，不能参与运算", span: span)
        }
        return (l, r)
    }

    /// One side of a comparison. An unquoted word that names no field, compared with a
    /// text field, is text (`name ~ 档案` means `name ~ '档案'`).
    private func operand(_ side: ValueExpression, against other: ValueExpression) throws(Diagnostic) -> TypedExpression {
        if case .field(let name) = side, fields.field(named: name.text) == nil,
           case .field(let otherName) = other, fields.field(named: otherName.text)?.type == .text {
            return .text(name.text)
        }
        return try expression(side)
    }

    private func expression(_ expression: ValueExpression) throws(Diagnostic) -> TypedExpression {
        switch expression {
        case .field(let name):
            guard let field = fields.field(named: name.text) else {
                throw Diagnostic(code: "Q202", message: "未知的字段「\(name.text)」", span: name.span,
                                 hints: NameSuggestions.hint(for: name.text, among: fields.allNames)
                                     + ["可用字段：" + fields.entries.map { $0.names[0] }.joined(separator: "、")])
            }
            return .field(field)
        case .string(let text, _):
            return .text(text)
        case .number(let text, let suffix, let span):
            return try number(text, suffix: suffix, span: span)
        case .negate(let inner, _):
            return .negate(try self.expression(inner))
        case .binary(let op, let lhs, let rhs):
            let left = try self.expression(lhs), right = try self.expression(rhs)
            let leftType = ConditionCompiler.type(left), rightType = ConditionCompiler.type(right)
            if leftType == .text || rightType == .text {
                throw Diagnostic(code: "Q207", message: "文字不能参与运算", span: lhs.span.union(rhs.span))
            }
            switch op {
            case .add, .subtract:
                if let leftType, let rightType, leftType != rightType {
                    throw Diagnostic(code: "Q207", message: "不能把\(Self.label(leftType))与\(Self.label(rightType))相加减",
                                     span: lhs.span.union(rhs.span))
                }
            case .multiply:
                if leftType != nil && rightType != nil {
                    throw Diagnostic(code: "Q207", message: "两个带单位的值不能相乘", span: lhs.span.union(rhs.span),
                                     hints: ["乘数应为常数，例如 0.9 * initial"])
                }
            case .divide:
                guard case .number(let digits, _, nil) = right, digits != 0 else {
                    throw Diagnostic(code: "Q209", message: "只能除以非零的常数", span: rhs.span,
                                     hints: ["改写为乘法比较，例如 executed < 0.9 * adjusted"])
                }
            }
            return .arithmetic(op, left, right)
        }
    }

    /// A literal: money with 万/万元/元/亿/亿元, a rate with %, a year with 年, else a plain number.
    private func number(_ text: String, suffix: String?, span: SourceSpan) throws(Diagnostic) -> TypedExpression {
        let invalid = Diagnostic(code: "Q105", message: "无效或过大的数值「\(text)」", span: span)
        guard let decimal = ExactDecimal(parsing: text), decimal.decimals <= 6,
              decimal.digits.magnitude <= 1_000_000_000_000 else { throw invalid }
        func scaled(_ factor: Int64) throws(Diagnostic) -> TypedExpression {
            let (value, overflow) = decimal.digits.multipliedReportingOverflow(by: factor)
            if overflow || value.magnitude > 1_000_000_000_000_000_000 { throw invalid }
            return .number(digits: value, decimals: decimal.decimals, type: nil)
        }
        switch suffix {
        case nil: return .number(digits: decimal.digits, decimals: decimal.decimals, type: nil)
        case "%": return retype(try scaled(100), .percent)
        case "年": return retype(try scaled(1), .integer)
        case "元": return retype(try scaled(MoneyUnit.yuan.fenPerUnit), .money)
        case "万", "万元": return retype(try scaled(MoneyUnit.tenThousandYuan.fenPerUnit), .money)
        case "亿", "亿元": return retype(try scaled(MoneyUnit.hundredMillionYuan.fenPerUnit), .money)
        default: throw Diagnostic(code: "Q105", message: "无法识别的单位「\(suffix ?? "")」", span: span)
        }
    }

    private func retype(_ expression: TypedExpression, _ type: ValueType) -> TypedExpression {
        guard case .number(let digits, let decimals, _) = expression else { return expression }
        return .number(digits: digits, decimals: decimals, type: type)
    }

    /// The type of an expression; nil for a plain number (it takes the other side's type).

    static func label(_ type: ValueType) -> String {
        switch type {
        case .money: return "金额"
        case .percent: return "比率"
        case .points: return "分值"
        case .integer: return "整数"
        case .text: return "文字"
        case .quantity: return "指标数值"
        }
    }
}
