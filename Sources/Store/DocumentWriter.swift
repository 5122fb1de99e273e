import Core
import Foundation

/// Why a read document could not be written; the database is unchanged.
public struct DocumentWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// I110 conflict with a loaded disclosure, I111 invalid document, I112 database failure.
    public let code: String
    /// The line of the source file the problem is on, where there is one.
    public let line: Int?
    /// The message without the file name (Chinese).
    public let message: String

    public init(code: String, line: Int? = nil, message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "第 \($0) 行：" + message } ?? message }

    static func conflict(unit: String, year: Int, kind: String, existing: Int64, file: String) -> DocumentWriteError {
        DocumentWriteError(code: "I110", message: "单位「\(unit)」\(year) 年度的\(kind)已载入（第 \(existing) 号披露，来自 \(file)）；"
                           + "如要以此文件替换，请加 --replace")
    }

    static func invalid(_ message: String, line: Int? = nil) -> DocumentWriteError {
        DocumentWriteError(code: "I111", line: line, message: message)
    }
}

/// Writes `ImportedDocument`s into a database, each in its own transaction: the unit (found by
/// name or alias in its region, else created), its aliases and subunits, the disclosure, and its
/// facts, statements, projects and paragraphs, mapping the document's local indexes to row ids.
/// On any error the transaction rolls back and the database is exactly as before.
///
/// One writer serves a whole import: its SQL is compiled once and reused for every document,
/// and the catalog it validates against (measures, funds, columns) is read once. Use it from
/// one thread at a time, like its connection.
public final class DocumentWriter {
    public enum Outcome: Equatable, Sendable {
        /// Written as disclosure `disclosureID`; `replaced` is the id of the disclosure it replaced.
        case imported(disclosureID: Int64, unitID: Int64, replaced: Int64?)
        /// A disclosure with the same sha256 is already loaded; nothing changed.
        case alreadyLoaded(disclosureID: Int64)
    }

    public let database: Database
    private var statements: [String: Statement] = [:]
    private var catalog: DocumentCatalog?

    public init(database: Database) {
        self.database = database
    }

    /// Writes one document in one transaction.
    public func write(_ document: ImportedDocument, replace: Bool = false) throws -> Outcome {
        do {
            return try database.transaction {
                let catalog = try self.catalog ?? DocumentCatalog(reading: self)
                self.catalog = catalog
                return try DocumentTransaction(writer: self, catalog: catalog, document: document).run(replace: replace)
            }
        } catch let error as DocumentWriteError {
            throw error
        } catch let error as StoreError {
            throw DocumentWriteError(code: "I112", message: "写入数据库失败：\(error.explanation)")
        }
    }

    /// Writes one document with a writer of its own (a single import).
    public static func write(_ document: ImportedDocument, into database: Database, replace: Bool = false) throws -> Outcome {
        try DocumentWriter(database: database).write(document, replace: replace)
    }

    /// The unit (by name or alias, in `region`), or nil.
    public static func findUnit(named name: String, region: String, in database: Database) throws -> Int64? {
        try DocumentWriter(database: database).findUnit(named: name, region: region)
    }

    func findUnit(named name: String, region: String) throws -> Int64? {
        if let id = try scalar("SELECT id FROM unit WHERE name = ? AND region = ?", [.text(name), .text(region)])?.int64 {
            return id
        }
        return try scalar("""
            SELECT u.id FROM unit_alias a JOIN unit u ON u.id = a.unit_id
            WHERE a.alias = ? AND u.region = ? ORDER BY u.parent_id IS NOT NULL, u.id LIMIT 1
            """, [.text(name), .text(region)])?.int64
    }

    // MARK: - Compiled once, run many times

    /// `sql` compiled on first use and kept for the writer's lifetime.
    func statement(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try database.prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Runs `sql` (an INSERT, UPDATE or DELETE) with `params`.
    func run(_ sql: String, _ params: [Value] = []) throws {
        let statement = try statement(sql)
        try statement.bind(params)
        while try statement.step() {}
    }

    /// Every row of `sql` (for small results); the statement is reset afterwards.
    func rows(_ sql: String, _ params: [Value] = []) throws -> [[Value]] {
        let statement = try statement(sql)
        try statement.bind(params)
        defer { statement.reset() }
        var rows: [[Value]] = []
        while try statement.step() { rows.append(statement.row()) }
        return rows
    }

    /// The first row of `sql`, or nil; the statement is reset afterwards.
    func firstRow(_ sql: String, _ params: [Value] = []) throws -> [Value]? {
        let statement = try statement(sql)
        try statement.bind(params)
        defer { statement.reset() }
        return try statement.step() ? statement.row() : nil
    }

    /// The first column of the first row of `sql`, or nil.
    func scalar(_ sql: String, _ params: [Value] = []) throws -> Value? {
        try firstRow(sql, params)?.first
    }
}

/// What a document is validated against: the catalog's measures (with their funds), funds and
/// fact columns. Fixed by the seed, so read once per writer.
struct DocumentCatalog {
    let measureFunds: [String: String]
    let funds: Set<String>
    let columns: Set<String>

    init(reading writer: DocumentWriter) throws {
        var measureFunds: [String: String] = [:]
        for row in try writer.rows("SELECT id, fund_id FROM measure") {
            if let id = row[0].string, let fund = row[1].string { measureFunds[id] = fund }
        }
        self.measureFunds = measureFunds
        funds = Set(try writer.rows("SELECT id FROM fund").compactMap { $0[0].string })
        columns = Set(try writer.rows("SELECT id FROM fact_column").compactMap { $0[0].string })
    }
}
