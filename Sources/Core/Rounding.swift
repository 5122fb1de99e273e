/// Integer arithmetic for rates: percentages computed exactly from integers and rounded
/// half away from zero (四舍五入), never through floating point.
public enum Rounding {
    /// numerator / denominator × 100, rounded half away from zero to `decimals` places,
    /// returned scaled by 10^decimals (84.69% at 2 decimals is 8469). Nil for a zero
    /// denominator: a rate on a zero base is undefined.
    public static func percent(_ numerator: Int64, of denominator: Int64, decimals: Int) -> Int64? {
        guard denominator != 0, let power = ExactDecimal.powerOfTen(decimals + 2) else { return nil }
        return divideRoundingHalfAwayFromZero(numerator.multipliedFullWidth(by: power), by: denominator)
    }

    /// Rounds (high, low) / divisor half away from zero. The product of two Int64 values
    /// is kept at full width so that no intermediate overflows; nil when the result does.
    static func divideRoundingHalfAwayFromZero(_ product: (high: Int64, low: UInt64), by divisor: Int64) -> Int64? {
        let negative = (product.high < 0) != (divisor < 0) && (product.high != 0 || product.low != 0)
        let magnitude = fullWidthMagnitude(product)
        let divisorMagnitude = divisor.magnitude
        guard magnitude.high < divisorMagnitude else { return nil }
        let (quotient, remainder) = divisorMagnitude.dividingFullWidth(magnitude)
        let rounded = remainder >= divisorMagnitude - remainder ? quotient + 1 : quotient
        guard rounded <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(rounded) : Int64(rounded)
    }

    private static func fullWidthMagnitude(_ value: (high: Int64, low: UInt64)) -> (high: UInt64, low: UInt64) {
        if value.high >= 0 { return (UInt64(value.high), value.low) }
        let low = ~value.low &+ 1
        let high = ~UInt64(bitPattern: value.high) &+ (low == 0 ? 1 : 0)
        return (high, low)
    }
}
