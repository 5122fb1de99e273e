#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    ///
    /// Candidates are found with `memchr` on one byte of the pattern, its anchor: the last
    /// byte that continues a scalar (10xxxxxx; in Chinese text far rarer than a lead byte),
    /// else its first byte. Candidates come in order, so the first that matches is the first
    /// occurrence.
    public static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard !pattern.isEmpty else { return start }
        guard bytes.count >= pattern.count, start >= 0, start <= bytes.count - pattern.count else { return nil }
        let length = pattern.count
        var anchor = length - 1
        while anchor > 0 && pattern[anchor] & 0xC0 != 0x80 { anchor -= 1 }
        let anchorByte = Int32(pattern[anchor])
        let text = bytes.baseAddress!, wanted = pattern.baseAddress!
        // Where the anchor of the first and of the last possible occurrence stands.
        var position = start + anchor
        let lastPosition = bytes.count - length + anchor
        while position <= lastPosition {
            guard let hit = memchr(text + position, anchorByte, lastPosition - position + 1) else { return nil }
            let found = UnsafeRawPointer(hit) - UnsafeRawPointer(text)
            let candidate = found - anchor
            if memcmp(text + candidate, wanted, length) == 0 { return candidate }
            position = found + 1
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
        var text = self
        return text.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, memchr(base, 0x20, bytes.count) != nil else { return self }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = 0
                for byte in bytes where byte != 0x20 {
                    buffer[count] = byte
                    count += 1
                }
                return count
            }
        }
    }
}
