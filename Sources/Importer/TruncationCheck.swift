/// Finds a document cut short: its template ends with a known part (`第N部分`), and the
/// body (after a table of contents, when there is one) must reach it.
enum TruncationCheck {
    private static let numerals: [Character: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    ]

    /// Throws `ImportError.truncated` when the last part the template prints is missing.
    static func check(_ text: SourceText, lastPart: Int) throws {
        var occurrences: [(line: Int, part: Int)] = []
        for (index, line) in text.lines.enumerated() {
            if let part = partNumber(line) { occurrences.append((index, part)) }
        }
        // A table of contents lists every part before the body does: the body starts at the
        // last `第一部分`.
        let bodyStart = occurrences.last { $0.part == 1 }?.line ?? 0
        let reached = occurrences.filter { $0.line >= bodyStart }.map(\.part).max() ?? 0
        guard reached < lastPart else { return }
        let missing = ((reached + 1)...lastPart).map { "第\(chinese($0))部分" }.joined(separator: "、")
        let lastLine = text.lines.lastIndex { !$0.allSatisfy(\.isWhitespace) } ?? 0
        throw ImportError.truncated(file: text.sourceFile, line: lastLine + 1, missing: missing)
    }

    /// N of a line starting (after blanks) with `第N部分`, N a Chinese numeral up to 十.
    static func partNumber(_ line: String) -> Int? {
        // Most lines, blanks aside, start with a character other than 第 (no other equals it):
        // told from the first scalar after ASCII spaces and tabs when it stands alone and is no
        // whitespace (then it begins the first character the trimming keeps).
        var bytes = line
        let opens: Bool? = bytes.withUTF8 { bytes in
            var i = 0
            while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            if i == bytes.count { return false }
            let value = CharacterKey.scalar(in: bytes, at: i).value
            if value == 0x7B2C { return true }
            return CharacterKey.standsAlone(value) && value != 0x3000 ? false : nil
        }
        if opens == false { return nil }
        if let (start, end) = line.asciiBlanksTrimmed(), start == end || line.unicodeScalars[start] != "第" { return nil }
        let trimmed = line.drop { $0.isWhitespace || $0 == "\u{3000}" }
        guard trimmed.first == "第" else { return nil }
        let digits = trimmed.dropFirst().prefix { numerals[$0] != nil }
        guard !digits.isEmpty, trimmed.dropFirst(1 + digits.count).hasPrefix("部分") else { return nil }
        if digits == "十" { return 10 }
        return digits.count == 1 ? numerals[digits.first!] : nil
    }

    private static func chinese(_ number: Int) -> String {
        number == 10 ? "十" : String(numerals.first { $0.value == number }?.key ?? "?")
    }
}

extension TemplateReader {
    /// The number of the template's last part (`第N部分`), when it has numbered parts.
    public static var lastPart: Int? { nil }
}
