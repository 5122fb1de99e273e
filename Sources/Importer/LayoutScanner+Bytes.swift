/// Table lines split over their UTF-8 bytes where that is exactly the split over characters.
extension LayoutScanner {
    /// `tokens` read over the UTF-8 bytes, for a line whose every scalar is a character by itself
    /// (`CharacterKey.standsAlone`: x then counts scalars, which are its characters); nil for
    /// any other line.
    static func scalarTokens(_ text: String, line: Int) -> [LayoutToken]? {
        var text = text
        return text.withUTF8 { bytes -> [LayoutToken]? in
            var result: [LayoutToken] = []
            result.reserveCapacity(16)
            var index = 0, x = 0
            // The token being read: its first byte (-1: none), x, scalars, leading ASCII digits,
            // the byte after them, and whether the scalar there is not ASCII.
            var start = -1, startX = 0, count = 0, digits = 0, digitsEnd = 0
            var inDigits = false, nonASCIIAfterDigits = false
            func piece(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            }
            func flush(_ end: Int) {
                guard start >= 0 else { return }
                if inDigits { digitsEnd = end }
                if digits == 3 || digits == 5 || digits == 7, digits < count, nonASCIIAfterDigits {
                    result.append(LayoutToken(text: piece(start, digitsEnd), line: line, x: startX))
                    result.append(LayoutToken(text: piece(digitsEnd, end), line: line, x: startX + digits))
                } else {
                    result.append(LayoutToken(text: piece(start, end), line: line, x: startX))
                }
                start = -1
            }
            while index < bytes.count {
                let (value, length) = CharacterKey.scalar(in: bytes, at: index)
                guard CharacterKey.standsAlone(value) else { return nil }
                if value == 0x20 || value == 0x3000 || value == 0x09 {
                    flush(index)
                } else {
                    if start < 0 {
                        start = index; startX = x; count = 0; digits = 0; inDigits = true; nonASCIIAfterDigits = false
                    }
                    if inDigits {
                        if value >= 0x30 && value <= 0x39 {
                            digits += 1
                        } else {
                            inDigits = false
                            digitsEnd = index
                            nonASCIIAfterDigits = value >= 0x80
                        }
                    }
                    count += 1
                }
                x += 1
                index += length
            }
            flush(bytes.count)
            return result
        }
    }
}
