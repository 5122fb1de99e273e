import Core

/// A template's tables described as data: the tables it prints, each by its title (and other
/// wordings of it), its shape, its columns with their headings, the fact column and fund of
/// each, the measures its total rows state, the identities that place and check its figures,
/// and the unit its money is printed in. One reader per kind of document reads every template
/// of that kind from its description: `BudgetTableReader` the budgets (部门预算 / 单位预算),
/// `FinalAccountsTableReader` the final accounts (部门决算); only the descriptions differ.
struct TableTemplate: Sendable {
    var tables: [TableSpec]
    /// Words of a line that starts the narrative after the last table (a prefix of the line).
    var narrativeStart: [String]
    /// Titles end in the table's title after any prefix (enumeration, year, unit name), rather
    /// than only after a year and scope word; a title line is then followed by its 单位： line.
    var titleBySuffix = false
    /// Notes a title may end with after the table's title ("（功能科目）"), when `titleBySuffix`.
    var titleNotes: [String] = []
    /// Scope words a title may print between its year and the table's title ("部门", "预算单位"),
    /// when titles are matched whole.
    var titleScopeWords: [String] = []
    /// Whole lines that also start the narrative (a first section printed without its part heading).
    var narrativeHeadings: [String] = []
    /// A line just before a title that belongs to no table: it contains one of `captions` (the
    /// caption of the tables part) or starts with one of `partHeadings`.
    var captions: [String] = []
    var partHeadings: [String] = []
}

/// One column of a table: the fact column (or the measures of its 合计 row) and the words its
/// heading prints. A budget reader matches a heading word against a whole header token (or its
/// end); the final-accounts reader against the start of a heading piece, since its headings wrap
/// ("本年支出合" / "计").
struct TableColumn: Sendable {
    /// fact_column id of the figures in this column; nil: read, but not stored (a column whose
    /// meaning has no column of its own, e.g. 人员经费 of an all-funds table).
    var column: String?
    /// fund of the code figures in this column (the table's fund when nil).
    var fund: String?
    var headings: [String]
    /// Measure the 合计 / 支出总计 row states in this column (of a single-row table: the measure
    /// its figure in this column states).
    var totalMeasure: String?
    /// The heading as printed in full, for a figure's provenance and messages.
    var label: String

    init(_ column: String?, fund: String? = nil, _ headings: [String], total totalMeasure: String? = nil, printed: String? = nil) {
        self.column = column
        self.fund = fund
        self.headings = headings
        self.totalMeasure = totalMeasure
        self.label = printed ?? headings[0]
    }
}

/// A row of a two-sided table, known by its printed label.
struct RowLabel: Sendable {
    var label: String
    /// The measure the row states; nil: not stored (a label printed again under another
    /// heading, or a row read only for the table's checks).
    var measure: String?
    /// The row's name in the table's checks (`RowCheck`); its measure when nil.
    var key: String?

    init(_ label: String, _ measure: String?, key: String? = nil) {
        self.label = label
        self.measure = measure
        self.key = key
    }

    /// The name checks and the reader use: the key, else the measure, else "-".
    var name: String { key ?? measure ?? "-" }
}

/// A figure of a single-row table: the measure it states and its fact column. A bare string
/// literal is a measure of the budget column.
struct RowSlot: Sendable, ExpressibleByStringLiteral {
    var measure: String
    var column: String

    init(_ measure: String, column: String) {
        self.measure = measure
        self.column = column
    }

    init(stringLiteral measure: String) { self.init(measure, column: "budget") }
}

/// A sum among the rows of a table the reader checks (a warning when it fails; the audit
/// reports the figures): the row named `whole` equals the sum of the rows named `parts`
/// (`RowLabel.name` or a code; `RowCheck.classes` stands for every 类 row).
struct RowCheck: Sendable {
    var whole: String
    var parts: [String]
    /// How messages name the sum of the parts ("各项收入": "各项收入之和 … 不等于本年收入合计 …");
    /// nil: the parts are named one by one ("收入方总计 … 不等于本年收入合计、…与…之和").
    var partsName: String?
    /// How messages name the whole (its printed label when nil).
    var wholeName: String?

    static let classes = "类"

    init(_ whole: String, equals parts: [String], partsName: String? = nil, wholeName: String? = nil) {
        self.whole = whole
        self.parts = parts
        self.partsName = partsName
        self.wholeName = wholeName
    }
}

