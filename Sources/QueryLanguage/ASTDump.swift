import Core

/// Renders statements and tokens as indented text for the REPL's `.ast` and `.tokens`.
/// `projects where adjusted < initial limit 5` gives:
///
///     projects
///       filter:
///         comparison < [24..<25]
///           field adjusted [15..<23]
///           field initial [26..<33]
///       limit: 5 [40..<41]
enum ASTDump {
    /// The statement as an indented tree; absent optional parts are left out.
    static func render(_ statement: Statement) -> String {
        var lines: [String] = []
        append(statement, indent: 0, to: &lines)
        return lines.joined(separator: "\n")
    }

    /// One line per token: `kind text [suffix] [span]`.
    static func render(tokens: [Token]) -> String {
        tokens.map { token in
            var line = "\(kindName(token.kind)) \(quoted(token.text))"
            if let suffix = token.suffix { line += " suffix \(suffix)" }
            return line + " [\(token.span)]"
        }.joined(separator: "\n")
    }

    private static func append(_ statement: Statement, indent: Int, to lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        let inner = indent + 1
        func field(_ label: String, _ value: String) { lines.append("\(pad)  \(label): \(value)") }
        func name(_ label: String, _ value: Name?) { if let value { field(label, describe(value)) } }
        func year(_ label: String, _ value: YearLiteral?) { if let value { field(label, "\(value.value) [\(value.span)]") } }
        func count(_ label: String, _ value: CountLiteral?) { if let value { field(label, "\(value.value) [\(value.span)]") } }
        func condition(_ value: Condition?) {
            guard let value else { return }
            lines.append("\(pad)  filter:")
            append(value, indent: inner + 1, to: &lines)
        }

        switch statement {
        case .summary(let y, let unit, let filter):
            lines.append(pad + "summary"); year("year", y); name("unit", unit); condition(filter)
        case .compare(let subject, let first, let second, let unit, let filter):
            lines.append(pad + "compare"); field("subject", describe(subject))
            year("first", first); year("second", second); name("unit", unit); condition(filter)
        case .breakdown(let target, let y, let depth, let column, let fund, let unit, let level, let filter):
            lines.append(pad + "breakdown"); field("target", describe(target)); year("year", y)
            if let level { field("by", "\(level.depth) [\(level.span)]") }
            count("depth", depth)
            if let column { field("column", column.rawValue) }
            name("fund", fund); name("unit", unit); condition(filter)
        case .trend(let target, let from, let to, let unit, let filter):
            lines.append(pad + "trend"); field("target", describe(target))
            year("from", from); year("to", to); name("unit", unit); condition(filter)
        case .trendBudget(let target, let from, let to, let unit):
            lines.append(pad + "trend with budget"); field("target", describe(target)); year("from", from); year("to", to)
            name("unit", unit)
        case .execution(let target, let y, let unit):
            lines.append(pad + "execution"); field("target", describe(target)); year("year", y); name("unit", unit)
        case .top(let n, let subject, let y, let filter):
            lines.append(pad + "top"); count("count", n); field("subject", describe(subject)); year("year", y); condition(filter)
        case .projects(let filter, let order, let limit, let unit):
            lines.append(pad + "projects"); condition(filter)
            if let order { field("order", describe(order.field) + (order.descending ? " desc" : " asc")) }
            count("limit", limit); name("unit", unit)
        case .indicators(let project, let filter, let unit):
            lines.append(pad + "indicators"); name("project", project); condition(filter); name("unit", unit)
        case .codes(let prefix, let like):
            lines.append(pad + "codes")
            if let prefix { field("prefix", describe(prefix)) }
            name("like", like)
        case .units: lines.append(pad + "units")
        case .years: lines.append(pad + "years")
        case .subjects: lines.append(pad + "subjects")
        case .find(let text, let unit):
            lines.append(pad + "find"); name("text", text); name("unit", unit)
        case .source(let target, let y, let unit, let filter):
            lines.append(pad + "source"); if let target { field("target", describe(target)) }
            year("year", y); name("unit", unit); condition(filter)
        case .check(let filter, let unit):
            lines.append(pad + "check"); condition(filter); name("unit", unit)
        case .sideBySide(let wrapped, let units, let span):
            lines.append(pad + "side by side [\(span)]")
            for unit in units { name("unit", unit) }
            append(wrapped, indent: inner, to: &lines)
        case .explain(let explained, let span):
            lines.append(pad + "explain [\(span)]")
            append(explained, indent: inner, to: &lines)
        case .sql(let text, let span):
            lines.append(pad + "sql \(quoted(text)) [\(span)]")
        case .useUnit(let unit):
            lines.append(pad + "use"); name("unit", unit)
        case .useYear(let y):
            lines.append(pad + "use"); year("year", y)
        case .useAll(let span):
            lines.append(pad + "use all [\(span)]")
        }
    }

    private static func append(_ condition: Condition, indent: Int, to lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        switch condition {
        case .comparison(let op, let lhs, let rhs, let span):
            lines.append("\(pad)comparison \(op.rawValue) [\(span)]")
            append(lhs, indent: indent + 1, to: &lines)
            append(rhs, indent: indent + 1, to: &lines)
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            if case .and = condition { lines.append(pad + "and") } else { lines.append(pad + "or") }
            append(lhs, indent: indent + 1, to: &lines)
            append(rhs, indent: indent + 1, to: &lines)
        case .not(let inner, let span):
            lines.append("\(pad)not [\(span)]")
            append(inner, indent: indent + 1, to: &lines)
        }
    }

    private static func append(_ expression: ValueExpression, indent: Int, to lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        switch expression {
        case .field(let name):
            lines.append("\(pad)field \(describe(name))")
        case .number(let text, let suffix, let span):
            lines.append("\(pad)number \(text)\(suffix.map { " " + $0 } ?? "") [\(span)]")
        case .string(let text, let span):
            lines.append("\(pad)string \(quoted(text)) [\(span)]")
        case .negate(let inner, let span):
            lines.append("\(pad)negate [\(span)]")
            append(inner, indent: indent + 1, to: &lines)
        case .binary(let op, let lhs, let rhs):
            lines.append("\(pad)\(op.rawValue)")
            append(lhs, indent: indent + 1, to: &lines)
            append(rhs, indent: indent + 1, to: &lines)
        }
    }

    private static func describe(_ name: Name) -> String {
        (name.quoted ? quoted(name.text) : name.text) + " [\(name.span)]"
    }

    private static func describe(_ target: Target) -> String {
        switch target {
        case .code(let digits, let span): return "code \(digits) [\(span)]"
        case .subject(let name): return "subject " + describe(name)
        }
    }

    private static func kindName(_ kind: Token.Kind) -> String {
        switch kind {
        case .word: return "word"
        case .number: return "number"
        case .dottedCode: return "code"
        case .string: return "string"
        case .symbol: return "symbol"
        case .end: return "end"
        }
    }

    /// Text in double quotes with `"`, `\` and control characters escaped.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.properties.generalCategory == .control {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
