/// Plain UTF-8 byte searches: much cheaper than Foundation's `contains` and `range(of:)`, which
/// go through NSString, for the readers' line-by-line checks and the audit's text rules. A
/// match is the same bytes (no Unicode equivalence); UTF-8 never finds a character inside
/// another's bytes.
public enum TextSearch {
    /// Whether `needle` occurs in `text`.
    public static func contains(_ text: String, _ needle: String) -> Bool {
        find(text, needle) != nil
    }

    /// Whether any of `needles` occurs in `text`.
    public static func containsAny(_ text: String, _ needles: [String]) -> Bool {
        needles.contains { find(text, $0) != nil }
    }

    /// The byte offset of the first occurrence of `needle` in `text` at or after byte `start`, or nil.
    public static func find(_ text: String, _ needle: String, from start: Int = 0) -> Int? {
        var text = text, needle = needle
        return text.withUTF8 { bytes in needle.withUTF8 { find(bytes, $0, from: start) } }
    }

    /// The offset of the first occurrence of `pattern` in `bytes` at or after `start`, or nil.
    public static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = pattern.first else { return start }
        guard bytes.count >= pattern.count, start >= 0, start <= bytes.count - pattern.count else { return nil }
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

extension String {
    /// Whether `needle`'s UTF-8 occurs in this string's UTF-8 (`TextSearch.contains`).
    public func containsBytes(_ needle: String) -> Bool {
        TextSearch.contains(self, needle)
    }

    /// The string without its ASCII spaces (tables and headings are often spaced out in PDF text).
    public var withoutSpaces: String {
        utf8.contains(0x20) ? String(decoding: utf8.filter { $0 != 0x20 }, as: UTF8.self) : self
    }
}
