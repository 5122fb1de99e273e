/// Character classes shared by the statement splitter and the lexer.
enum LexicalRules {
    /// Space, tab, U+3000, any other Unicode whitespace (line breaks included), BOM and ZWSP.
    static func isWhitespace(_ c: Character) -> Bool {
        if let value = singleScalar(c) {
            switch value {
            case 0x20, 0x09, 0x3000, 0xFEFF, 0x200B: return true
            case 0x21..<0x7F: return false
            default: return Unicode.Scalar(value)?.properties.isWhitespace ?? false
            }
        }
        return c == "\u{FEFF}" || c == "\u{200B}" || c.isWhitespace
    }

    /// The value of a character made of one scalar (almost every character typed), or nil.
    /// Classifying by scalar value keeps the lexer's cost per character small: comparing
    /// `Character`s compares strings.
    @inline(__always)
    static func singleScalar(_ c: Character) -> UInt32? {
        let scalars = c.unicodeScalars
        let first = scalars.startIndex
        return scalars.index(after: first) == scalars.endIndex ? scalars[first].value : nil
    }

    /// The closing quote for an opening quote character, or nil when `c` opens no string.
    static func closingQuote(for c: Character) -> Character? {
        guard let value = singleScalar(c) else { return nil }
        switch value {
        case 0x27: return "'"
        case 0x22: return "\""
        case 0x201C: return "\u{201D}"  // “ ”
        case 0x2018: return "\u{2019}"  // ‘ ’
        case 0x300C: return "\u{300D}"  // 「 」
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
        let value = singleScalar(chars[index])
        if value == 0x23 { return true }
        return value == 0x2D && index + 1 < end && index + 1 < chars.count && singleScalar(chars[index + 1]) == 0x2D
    }

    /// True for `;` and its fullwidth form `；`, which separate statements.
    static func isStatementSeparator(_ c: Character) -> Bool {
        c == ";" || c == "\u{FF1B}"
    }

    /// The ASCII spelling of a one-character symbol (fullwidth forms and ≤ ≥ ≠ normalized),
    /// or nil when `c` is not a symbol. `!` maps to itself; the lexer requires `=` after it.
    static func symbol(_ c: Character) -> String? {
        guard let value = singleScalar(c) else { return nil }
        switch value {
        case 0x3C: return "<"
        case 0x3E: return ">"
        case 0x3D: return "="
        case 0x21: return "!"
        case 0x7E: return "~"
        case 0x28: return "("
        case 0x29: return ")"
        case 0x2C: return ","
        case 0x2B: return "+"
        case 0x2D: return "-"
        case 0x2A: return "*"
        case 0x2F: return "/"
        case 0x3B: return ";"
        case 0xFF1C: return "<"   // ＜
        case 0xFF1E: return ">"   // ＞
        case 0xFF1D: return "="   // ＝
        case 0xFF5E: return "~"   // ～
        case 0xFF0C: return ","   // ，
        case 0xFF1B: return ";"   // ；
        case 0x2264: return "<="  // ≤
        case 0x2265: return ">="  // ≥
        case 0x2260: return "!="  // ≠
        default: return nil
        }
    }

    /// True for C0/C1 control characters that are not whitespace.
    static func isControl(_ c: Character) -> Bool {
        if let value = singleScalar(c) {
            return (value < 0x20 || (0x7F...0x9F).contains(value)) && !isWhitespace(c)
        }
        return !isWhitespace(c) && c.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// True for characters that may belong to a word, number or code run.
    static func isWordCharacter(_ c: Character) -> Bool {
        !isWhitespace(c) && symbol(c) == nil && closingQuote(for: c) == nil && singleScalar(c) != 0x23 && !isControl(c)
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
