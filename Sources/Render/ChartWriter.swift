import Core

/// The `bar` and `svg` formats: keeps the rows, then draws the chart of the statement they
/// came from. `bar` draws only on a terminal (a width is known); in a pipe or a file it writes
/// the data as tsv. A result that is no chart (a listing, `check`) is written as a table by
/// `bar` and as an SVG that says so by `svg`.
final class ChartWriter: RowRenderer {
    private let shape: ResultShape
    private let options: RenderOptions
    private let sink: RenderSink
    private var rows: [ResultRow] = []

    init(shape: ResultShape, options: RenderOptions, sink: RenderSink) {
        self.shape = shape
        self.options = options
        self.sink = sink
    }

    func write(_ row: ResultRow) {
        rows.append(row)
    }

    func finish() {
        let chart = ChartData(shape: shape, rows: rows, unit: options.unit)
        switch options.format {
        case .svg:
            sink.text(chart.map { SVGChartWriter(chart: $0, unit: options.unit).render() } ?? SVGChartWriter.noChart)
        default:
            var fallback = options
            let renderer: RowRenderer
            if let width = options.maxWidth, let chart {
                sink.text(BarChartRenderer(chart: chart, width: width).render())
                return
            } else if options.maxWidth != nil {
                fallback.format = .table
                renderer = PagedTable(shape: shape, options: fallback, drawing: TableRenderer(), sink: sink.text)
            } else {
                fallback.format = .tsv
                renderer = DelimitedWriter(syntax: .tsv, shape: shape, options: fallback, sink: sink)
            }
            rows.forEach(renderer.write)
            renderer.finish()
        }
    }
}
