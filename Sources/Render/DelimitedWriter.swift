/// Writes csv and tsv, one line per row as it arrives (nothing is buffered).
///
/// csv (RFC 4180, CRLF line ends; `bom` puts U+FEFF first; `headers: false` drops line 1):
///
///     item,y2022,y2023,change,change_pct,is_total,derived
///     公务用车购置及运行维护费,6.89,12.52,5.63,81.71,false,y2022
///     因公出国（境）费,0.00,0.00,0.00,,false,
///     合计,9.99,13.14,3.15,31.53,true,"y2022,change"
///
/// and a field with quotes and a comma: `"档案工作（含""数字化"",扫描）"`; other control
/// characters than CR, LF and tab are shown as control pictures (ESC as ␛).
///
/// tsv (LF line ends, no quoting; a tab, line break or backslash inside a cell is escaped as
/// `\t` `\n` `\r` `\\`, other control characters as `\xHH`):
///
///     item	y2022	y2023	change	change_pct	is_total	derived
///     公务用车购置及运行维护费	6.89	12.52	5.63	81.71	false	y2022
import Core

final class DelimitedWriter: RowRenderer {
    private let encoder: MachineRowEncoder
    private let options: RenderOptions
    private let sink: RenderSink
    private var started = false
    private var bytes: [UInt8] = []

    init(syntax: MachineRowEncoder.Syntax, shape: ResultShape, options: RenderOptions, sink: RenderSink) {
        self.encoder = MachineRowEncoder(syntax: syntax, columns: MachineColumns(shape: shape, unit: options.unit))
        self.options = options
        self.sink = sink
    }

    /// The BOM and the header line, before the first row (or at the end of an empty result).
    private func start() {
        guard !started else { return }
        started = true
        var preamble = options.bom ? "\u{FEFF}" : ""
        if options.headers { preamble += encoder.header() }
        if !preamble.isEmpty { sink.text(preamble) }
    }

    func write(_ row: ResultRow) {
        start()
        bytes.removeAll(keepingCapacity: true)
        encoder.encode(row, into: &bytes)
        bytes.withUnsafeBytes { sink.bytes($0) }
    }

    func finish() {
        start()
    }
}
