import Core

/// An output format of results (`--format`, `.mode`).
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns separated by two spaces, a rule under the header (the terminal default).
    case table
    /// The same table drawn with box-drawing borders.
    case box
    /// RFC 4180 comma-separated values with CRLF line endings.
    case csv
    /// Tab-separated values, one header line, LF line endings (the default on a pipe).
    case tsv
    /// One JSON array of objects.
    case json
    /// One JSON object per line.
    case jsonl
    /// A GitHub-flavoured Markdown pipe table (for working papers).
    case markdown
    /// Horizontal bars of the charted statements on a terminal (tsv in a pipe).
    case bar
    /// A standalone SVG chart: donut for a structure, grouped bars for two years, lines for a trend.
    case svg

    /// Machine formats stream rows, use ASCII column names and plain numbers.
    public var isMachineReadable: Bool {
        switch self {
        case .csv, .tsv, .json, .jsonl: return true
        case .table, .box, .markdown, .bar, .svg: return false
        }
    }
}

/// How a result is rendered.
public struct RenderOptions: Hashable, Sendable {
    public var format: OutputFormat
    /// The unit money is shown in.
    public var unit: MoneyUnit
    /// Whether csv and tsv write a header line (`--no-header`, `.headers off`). The other
    /// formats always show column titles or keys.
    public var headers: Bool
    /// Whether csv and tsv start with a UTF-8 byte order mark (for spreadsheet programs).
    public var bom: Bool
    /// The terminal width: table and box shrink their widest text columns to fit it.
    public var maxWidth: Int?
    /// At most this many rows in table and box; the rest are counted, not shown.
    public var maxRows: Int?

    public init(format: OutputFormat = .table, unit: MoneyUnit = .tenThousandYuan, headers: Bool = true,
                bom: Bool = false, maxWidth: Int? = nil, maxRows: Int? = nil) {
        self.format = format
        self.unit = unit
        self.headers = headers
        self.bom = bom
        self.maxWidth = maxWidth
        self.maxRows = maxRows
    }
}
