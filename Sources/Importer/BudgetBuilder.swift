import Core

/// Collects the facts and statements of a budget document while it is read. Every figure of
/// a budget is its 预算数: table and text figures go to the `budget` column unless a table
/// column says otherwise (基本支出, 项目支出, income sources).
struct BudgetBuilder {
    var year: Int
    var facts: [ImportedFact] = []
    var statements: [ImportedStatement] = []
    var tables: [ImportedTable] = []
    var warnings: [String] = []
    var recognizedLines: Set<Int> = []

    /// Appends a money fact; returns its index.
    @discardableResult
    mutating func money(_ measure: String?, code: String? = nil, fund: String? = nil, column: String = "budget",
                        fen: Int64, printed: String, unit: MoneyUnit, provenance: Provenance) -> Int {
        let fundID = fund ?? measure.flatMap { MeasureFunds.byMeasure[$0] } ?? "all"
        facts.append(ImportedFact(measureID: measure, code: code, fund: fundID, column: column, year: year, amountFen: fen,
                                  printed: printed, printedUnit: unit.rawValue, provenance: provenance))
        for line in provenance.lineFrom...provenance.lineTo { recognizedLines.insert(line) }
        return facts.count - 1
    }

    mutating func count(_ measure: String, _ value: Int64, printed: String, unit: String, line: Int) {
        facts.append(ImportedFact(measureID: measure, fund: "all", column: "budget", year: year, quantity: value,
                                  printed: printed, printedUnit: unit, provenance: Provenance("text", line)))
        recognizedLines.insert(line)
    }
}

/// Printed amounts of budget tables and text: "371,514,655.00", "164,978,640", "6.4", "0".
enum BudgetAmount {
    /// The amount in 分 when `text` is a plain number (thousands separators optional, at most
    /// as many decimals as `unit` allows in 分); nil otherwise.
    static func fen(_ text: String, unit: MoneyUnit) -> Int64? {
        var chars = Substring(text)
        if chars.first == "-" { chars = chars.dropFirst() }
        guard let first = chars.first, first.isASCIIDigitChar, chars.last?.isASCIIDigitChar == true else { return nil }
        let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCIIDigitChar || $0 == "," } }),
              parts.count == 1 || !parts[1].contains(",") else { return nil }
        if parts[0].contains(",") {
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            guard groups[0].count <= 3, !groups[0].isEmpty, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return Amount(printed: String(text.filter { $0 != "," }), unit: unit)?.fen
    }
}
