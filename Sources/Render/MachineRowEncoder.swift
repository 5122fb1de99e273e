import Core

/// Spells rows of a machine format straight into UTF-8 bytes (one reused buffer, no
/// per-cell strings), the hot loop of `dq -c … --format csv` over millions of rows.
/// Numbers are spelled as `Amount.formatted(in:)` and `CellFormatter` spell them, without
/// signs for positives, "%" or "—" (`testMachineNumbersMatchTheFormatters` holds them together).
struct MachineRowEncoder {
    enum Syntax { case csv, tsv, json }

    let syntax: Syntax
    let columns: MachineColumns
    /// Bytes before each value: `,`/tab between fields; `{"key":` / `,"key":` for json.
    private let prefixes: [[UInt8]]
    private let rowEnd: [UInt8]
    private let derivedNames: [[UInt8]]
    private let moneyDecimals: Int
    /// The `money_unit` value as spelled in this syntax.
    private var moneyUnitBytes: [UInt8] = []

    init(syntax: Syntax, columns: MachineColumns) {
        self.syntax = syntax
        self.columns = columns
        switch syntax {
        case .csv, .tsv:
            let separator: [UInt8] = syntax == .csv ? [UInt8(ascii: ",")] : [0x09]
            prefixes = columns.names.indices.map { $0 == 0 ? [] : separator }
            rowEnd = syntax == .csv ? [0x0D, 0x0A] : [0x0A]
        case .json:
            prefixes = columns.names.enumerated().map { index, name in
                var bytes: [UInt8] = index == 0 ? [UInt8(ascii: "{")] : [UInt8(ascii: ",")]
                Self.appendJSONString(name, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                return bytes
            }
            rowEnd = columns.names.isEmpty ? Array("{}".utf8) : [UInt8(ascii: "}")]
        }
        derivedNames = columns.shape.columns.map { Array($0.name.utf8) }
        moneyDecimals = columns.unit.exactDecimals
        if columns.hasMoney { appendText(columns.unit.rawValue, to: &moneyUnitBytes) }
    }

    /// The header line (csv, tsv).
    func header() -> String {
        var bytes: [UInt8] = []
        for (index, name) in columns.names.enumerated() {
            bytes += prefixes[index]
            appendText(name, to: &bytes)
        }
        bytes += rowEnd
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one row (csv/tsv with its line end; json without a line end).
    func encode(_ row: ResultRow, into bytes: inout [UInt8]) {
        var field = 0
        let shape = columns.shape
        if shape.hasBlocks {
            bytes += prefixes[field]; field += 1
            if let block = row.block { appendText(block, to: &bytes) } else { appendNull(to: &bytes) }
        }
        for (index, column) in shape.columns.enumerated() {
            bytes += prefixes[field]; field += 1
            let cell = index < row.cells.count ? row.cells[index] : .null
            switch cell {
            case .null:
                appendNull(to: &bytes)
            case .text(let text):
                appendText(text, to: &bytes)
            case .integer(let value):
                switch column.kind {
                case .text:
                    if syntax == .json { bytes.append(UInt8(ascii: "\"")) }
                    Self.appendDecimal(value, decimals: 0, minimumDecimals: 0, to: &bytes)
                    if syntax == .json { bytes.append(UInt8(ascii: "\"")) }
                case .integer:
                    Self.appendDecimal(value, decimals: 0, minimumDecimals: 0, to: &bytes)
                case .money, .moneyChange:
                    Self.appendDecimal(value, decimals: moneyDecimals, minimumDecimals: 2, to: &bytes)
                case .percent(let decimals), .percentChange(let decimals):
                    let clamped = min(max(decimals, 0), 18)
                    Self.appendDecimal(value, decimals: clamped, minimumDecimals: clamped, to: &bytes)
                case .points:
                    Self.appendDecimal(value, decimals: 2, minimumDecimals: 0, to: &bytes)
                }
            }
        }
        if shape.hasLevels {
            bytes += prefixes[field]; field += 1
            if let level = row.level { Self.appendDecimal(Int64(level), decimals: 0, minimumDecimals: 0, to: &bytes) } else { appendNull(to: &bytes) }
        }
        if shape.hasTotals {
            bytes += prefixes[field]; field += 1
            bytes += row.isTotal ? Self.trueBytes : Self.falseBytes
        }
        if shape.hasDerived {
            bytes += prefixes[field]; field += 1
            appendDerived(row.derivedCells, to: &bytes)
        }
        if columns.hasMoney {
            bytes += prefixes[field]; field += 1
            bytes += moneyUnitBytes
        }
        bytes += rowEnd
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private func appendNull(to bytes: inout [UInt8]) {
        if syntax == .json { bytes += Self.nullBytes }
    }

    private func appendDerived(_ cells: Set<Int>, to bytes: inout [UInt8]) {
        let indexes = cells.isEmpty ? [] : cells.sorted().filter { $0 >= 0 && $0 < derivedNames.count }
        switch syntax {
        case .json:
            bytes.append(UInt8(ascii: "["))
            for (number, index) in indexes.enumerated() {
                if number > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "\""))
                bytes += derivedNames[index]  // ASCII snake_case names
                bytes.append(UInt8(ascii: "\""))
            }
            bytes.append(UInt8(ascii: "]"))
        case .csv, .tsv:
            let joined = indexes.map { columns.shape.columns[$0].name }.joined(separator: ",")
            appendText(joined, to: &bytes)
        }
    }

    /// Text as the syntax needs it: csv quotes fields with , " CR or LF and doubles quotes,
    /// and shows other control characters as their Unicode control pictures (ESC → ␛), so no
    /// raw control reaches a terminal or spreadsheet; tsv escapes with a backslash
    /// (`\t` `\n` `\r` `\\`, other controls `\xHH`), so a value never splits a line or a
    /// field and reads back exactly; json escapes.
    private func appendText(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            switch syntax {
            case .csv:
                var needsQuotes = false, hasControl = false
                for byte in utf8 {
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A { needsQuotes = true }
                    if Self.isControl(byte) && byte != 0x0D && byte != 0x0A && byte != 0x09 { hasControl = true }
                }
                guard needsQuotes || hasControl else {
                    bytes.append(contentsOf: utf8)
                    return
                }
                if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    if Self.isControl(byte) && byte != 0x0D && byte != 0x0A && byte != 0x09 {
                        // U+2400 + byte (U+2421 for DEL), three bytes of UTF-8.
                        let picture = byte == 0x7F ? 0x2421 : 0x2400 + UInt32(byte)
                        bytes += [0xE2, UInt8(0x80 | (picture >> 6) & 0x3F), UInt8(0x80 | picture & 0x3F)]
                    } else {
                        bytes.append(byte)
                    }
                }
                if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
            case .tsv:
                if !utf8.contains(where: { Self.isControl($0) || $0 == UInt8(ascii: "\\") }) {
                    bytes.append(contentsOf: utf8)
                    return
                }
                for byte in utf8 {
                    switch byte {
                    case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                    case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                    case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                    case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                    case _ where Self.isControl(byte):
                        let hex = Array("0123456789ABCDEF".utf8)
                        bytes += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                    default: bytes.append(byte)
                    }
                }
            case .json:
                Self.appendJSONString(utf8, to: &bytes)
            }
        }
    }

    /// C0 controls and DEL.
    private static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }

    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendJSONString($0, to: &bytes) }
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as \u00XX, U+2028 and
    /// U+2029 as \u2028 / \u2029, everything else (Chinese included) as is.
    static func appendJSONString(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        let hex = hexDigits
        bytes.append(UInt8(ascii: "\""))
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            } else if byte < 0x20 {
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 {
                bytes += Array("\\u202".utf8)
                bytes.append(utf8[index + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                index += 3
                continue
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `value / 10^decimals` as an exact decimal with an ASCII minus and at least
    /// `minimumDecimals` decimals, trailing zeros beyond them dropped: the same text as
    /// `Amount.formatted(in:minimumDecimals:)` for money (decimals = the unit's exact
    /// decimals) and as `CellFormatter` for percentages and points.
    static func appendDecimal(_ value: Int64, decimals: Int, minimumDecimals: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Digits, least significant first, padded so there is a digit before the point.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // storage for 24 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            repeat {
                buffer[count] = UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            while count <= decimals {
                buffer[count] = 0
                count += 1
            }
            var kept = decimals
            while kept > minimumDecimals, buffer[decimals - kept] == 0 { kept -= 1 }
            var position = count - 1
            while position >= decimals {
                bytes.append(UInt8(ascii: "0") + buffer[position])
                position -= 1
            }
            if kept > 0 {
                bytes.append(UInt8(ascii: "."))
                for offset in 0..<kept { bytes.append(UInt8(ascii: "0") + buffer[decimals - 1 - offset]) }
            }
        }
    }
}
