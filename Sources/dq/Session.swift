import Core
import Foundation
import QueryLanguage
import Render
import Store

/// State shared by the REPL, scripts and one-shot mode: the open database, its catalog,
/// the `use` context and output settings, and how to run one line of input.
final class Session {
    private(set) var connections: Connections
    private(set) var catalog: Catalog
    var context = QueryContext()
    var options: RenderOptions
    /// Where results go (stdout, or a file after `.output FILE`).
    var sink: (String) -> Void = Output.write

    init(connections: Connections, options: RenderOptions) throws {
        self.connections = connections
        self.catalog = try CatalogLoader.load(connections.reader)
        self.options = options
        context.displayUnit = options.unit
    }

    /// Runs one line (one or more statements separated by `;`). Stops at the first failing
    /// statement; false when one failed (its diagnostic is already on stderr).
    @discardableResult
    func run(_ line: String, file: String, lineNumber: Int) -> Bool {
        for result in Parser.parse(line: line) {
            do {
                switch result {
                case .success(let parsed):
                    do {
                        try execute(try Checker(catalog: catalog, context: context).prepare(parsed))
                    } catch var diagnostic as Diagnostic where diagnostic.span == nil {
                        diagnostic.span = parsed.span
                        throw diagnostic
                    }
                case .failure(let diagnostic):
                    throw diagnostic
                }
            } catch let diagnostic as Diagnostic {
                Output.note(DiagnosticRenderer.render(diagnostic, file: file, line: lineNumber, lineText: line), newline: false)
                return false
            } catch {
                Output.error(error)
                return false
            }
        }
        return true
    }

    private func execute(_ prepared: PreparedStatement) throws {
        switch prepared {
        case .query(let query):
            try stream(query)
        case .explain(let query):
            sink(query.explanation + "\n")
        case .rawSQL(let sql):
            try streamRaw(sql)
        case .useUnit(let unit):
            context.units = [unit.id]
        case .useYear(let year):
            context.year = year
        case .useAll:
            context.units = []
            context.year = nil
        case .check:
            throw Diagnostic(code: "Q301", message: "check（一致性核对）尚未提供")
        }
    }

    /// Runs a compiled query on the read-only connection and streams its rows to the writer.
    private func stream(_ query: SQLQuery) throws {
        let statement = try storeCall { try connections.reader.prepare(query.text) }
        let cursor = try storeCall { try statement.rows(query.parameters.map(Self.value)) }
        let writer = ResultWriter(shape: query.shape, options: options, sink: sink)
        while let values = try storeCall({ try cursor.next() }) {
            writer.write(query.makeRow(values.map(Self.cell)))
        }
        writer.finish()
    }

    /// `sql …`: one read-only statement; every column shown as text.
    private func streamRaw(_ sql: String) throws {
        let statement = try storeCall { try connections.reader.prepare(sql) }
        guard statement.isReadOnly else {
            throw Diagnostic(code: "Q302", message: "sql 只能执行只读查询（SELECT、WITH …）")
        }
        let columns = statement.columnNames.map { ResultColumn(name: $0, title: $0, kind: .text) }
        let cursor = try storeCall { try statement.rows() }
        let writer = ResultWriter(shape: ResultShape(columns: columns), options: options, sink: sink)
        while let values = try storeCall({ try cursor.next() }) {
            writer.write(ResultRow(cells: values.map(Self.textCell)))
        }
        writer.finish()
    }

    /// Turns store errors into diagnostics: interrupted, or SQLite's message.
    private func storeCall<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError where error.isInterrupt {
            throw Diagnostic(code: "Q303", message: "查询已中断")
        } catch let error as StoreError {
            throw Diagnostic(code: "Q304", message: "SQLite：\(error.message)")
        }
    }

    static func value(_ parameter: SQLParameter) -> Value {
        switch parameter {
        case .integer(let number): return .integer(number)
        case .text(let text): return .text(text)
        case .null: return .null
        }
    }

    static func cell(_ value: Value) -> Cell {
        switch value {
        case .null: return .null
        case .integer(let number): return .integer(number)
        case .text(let text): return .text(text)
        case .real(let number): return .text(String(number))
        case .blob(let bytes): return .text("<\(bytes.count) 字节>")
        }
    }

    static func textCell(_ value: Value) -> Cell {
        if case .integer(let number) = value { return .text(String(number)) }
        return cell(value)
    }
}
