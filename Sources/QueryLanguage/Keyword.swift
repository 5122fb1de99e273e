/// A reserved word of the query language, matched case-insensitively (ASCII only).
enum Keyword: String, CaseIterable, Sendable {
    // Verbs.
    case summary, compare, breakdown, trend, execution, top, projects, indicators, codes
    case units, years, subjects, find, source, check, explain, sql, use
    // Clause and argument words.
    case by, `where`, order, asc, desc, limit, of, like, all, `for`, `in`
    case depth, basic, project, fund, from, to, and, or, not, with

    /// The verbs, in the order they are listed to users.
    static let verbs: [Keyword] = [
        .summary, .compare, .breakdown, .trend, .execution, .top, .projects, .indicators, .codes,
        .units, .years, .subjects, .find, .source, .check, .explain, .sql, .use,
    ]

    /// The keyword a word token spells, if any.
    init?(_ token: Token) {
        guard token.kind == .word, token.text.count <= 10 else { return nil }
        self.init(rawValue: Keyword.asciiLowercased(token.text))
    }

    /// True when this keyword starts a statement.
    var isVerb: Bool { Keyword.verbs.contains(self) }

    /// Lowercases ASCII letters only, leaving every other character as it is.
    static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }))
    }
}
