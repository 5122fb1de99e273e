import Core

/// Turns cells into text for people (table, box, markdown) by column kind; machine formats
/// spell the same values without signs, "%" or "—" (`MachineRowEncoder`).
///
/// | kind             | human              | machine        | null: human / machine |
/// |------------------|--------------------|----------------|-----------------------|
/// | money            | 12.52, −0.30       | 12.52, -0.30   | blank / empty, null   |
/// | moneyChange      | +5.63, −2.48, 0.00 | 5.63, -2.48    | — / empty, null       |
/// | percent(2)       | 81.71%             | 81.71          | blank / empty, null   |
/// | percentChange(2) | +81.71%, −2.10%    | 81.71, -2.10   | — / empty, null       |
/// | integer          | 2023               | 2023           | blank / empty, null   |
/// | points           | 10, 7.5            | 10, 7.5        | blank / empty, null   |
///
/// Money has at least two decimals and as many more as exactness needs in the unit.
public struct CellFormatter: Sendable {
    public var unit: MoneyUnit

    public init(unit: MoneyUnit) {
        self.unit = unit
    }

    /// A cell for people: signed changes with "+" and U+2212 "−", percentages with "%",
    /// "—" for an unknown change, control characters in text replaced by spaces.
    public func human(_ cell: Cell, kind: ColumnKind) -> String {
        switch cell {
        case .null:
            switch kind {
            case .moneyChange, .percentChange: return "—"
            default: return ""
            }
        case .text(let text):
            return Self.singleLine(text)
        case .integer(let value):
            switch kind {
            case .text, .integer:
                return String(value)
            case .money:
                return Self.humanMinus(Amount(fen: value).formatted(in: unit))
            case .moneyChange:
                return Self.signed(Amount(fen: value).formatted(in: unit), value)
            case .percent(let decimals):
                return Self.humanMinus(Self.decimal(value, decimals: decimals)) + "%"
            case .percentChange(let decimals):
                return Self.signed(Self.decimal(value, decimals: decimals), value) + "%"
            case .points:
                return Self.humanMinus(Self.points(value))
            }
        }
    }

    /// `value / 10^decimals` with exactly `decimals` decimals and an ASCII minus.
    /// Decimals are clamped to 0...18 (an Int64 has at most 19 digits).
    static func decimal(_ value: Int64, decimals requested: Int) -> String {
        let magnitude = value.magnitude
        let sign = value < 0 ? "-" : ""
        let decimals = min(max(requested, 0), 18)
        guard decimals > 0 else { return sign + String(magnitude) }
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let fraction = String(magnitude % scale)
        return sign + String(magnitude / scale) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// Hundredths as the shortest exact decimal: 1000 → "10", 750 → "7.5", 1234 → "12.34".
    static func points(_ hundredths: Int64) -> String {
        var text = decimal(hundredths, decimals: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// "+" before a positive change, "−" (U+2212) before a negative one, nothing before 0.
    static func signed(_ plain: String, _ value: Int64) -> String {
        if value > 0 { return "+" + plain }
        return humanMinus(plain)
    }

    static func humanMinus(_ plain: String) -> String {
        plain.hasPrefix("-") ? "−" + plain.dropFirst() : plain
    }

    /// Text on one line: tabs, line breaks and other controls become spaces.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for character in text {
            if character.unicodeScalars.allSatisfy(isControl) {
                result.append(" ")
            } else {
                result.append(character)
            }
        }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
