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
import Core

public enum DiagnosticRenderer {
    /// The diagnostic as text, every line ending in "\n".
    public static func render(_ diagnostic: Diagnostic, file: String, line: Int, lineText: String) -> String {
        let column = (diagnostic.span?.start ?? 0) + 1
        var text = "\(file):\(line):\(column): \(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)\n"
        if let span = diagnostic.span {
            let source = Array(visible(lineText))
            let start = min(max(span.start, 0), source.count)
            let end = min(max(span.end, start), source.count)
            let before = DisplayWidth.of(String(source[..<start])) + max(0, span.start - source.count)
            let spanned = max(1, DisplayWidth.of(String(source[start..<end])))
            text += "  " + String(source) + "\n"
            text += "  " + String(repeating: " ", count: before) + String(repeating: "^", count: spanned) + "\n"
        }
        for hint in diagnostic.hints {
            text += "  提示：" + hint + "\n"
        }
        return text
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
