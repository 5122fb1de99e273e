/// A decimal number as printed: an integer of digits and a count of decimal places.
/// "889.16" is (88916, 2). Thousands separators (, and ，) are accepted between digits.
public struct ExactDecimal: Hashable, Sendable {
    public var digits: Int64
    public var decimals: Int

    public init(digits: Int64, decimals: Int) {
        self.digits = digits
        self.decimals = decimals
    }

    /// Parses an optional sign, digits, and an optional fraction. Nil on anything else
    /// or on overflow.
    public init?(parsing text: String) {
        // Printed figures are almost always ASCII: read those as bytes, by the same rules.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var text = text
            guard let (digits, decimals) = text.withUTF8(Self.parseASCII) else { return nil }
            self.digits = digits
            self.decimals = decimals
            return
        }
        var scalars = Substring(text)
        var negative = false
        if let first = scalars.first, first == "-" || first == "−" || first == "+" {
            negative = first != "+"
            scalars = scalars.dropFirst()
        }
        var digits: Int64 = 0
        var decimals = 0
        var seenPoint = false
        var seenDigit = false
        for character in scalars {
            if let value = character.wholeNumberValue, character.isASCII {
                let (times, o1) = digits.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int64(value))
                if o1 || o2 { return nil }
                digits = sum
                seenDigit = true
                if seenPoint { decimals += 1 }
            } else if character == "." && !seenPoint && seenDigit {
                seenPoint = true
            } else if (character == "," || character == "，") && seenDigit && !seenPoint {
                continue
            } else {
                return nil
            }
        }
        guard seenDigit, !(seenPoint && decimals == 0) else { return nil }
        self.digits = negative ? -digits : digits
        self.decimals = decimals
    }

    /// `init(parsing:)` on ASCII bytes (an optional sign, digits with commas before the point,
    /// an optional fraction): digits and decimals, or nil.
    public static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (digits: Int64, decimals: Int)? {
        var index = 0, negative = false
        if let first = bytes.first, first == 0x2D || first == 0x2B {
            negative = first == 0x2D
            index = 1
        }
        var digits: Int64 = 0, decimals = 0, seenPoint = false, seenDigit = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte >= 0x30 && byte <= 0x39 {
                let (times, o1) = digits.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int64(byte - 0x30))
                if o1 || o2 { return nil }
                digits = sum
                seenDigit = true
                if seenPoint { decimals += 1 }
            } else if byte == 0x2E && !seenPoint && seenDigit {
                seenPoint = true
            } else if byte == 0x2C && seenDigit && !seenPoint {
                continue
            } else {
                return nil
            }
        }
        guard seenDigit, !(seenPoint && decimals == 0) else { return nil }
        return (negative ? -digits : digits, decimals)
    }

    /// The value multiplied by `factor` (a power of ten such as 分 per unit), exactly;
    /// nil when the result is not a whole number or overflows.
    public func scaled(by factor: Int64) -> Int64? {
        guard let power = Self.powerOfTen(decimals), factor > 0 else { return nil }
        if factor % power == 0 {
            let (product, overflow) = digits.multipliedReportingOverflow(by: factor / power)
            return overflow ? nil : product
        }
        let divisor = power / factor
        guard power % factor == 0, digits % divisor == 0 else { return nil }
        return digits / divisor
    }

    /// 10^exponent, or nil when it does not fit in Int64.
    public static func powerOfTen(_ exponent: Int) -> Int64? {
        guard exponent >= 0 else { return nil }
        var result: Int64 = 1
        for _ in 0..<exponent {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = next
        }
        return result
    }
}
