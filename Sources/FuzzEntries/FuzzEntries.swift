import Core
import Foundation
import Importer
import QueryLanguage
import Store

/// The code under fuzzing, shared by the libFuzzer targets (FuzzQuery, FuzzImport) and the
/// test that replays the regression corpus (Tests/FuzzTests): one input, every stage a user's
/// input goes through. Nothing here may crash; errors are the expected outcome.
public enum FuzzEntries {
    /// The seed database the query target checks and runs against (made once).
    nonisolated(unsafe) private static var seeded: (connections: Connections, catalog: Catalog)?

    /// A query line: parse, check against the seed catalog, compile, and run the SQL (at most
    /// a few rows). Returns the number of statements that compiled.
    @discardableResult
    public static func query(_ bytes: [UInt8]) -> Int {
        if seeded == nil, let connections = try? Connections.memory(), let catalog = try? CatalogLoader.load(connections.reader) {
            seeded = (connections, catalog)
        }
        guard let (connections, catalog) = seeded else { return 0 }
        let line = String(decoding: bytes, as: UTF8.self)
        var compiled = 0
        for result in Parser.parse(line: line) {
            guard case .success(let parsed) = result,
                  let prepared = try? Checker(catalog: catalog, context: QueryContext()).prepare(parsed) else { continue }
            compiled += 1
            let sql: (text: String, parameters: [Value])?
            switch prepared {
            case .query(let query), .explain(let query): sql = (query.text, query.parameters.map(Value.init))
            case .rawSQL(let text): sql = (text, [])
            default: sql = nil
            }
            guard let sql else { continue }
            let statement: Store.Statement?
            if case .rawSQL = prepared { statement = try? connections.reader.prepareUserQuery(sql.text) } else {
                // Compiled SQL must always prepare: a failure here is a bug in the compiler.
                do { statement = try connections.reader.prepare(sql.text) } catch {
                    preconditionFailure("compiled SQL does not prepare: \(error)\n\(sql.text)")
                }
            }
            guard let statement, let cursor = try? statement.rows(statement.parameterCount == sql.parameters.count ? sql.parameters : []) else { continue }
            for _ in 0..<5 { guard (try? cursor.next()) != nil else { break } }
        }
        return compiled
    }

    /// A document's bytes: decode (PDF excluded: it runs an external program), read with the
    /// template reader, and write into a fresh empty database. Returns true when written.
    @discardableResult
    public static func importDocument(_ bytes: [UInt8]) -> Bool {
        guard !bytes.starts(with: Array("%PDF-".utf8)) else { return false }
        guard let text = try? TextDecoder.decode(bytes, sourceFile: "fuzz.txt"),
              let result = try? DocumentImporter.read(text),
              let connections = try? Connections.memory(contents: .empty) else { return false }
        guard case .imported? = try? DocumentWriter.write(result.document, into: connections.writer) else { return false }
        return true
    }
}
