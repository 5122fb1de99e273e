import Core
import Foundation
import QueryLanguage
import Store
import XCTest

/// Runs statements of the language end to end on a database, as the session does:
/// parse, check against the catalog, compile, execute on the read-only connection.
struct QueryHarness {
    let connections: Connections
    var context = QueryContext()

    init(_ connections: Connections) {
        self.connections = connections
    }

    /// The seed data, in memory.
    static func seed() throws -> QueryHarness { QueryHarness(try Connections.memory()) }

    /// The catalog as a session opens it (units, projects and codes read on demand).
    var catalog: Catalog {
        get throws { try CatalogLoader.open(connections.reader) }
    }

    /// Parses and checks one statement.
    func prepare(_ line: String) throws -> PreparedStatement {
        let results = Parser.parse(line: line)
        guard results.count == 1 else { throw Diagnostic(code: "T000", message: "expected one statement in \(line)") }
        return try Checker(catalog: try catalog, context: context).prepare(try results[0].get())
    }

    func compile(_ line: String) throws -> SQLQuery {
        guard case .query(let query) = try prepare(line) else { throw Diagnostic(code: "T001", message: "not a query: \(line)") }
        return query
    }

    /// Runs a data statement and returns its rows.
    func rows(_ line: String) throws -> [ResultRow] {
        let query = try compile(line)
        let cursor = try connections.reader.prepare(query.text).rows(query.parameters.map(Value.init))
        var rows: [ResultRow] = []
        while let values = try cursor.next() {
            let cells = values.map(\.cell)
            if query.note(in: cells) == nil { rows.append(query.makeRow(cells)) }
        }
        return rows
    }

    /// The notes a data statement gives: those known before it runs, then those its rows carry.
    func notes(_ line: String) throws -> [String] {
        let query = try compile(line)
        let cursor = try connections.reader.prepare(query.text).rows(query.parameters.map(Value.init))
        var notes = query.notes
        while let values = try cursor.next() {
            if let note = query.note(in: values.map(\.cell)) { notes.append(note) }
        }
        return notes
    }

    /// The diagnostic a statement fails with.
    func diagnostic(_ line: String) -> Diagnostic? {
        do {
            _ = try prepare(line)
            return nil
        } catch let diagnostic as Diagnostic {
            return diagnostic
        } catch {
            return nil
        }
    }
}

extension ResultRow {
    /// A cell as a plain string for assertions: integers as digits, null as "∅".
    func text(_ index: Int) -> String {
        guard index < cells.count else { return "?" }
        switch cells[index] {
        case .null: return "∅"
        case .integer(let number): return String(number)
        case .text(let text): return text
        }
    }

    func integer(_ index: Int) -> Int64? {
        guard index < cells.count, case .integer(let number) = cells[index] else { return nil }
        return number
    }
}
