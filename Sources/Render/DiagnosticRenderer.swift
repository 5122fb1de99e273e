/// Draws a diagnostic for a terminal: the location, the source line, carets under the span
/// (placed by display width, so they sit under Chinese characters), and the hints:
///
///     <command-line>:1:9: error[Q201]: 未知的主题「三工」
///       compare 三工 2022 2023
///               ^^^^
///       提示：您是否想输入「三公」？
///
/// COL is the span's first character counted from 1 (1 without a span). Without a span
/// there is no source or caret line. Tabs and other control characters in the source line
/// are drawn as one space so the carets stay aligned. A span past the end of the line puts
/// one caret just after its last character.
///
/// Whatever is typed, the drawing stays a few lines: a source line wider than
/// `maximumSourceWidth` is drawn as an excerpt around the span's start, cut with "…" at
/// either end (carets up to the excerpt's end), and text quoted 「…」 in the message or a
/// hint that is longer than `maximumQuotedLength` characters is cut with "…".
import Core

public enum DiagnosticRenderer {
    /// The widest source line drawn whole, in display columns.
    public static let maximumSourceWidth = 120
    /// Characters of the line kept before the span's start in an excerpt.
    static let excerptLead = 30
    /// The longest quoted text shown whole in a message or hint, in characters.
    public static let maximumQuotedLength = 40

    /// The diagnostic as text, every line ending in "\n".
    public static func render(_ diagnostic: Diagnostic, file: String, line: Int, lineText: String) -> String {
        let column = (diagnostic.span?.start ?? 0) + 1
        var text = "\(file):\(line):\(column): \(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(shortenQuotes(diagnostic.message))\n"
        if let span = diagnostic.span {
            let (source, carets) = sourceAndCarets(Array(visible(lineText)), span: span)
            text += "  " + source + "\n"
            text += "  " + carets + "\n"
        }
        for hint in diagnostic.hints {
            text += "  提示：" + shortenQuotes(hint) + "\n"
        }
        return text
    }

    /// The source line (or an excerpt of it) and the caret line under the span.
    private static func sourceAndCarets(_ source: [Character], span: SourceSpan) -> (String, String) {
        let start = min(max(span.start, 0), source.count)
        let end = min(max(span.end, start), source.count)
        let past = max(0, span.start - source.count)
        if DisplayWidth.of(String(source)) <= maximumSourceWidth {
            let before = DisplayWidth.of(String(source[..<start])) + past
            let spanned = max(1, DisplayWidth.of(String(source[start..<end])))
            return (String(source), String(repeating: " ", count: before) + String(repeating: "^", count: spanned))
        }
        // An excerpt: up to `excerptLead` characters before the span, then what fits.
        let first = max(0, start - excerptLead)
        var excerpt = first > 0 ? "…" : ""
        var used = DisplayWidth.of(excerpt)
        var before = used, spanned = 0
        var index = first
        while index < source.count {
            let width = DisplayWidth.of(source[index])
            if used + width > maximumSourceWidth - 1 { break }
            excerpt.append(source[index])
            if index < start { before += width } else if index < end { spanned += width }
            used += width
            index += 1
        }
        if index < source.count { excerpt += "…" }
        if start == source.count { before += past }
        return (excerpt, String(repeating: " ", count: before) + String(repeating: "^", count: max(1, spanned)))
    }

    /// `text` with every 「…」 quotation longer than `maximumQuotedLength` characters cut to
    /// that length with "…".
    static func shortenQuotes(_ text: String) -> String {
        guard text.count > maximumQuotedLength else { return text }
        var result = ""
        var quoted = 0
        var inQuote = false
        for character in text {
            if inQuote, character == "」" {
                inQuote = false
            } else if inQuote {
                quoted += 1
                if quoted == maximumQuotedLength + 1 { result += "…" }
                if quoted > maximumQuotedLength { continue }
            } else if character == "「" {
                inQuote = true
                quoted = 0
            }
            result.append(character)
        }
        return result
    }

    /// The source line without its line break, each control character (tab included)
    /// replaced by one space so that character counts and display widths agree.
    static func visible(_ lineText: String) -> String {
        var line = Substring(lineText)
        while let last = line.last, last.isNewline { line = line.dropLast() }
        var result = ""
        for character in line {
            let isControl = character.unicodeScalars.allSatisfy { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
            result.append(isControl ? " " : character)
        }
        return result
    }
}
