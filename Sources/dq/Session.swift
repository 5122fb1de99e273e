import Foundation
import Store

/// State shared by the REPL and one-shot mode: the open database and how to run a line.
/// Until the query language lands, a line is `sql SELECT …` (read-only SQL, TSV output).
final class Session {
    let connections: Connections

    init(connections: Connections) {
        self.connections = connections
    }

    /// Runs one input line; false when it failed (the error is already reported).
    @discardableResult
    func run(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return true }
        guard text.lowercased().hasPrefix("sql ") else {
            Output.note("dq: error[Q100]: 未知的语句：\(text)（目前支持 sql SELECT …）")
            return false
        }
        do {
            let statement = try connections.reader.prepare(String(text.dropFirst(4)))
            guard statement.isReadOnly else {
                Output.note("dq: error[Q300]: sql 只允许只读查询")
                return false
            }
            let cursor = try statement.rows()
            Output.write(cursor.columnNames.joined(separator: "\t") + "\n")
            while let row = try cursor.next() {
                Output.write(row.map(Self.cell).joined(separator: "\t") + "\n")
            }
            return true
        } catch {
            Output.error(error)
            return false
        }
    }

    /// A plain line loop; the libedit REPL replaces it.
    func runInteractive() {
        while let line = readLine() {
            if line.trimmingCharacters(in: .whitespaces) == ".quit" { return }
            run(line)
        }
    }

    private static func cell(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .text(let text): return text
        case .blob(let bytes): return "<\(bytes.count) bytes>"
        }
    }
}
