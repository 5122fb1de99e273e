import Core

/// Collects facts and statements while a Shanghai document is read.
struct ShanghaiBuilder {
    var year: Int
    /// The year the text compares against, as the document writes it (`DocumentIdentity.priorYear`).
    var priorYear: Int
    var facts: [ImportedFact] = []
    var statements: [ImportedStatement] = []
    var warnings: [String] = []
    var recognizedLines: Set<Int> = []
    var tables = 0
    /// Totals the 情况说明 states, by measure: they settle columns a table's own sums leave open.
    var statedTotals: [String: Int64] = [:]
    /// 1-based lines that start a page (form feeds and "[PDF page" annotations).
    var pageStarts: Set<Int> = []
    /// A reading-order single-row table (三公) whose figures fit it in several ways: its spec,
    /// figures and the placements, settled once the 情况说明 has been read
    /// (`FinalAccountsTableReader.settleSingleRow`).
    var unsettledRow: (spec: TableSpec, unit: MoneyUnit, numbers: [LayoutToken], placements: [[Int]])?

    /// Where a table figure is printed: the table's title, the row and column as printed.
    struct Place {
        var table: String
        var row: String?
        var column: String?
        /// The unit the table prints its money in.
        var unit: MoneyUnit
    }

    /// The tables read so far, with their status.
    var tableRecords: [ImportedTable] = []
    /// Sorted page starts, and whether text before the first one is a page of its own.
    var sortedPageStarts: [Int] = []
    var firstPageBeforeStarts = false

    /// Page numbers an annotation ("[PDF page 17 …]") gives its start line.
    var annotatedPages: [Int: Int] = [:]

    /// The 1-based page of `line`: the number its page's annotation gives, else the count of
    /// pages so far; nil when the text marks no pages.
    func page(of line: Int) -> Int? {
        guard !sortedPageStarts.isEmpty else { return nil }
        // How many page starts are at or before `line` (binary search: the starts are sorted).
        var lo = 0, hi = sortedPageStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedPageStarts[mid] <= line { lo = mid + 1 } else { hi = mid }
        }
        if lo > 0, let number = annotatedPages[sortedPageStarts[lo - 1]] { return number }
        return max(1, lo + (firstPageBeforeStarts ? 1 : 0))
    }

    @discardableResult
    mutating func money(_ measure: String?, code: String? = nil, fund: String? = nil, column: String = "actual",
                        _ token: LayoutToken, kind: String = "table", year: Int? = nil, place: Place? = nil) -> Int? {
        let unit = place?.unit ?? .tenThousandYuan
        guard let fen = Amount(printed: token.text, unit: unit)?.fen else { return nil }
        let fundID = fund ?? measure.flatMap { MeasureFunds.byMeasure[$0] } ?? "all"
        var provenance = Provenance(kind, token.line)
        if kind == "table" {
            provenance.table = place?.table
            provenance.rowLabel = place?.row
            provenance.columnLabel = place?.column
            provenance.page = page(of: token.line)
        }
        facts.append(ImportedFact(measureID: measure, code: code, fund: fundID, column: column, year: year ?? self.year,
                                  amountFen: fen, printed: token.text, printedUnit: unit.rawValue, provenance: provenance))
        recognizedLines.insert(token.line)
        return facts.count - 1
    }

    /// The pages of a table's range, each with its token lines (`tokenLines` is the range after its title).
    func pages(of range: ClosedRange<Int>, tokenLines: [[LayoutToken]]) -> [(range: ClosedRange<Int>, lines: [[LayoutToken]])] {
        let first = range.lowerBound + 1
        guard first <= range.upperBound else { return [] }
        var starts = [first] + pageStarts.filter { $0 > first && $0 <= range.upperBound }.sorted()
        starts.append(range.upperBound + 1)
        return zip(starts, starts.dropFirst()).map { from, to in
            (from...(to - 1), Array(tokenLines[(from - first)..<(to - first)]))
        }
    }

    mutating func count(_ measure: String, _ value: Int64, printed: String, unit: String, line: Int) {
        facts.append(ImportedFact(measureID: measure, fund: "all", column: "actual", year: year, quantity: value,
                                  printed: printed, printedUnit: unit, provenance: Provenance("text", line)))
        recognizedLines.insert(line)
    }
}
