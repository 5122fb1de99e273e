import Core

/// A lexical token with the span of input it came from.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A run of letters, CJK characters, digits mixed with letters, or other word
        /// characters: keywords, names, subjects, units (`compare`, `三公`, `因公出国（境）费`).
        case word
        /// A number, possibly with a unit suffix: `2023`, `0.9`, `4万`, `40000元`, `90%`, `2023年`.
        /// `text` is the digits as written (no suffix); `suffix` holds the suffix.
        case number
        /// A dotted classification code `201.31.01`; `text` is the digits without dots.
        case dottedCode
        /// A quoted string ('…', "…", “…”, ‘…’, 「…」); `text` is the content, unescaped.
        case string
        /// An operator or punctuation: < <= > >= = != ~ ( ) , + - * / ; (fullwidth forms
        /// ＜ ＞ ＝ ≤ ≥ ≠ （ ） ， ； are normalized to their ASCII spelling in `text`).
        case symbol
        /// End of the statement.
        case end
    }

    public var kind: Kind
    public var text: String
    /// For numbers: 万, 万元, 元, 亿, 亿元, %, 年 (％ normalized to %); nil when none.
    public var suffix: String?
    public var span: SourceSpan

    public init(kind: Kind, text: String, suffix: String? = nil, span: SourceSpan) {
        self.kind = kind
        self.text = text
        self.suffix = suffix
        self.span = span
    }
}
