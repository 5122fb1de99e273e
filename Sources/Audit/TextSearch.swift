/// Byte-level searches over UTF-8 text for the text rules (Foundation's `contains` goes
/// through NSString and is far slower in the rules' loops).
enum TextSearch {
    /// Whether `needle` occurs in `text`.
    static func contains(_ text: String, _ needle: String) -> Bool {
        find(text, needle) != nil
    }

    /// Whether any of `needles` occurs in `text`.
    static func containsAny(_ text: String, _ needles: [String]) -> Bool {
        needles.contains { find(text, $0) != nil }
    }

    /// The byte offset of the first occurrence of `needle` in `text`, or nil.
    static func find(_ text: String, _ needle: String, from start: Int = 0) -> Int? {
        var text = text, needle = needle
        return text.withUTF8 { bytes in
            needle.withUTF8 { pattern -> Int? in
                guard let first = pattern.first else { return start }
                guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
                var index = start
                while index <= bytes.count - pattern.count {
                    if bytes[index] == first {
                        var offset = 1
                        while offset < pattern.count && bytes[index + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }
}
