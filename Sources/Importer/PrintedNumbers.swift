import Core

/// Thousands separators in printed numbers ("2,163.27"): taken out for rules that read plain
/// digits, and put back into what those rules record as printed.
enum PrintedNumbers {
    /// `line` without the commas that group a number's digits in threes.
    static func withoutSeparators(_ line: String) -> String {
        guard line.utf8.contains(0x2C) else { return line }
        let chars = Array(line)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c == ",", i > 0, chars[i - 1].isASCIIDigitChar, i + 3 < chars.count,
               chars[(i + 1)...(i + 3)].allSatisfy(\.isASCIIDigitChar), i + 4 == chars.count || !chars[i + 4].isASCIIDigitChar {
                continue
            }
            out.append(c)
        }
        return out
    }

    /// `number` ("2163.27") with its whole part grouped in threes ("2,163.27").
    static func grouped(_ number: String) -> String {
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        guard whole.count > 3 else { return number }
        var out = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return parts.count > 1 ? out + "." + parts[1] : out
    }

    /// `text` with each number of four or more whole digits grouped, when `line` prints it so.
    static func asPrinted(_ text: String, in line: String) -> String {
        guard !line.containsBytes(text), line.utf8.contains(0x2C) else { return text }
        var out = "", number = ""
        func flush() {
            let g = grouped(number)
            out += line.containsBytes(g) ? g : number
            number = ""
        }
        for c in text {
            if c.isASCIIDigitChar || (c == "." && !number.isEmpty) { number.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }

    /// The printed numbers and texts of facts and statements read from `withoutSeparators`
    /// lines, as `lines` print them.
    static func restore(_ facts: inout [ImportedFact], _ statements: inout [ImportedStatement], lines: [String]) {
        func line(_ n: Int) -> String { lines.indices.contains(n - 1) ? lines[n - 1] : "" }
        for i in facts.indices {
            guard let printed = facts[i].printed else { continue }
            facts[i].printed = asPrinted(printed, in: line(facts[i].provenance.lineFrom))
        }
        for i in statements.indices {
            statements[i].printed = asPrinted(statements[i].printed, in: line(statements[i].provenance.lineFrom))
        }
    }
}
