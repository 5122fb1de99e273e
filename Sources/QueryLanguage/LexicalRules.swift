/// Character classes shared by the statement splitter and the lexer.
enum LexicalRules {
    /// Space, tab, U+3000, any other Unicode whitespace (line breaks included), BOM and ZWSP.
    static func isWhitespace(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\u{3000}" || c == "\u{FEFF}" || c == "\u{200B}" || c.isWhitespace
    }

    /// The closing quote for an opening quote character, or nil when `c` opens no string.
    static func closingQuote(for c: Character) -> Character? {
        switch c {
        case "'": return "'"
        case "\"": return "\""
        case "\u{201C}": return "\u{201D}"  // “ ”
        case "\u{2018}": return "\u{2019}"  // ‘ ’
        case "\u{300C}": return "\u{300D}"  // 「 」
        default: return nil
        }
    }

    /// True for quotes where a doubled closing quote inside the string stands for itself.
    static func allowsDoubledQuote(_ closer: Character) -> Bool {
        closer == "'" || closer == "\""
    }

    /// True when a comment (`#`, or `--`) starts at `index`.
    static func startsComment(_ chars: [Character], at index: Int, end: Int) -> Bool {
        guard index < end, index >= 0, index < chars.count else { return false }
        if chars[index] == "#" { return true }
        return chars[index] == "-" && index + 1 < end && index + 1 < chars.count && chars[index + 1] == "-"
    }

    /// True for `;` and its fullwidth form `；`, which separate statements.
    static func isStatementSeparator(_ c: Character) -> Bool {
        c == ";" || c == "\u{FF1B}"
    }

    /// The ASCII spelling of a one-character symbol (fullwidth forms and ≤ ≥ ≠ normalized),
    /// or nil when `c` is not a symbol. `!` maps to itself; the lexer requires `=` after it.
    static func symbol(_ c: Character) -> String? {
        switch c {
        case "<", ">", "=", "!", "~", "(", ")", ",", "+", "-", "*", "/", ";": return String(c)
        case "\u{FF1C}": return "<"   // ＜
        case "\u{FF1E}": return ">"   // ＞
        case "\u{FF1D}": return "="   // ＝
        case "\u{FF5E}": return "~"   // ～
        case "\u{FF0C}": return ","   // ，
        case "\u{FF1B}": return ";"   // ；
        case "\u{2264}": return "<="  // ≤
        case "\u{2265}": return ">="  // ≥
        case "\u{2260}": return "!="  // ≠
        default: return nil
        }
    }

    /// True for C0/C1 control characters that are not whitespace.
    static func isControl(_ c: Character) -> Bool {
        !isWhitespace(c) && c.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// True for characters that may belong to a word, number or code run.
    static func isWordCharacter(_ c: Character) -> Bool {
        !isWhitespace(c) && symbol(c) == nil && closingQuote(for: c) == nil && c != "#" && !isControl(c)
    }

    /// An ASCII digit, with fullwidth ０-９ mapped to ASCII; nil for anything else.
    static func asciiDigit(_ c: Character) -> Character? {
        guard c.unicodeScalars.count == 1, let scalar = c.unicodeScalars.first else { return nil }
        switch scalar.value {
        case 0x30...0x39: return c
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? "0")
        default: return nil
        }
    }
}
