/// Writes json (one array) and jsonl (one object per line), each row as it arrives.
///
/// json (`[` before the first row, `,` and a line break between rows, `]` at the end; an
/// empty result is `[]`):
///
///     [
///     {"item":"公务用车购置及运行维护费","y2022":6.89,"y2023":12.52,"change":5.63,"change_pct":81.71,"is_total":false,"derived":["y2022"]},
///     {"item":"因公出国（境）费","y2022":0.00,"y2023":0.00,"change":0.00,"change_pct":null,"is_total":false,"derived":[]},
///     …
///     ]
///
/// jsonl:
///
///     {"item":"公务用车购置及运行维护费","y2022":6.89,"y2023":12.52,"change":5.63,"change_pct":81.71,"is_total":false,"derived":["y2022"]}
///
/// Keys follow column order; numbers are exact decimals; strings escape `"`, `\`, control
/// characters (as \u00XX) and U+2028/U+2029; Chinese is written as is.
import Core

final class JSONWriter: RowRenderer {
    private let lines: Bool
    private let encoder: MachineRowEncoder
    private let sink: RenderSink
    private var rowCount = 0
    private var bytes: [UInt8] = []

    init(lines: Bool, shape: ResultShape, options: RenderOptions, sink: RenderSink) {
        self.lines = lines
        self.encoder = MachineRowEncoder(syntax: .json, columns: MachineColumns(shape: shape, unit: options.unit))
        self.sink = sink
    }

    func write(_ row: ResultRow) {
        bytes.removeAll(keepingCapacity: true)
        if !lines { bytes += rowCount == 0 ? [UInt8(ascii: "["), 0x0A] : [UInt8(ascii: ","), 0x0A] }
        encoder.encode(row, into: &bytes)
        if lines { bytes.append(0x0A) }
        bytes.withUnsafeBytes { sink.bytes($0) }
        rowCount += 1
    }

    func finish() {
        guard !lines else { return }
        sink.text(rowCount == 0 ? "[]\n" : "\n]\n")
    }
}
