import Core

/// What every format's writer does with rows.
protocol RowRenderer: AnyObject {
    func write(_ row: ResultRow)
    func finish()
}

/// Renders one result in one format through `sink`; never prints.
///
/// Machine formats (csv, tsv, json, jsonl) stream: each row goes to the sink as it arrives,
/// so memory does not grow with the number of rows. Human formats (table, box, markdown)
/// measure the first page of rows (`PagedTable.pageSize`), then write page by page (table
/// and box only the first `maxRows`, counting the rest), so memory is bounded too.
///
///     let writer = ResultWriter(shape: shape, options: RenderOptions(format: .csv)) { print($0, terminator: "") }
///     for row in rows { writer.write(row) }
///     writer.finish()
///
/// The sink receives text chunks that end with a line break (json's rows are joined by
/// `,` + line break). `finish()` must be called once; rows written after it are ignored.
public final class ResultWriter {
    private let renderer: RowRenderer
    private var finished = false

    public convenience init(shape: ResultShape, options: RenderOptions, sink: @escaping (String) -> Void) {
        self.init(shape: shape, options: options, sink: RenderSink(text: sink))
    }

    public init(shape: ResultShape, options: RenderOptions, sink: RenderSink) {
        switch options.format {
        case .csv: renderer = DelimitedWriter(syntax: .csv, shape: shape, options: options, sink: sink)
        case .tsv: renderer = DelimitedWriter(syntax: .tsv, shape: shape, options: options, sink: sink)
        case .json: renderer = JSONWriter(lines: false, shape: shape, options: options, sink: sink)
        case .jsonl: renderer = JSONWriter(lines: true, shape: shape, options: options, sink: sink)
        case .table: renderer = PagedTable(shape: shape, options: options, drawing: TableRenderer(), sink: sink.text)
        case .box: renderer = PagedTable(shape: shape, options: options, drawing: BoxRenderer(), sink: sink.text)
        case .markdown:
            // All rows: maxRows and maxWidth are for terminals.
            var all = options
            all.maxRows = nil
            renderer = PagedTable(shape: shape, options: all, drawing: MarkdownRenderer(), sink: sink.text)
        case .bar, .svg: renderer = ChartWriter(shape: shape, options: options, sink: sink)
        }
    }

    public func write(_ row: ResultRow) {
        guard !finished else { return }
        renderer.write(row)
    }

    /// Writes what is left (the whole table for human formats, `]` for json).
    public func finish() {
        guard !finished else { return }
        finished = true
        renderer.finish()
    }

    /// Renders a whole result to one string (for tests, `.output` and small results).
    public static func render(shape: ResultShape, rows: [ResultRow], options: RenderOptions) -> String {
        var text = ""
        let writer = ResultWriter(shape: shape, options: options) { text += $0 }
        for row in rows { writer.write(row) }
        writer.finish()
        return text
    }
}