/// How a table is laid out.
enum TableShape: Sendable {
    /// Rows keyed by classification codes printed in up to three code columns (类 款 项),
    /// then a 合计 row. `economic`: the codes are 经济分类 (类 款).
    case codes(economic: Bool)
    /// Two sides on one line: labels on the left, each followed by its figure; on the right
    /// the 类 rows (by their names, when the spec `readsClasses`) and labels, each followed by
    /// its figures, one per column. A right label whose measure is the first column's total
    /// measure is the total row: its figures state each column's total measure.
    case twoSided(left: [RowLabel], right: [RowLabel])
    /// One row of figures under a header (the 三公 table), a blank cell printing nothing: the
    /// placements of the figures in `measures` for which every identity (whole = Σ parts)
    /// holds are tried; a figure is stored where all of them agree (a nil measure: not stored).
    case singleRow(measures: [RowSlot?], identities: [(whole: Int, parts: [Int])])
}

struct TableSpec: Sendable {
    /// The title without its year and scope prefix ("2025年部门", "2024年预算单位").
    var title: String
    var shape: TableShape
    var fund: String
    var columns: [TableColumn]
    /// The unit the template prints this table in (a printed 单位： line overrides it in budgets).
    var moneyUnit: MoneyUnit
    /// Other titles of the same table (other years' wording).
    var otherTitles: [String] = []
    /// Whether the two-sided table's right side lists 类 rows to read.
    var readsClasses = true
    /// Identities among a code row's columns (nil: column 0 = Σ the others); with identities
    /// the table has no total column and the hierarchy is checked in every column.
    var identities: [ColumnIdentity]? = nil
    /// Columns a row's figures may fill only when one of the measures has a figure other than
    /// 0 (in the table's own rows, else among the figures read before it); the others need
    /// none. Empty: every column may be filled.
    var activeColumns: [(column: Int, measures: [String])] = []
    /// Columns whose total the narrative states, by the measure stating it: they settle
    /// placements the table's own sums leave open.
    var statedTotals: [Int: String] = [:]
    /// Labels of the total rows of a code table and the measure each states (nil: the row's
    /// figures state the columns' total measures).
    var totalRows: [(label: String, measure: String?)] = [("合计", nil)]
    /// A table that may print no figure at all (本年度没有…，故本表无数据): it then gives no facts.
    var mayBeEmpty = false
    /// Word text: the cell (tab-separated, counted from 0) of the first figure column.
    var firstFigureCell = 2
    /// Heading of the left side's figures of a two-sided table (the first column's label when nil).
    var leftColumnLabel: String? = nil
    /// Sums among the rows the reader checks.
    var checks: [RowCheck] = []

    var titles: [String] { [title] + otherTitles }

    /// The money unit of the table at `range` (from its title line): the one its 单位： line
    /// prints, else the template's.
    func printedUnit(_ lines: [String], _ range: ClosedRange<Int>) -> MoneyUnit {
        for n in range.prefix(4) {
            // Every unit line holds 单位; most lines lack it, and the searches below are dearer.
            guard lines[n - 1].containsBytes("单") else { continue }
            let s = lines[n - 1].withoutSpaces
            guard let mark = s.range(of: "单位：") ?? s.range(of: "单位:") else { continue }
            let rest = s[mark.upperBound...]
            if rest.hasPrefix("万元") { return .tenThousandYuan }
            if rest.hasPrefix("元") { return .yuan }
        }
        return moneyUnit
    }
}

extension TableTemplate {
    /// The spec whose title `line` (spaces removed) is: an optional "YYYY年", an optional scope
    /// word (`titleScopeWords`), then the title; or, `titleBySuffix`, that ends in the title (a
    /// note of `titleNotes` after it). Contents lines ("1. 2025年…") do not match.
    func table(titled line: String) -> TableSpec? {
        if titleBySuffix {
            var s = line
            for note in titleNotes where s.hasSuffix(note) { s = String(s.dropLast(note.count)) }
            guard s.count <= 60, !s.contains("："), !s.contains("。") else { return nil }
            let all = tables.flatMap { spec in spec.titles.map { (spec, $0) } }.sorted { $0.1.count > $1.1.count }
            return all.first { s.hasSuffix($0.1) }?.0
        }
        var rest = Substring(line)
        let digits = rest.prefix(while: \.isASCIIDigitChar)
        if digits.count == 4, rest.dropFirst(4).first == "年" { rest = rest.dropFirst(5) }
        for word in titleScopeWords where rest.hasPrefix(word) {
            rest = rest.dropFirst(word.count)
            break
        }
        return tables.first { $0.title == rest }
    }
}
