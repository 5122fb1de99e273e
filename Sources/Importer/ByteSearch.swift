/// Plain UTF-8 byte searches: much cheaper than Foundation's `contains`, which goes through
/// NSString, for the line-by-line checks of the readers.
extension String {
    /// Whether `needle`'s UTF-8 occurs in this string's UTF-8.
    func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { containsBytes($0) }
    }

    /// Whether `needle` occurs in this string's UTF-8.
    func containsBytes(_ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var index = 0
            while index <= bytes.count - needle.count {
                if bytes[index] == first {
                    var offset = 1
                    while offset < needle.count && bytes[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// The string without its ASCII spaces (tables and headings are often spaced out in PDF text).
    var withoutSpaces: String {
        utf8.contains(0x20) ? String(decoding: utf8.filter { $0 != 0x20 }, as: UTF8.self) : self
    }
}
