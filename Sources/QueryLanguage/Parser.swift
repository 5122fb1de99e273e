// The query language (SPEC §6), parsed by hand-written recursive descent.
//
//   line       := statement (';' statement)*          -- `;`/`；` outside quotes and comments;
//                                                     -- see StatementAccumulator for lines that continue
//   statement  := summary | compare | breakdown | trend | top | projects | indicators
//               | codes | 'units' | 'years' | 'subjects' | find | source | check
//               | explain | sql | use
//   summary    := 'summary' { YEAR | units | byunit | where }
//   compare    := 'compare' TARGET YEAR YEAR { units | byunit | where }
//   breakdown  := 'breakdown' TARGET { 'by' ('类' | '款' | '项') | byunit | 'in' YEAR | 'depth' N
//                                    | 'basic' | 'project' | 'fund' NAME | units | where }
//   trend      := 'trend' TARGET { 'from' YEAR | 'to' YEAR | units | byunit | where }
//                                                     -- from and to together
//   top        := 'top' N 'units' 'by' TARGET { 'in' YEAR | where }
//   projects   := 'projects' { 'where' COND | 'order' 'by' FIELD ['asc' | 'desc']
//                             | 'limit' N | for }
//   indicators := 'indicators' { 'of' PROJECT | 'where' COND | for }
//   codes      := 'codes' [ TARGET | 'like' TEXT ]
//   find       := 'find' TEXT { for }
//   source     := 'source' [TARGET] { YEAR | for | where }   -- without TARGET, where is required;
//                                                     -- 'where derived' means 'where derived = 1'
//   check      := 'check' { 'where' COND | for }
//   explain    := 'explain' statement                  -- not explain itself
//   sql        := 'sql' REST                           -- the rest of the text, verbatim
//   use        := 'use' ( YEAR | 'all' | UNIT )
//   for        := 'for' UNIT
//   units      := 'for' UNIT (',' UNIT)*             -- two or more: units side by side
//   byunit     := 'by' ('unit' | '单位')               -- every unit in scope side by side
//   where      := 'where' COND                        -- over the result's visible columns
//
//   { … }      clauses, in any order, each at most once (a repeat is Q108); 'basic' and
//              'project' are one clause
//   TARGET     := CODE | SUBJECT
//   CODE       := d | ddd | ddddd | ddddddd | ddd dd [dd] | ddd.dd.dd   -- 4 digits is a year;
//                                                     -- one digit is a whole classification
//   SUBJECT, UNIT, PROJECT, TEXT, FIELD, NAME
//              := STRING | WORD+   -- words joined by one space, up to a clause keyword of
//                                  -- the statement; the first word is always taken.
//                                  -- PROJECT and TEXT may include numbers.
//   YEAR       := NUMBER of 4 digits in 1900…2100, no suffix or 年
//   N          := positive integer NUMBER without suffix
//
//   COND       := and ('or' and)*
//   and        := not ('and' not)*
//   not        := 'not' not | comparison
//   comparison := expr OP expr                        -- OP: < <= > >= = != ~
//   expr       := term (('+' | '-') term)*
//   term       := unary (('*' | '/') unary)*
//   unary      := '-' unary | primary
//   primary    := NUMBER | STRING | FIELD (one word) | '(' COND-or-expr ')'
//
// A parenthesized group holds a condition or a value: it is parsed as COND whose innermost
// level may be a bare value, and whoever uses the group decides which it must be. Keywords
// are ASCII and case-insensitive. Nesting of (), not and unary minus is limited (Q110).

import Core

/// Parses input lines into statements (splitting, lexing and parsing) and dumps them.
public enum Parser {
    /// Parses every statement of `line`: one result per non-empty statement, in order.
    /// Each failure holds the first error of its statement.
    public static func parse(line: String) -> [Result<ParsedStatement, Diagnostic>] {
        let chars = Array(line)
        return StatementSplitter.ranges(in: chars).map { parse(chars, range: $0) }
    }

    /// The tokens of every statement of `line`, each statement's ending with `.end` (for `.tokens`).
    public static func tokens(line: String) -> [Token] {
        let chars = Array(line)
        return StatementSplitter.ranges(in: chars).flatMap { Lexer.tokenize(chars, range: $0).tokens }
    }

    /// An indented, deterministic tree of `statement` (for `.ast`).
    public static func dump(_ statement: Statement) -> String {
        ASTDump.render(statement)
    }

    /// One line per token: kind, text, suffix and span (for `.tokens`).
    public static func dump(tokens: [Token]) -> String {
        ASTDump.render(tokens: tokens)
    }

    /// Parses the statement in `chars[range]`. A lexer error wins unless the parser failed
    /// earlier in the text; lexer errors inside the raw text of `sql` are ignored.
    static func parse(_ chars: [Character], range: Range<Int>) -> Result<ParsedStatement, Diagnostic> {
        let lexed = Lexer.tokenize(chars, range: range)
        var parser = StatementParser(tokens: lexed.tokens, chars: chars, contentEnd: lexed.contentEnd)
        let outcome: Result<ParsedStatement, SyntaxError>
        do {
            outcome = .success(try parser.parse())
        } catch {
            outcome = .failure(error)
        }
        let sqlStart = parser.sqlStart ?? Int.max
        let lexerError = lexed.diagnostics.first { ($0.span?.start ?? 0) < sqlStart }
        if let lexerError {
            if case .failure(let error) = outcome, error.span.start < (lexerError.span?.start ?? 0) {
                return .failure(error.diagnostic)
            }
            return .failure(lexerError)
        }
        return outcome.mapError(\.diagnostic)
    }
}
