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

/// Writes `ImportedDocument`s into a database, each in its own transaction (or its own
/// savepoint of a batch, `beginBatch()`): the unit (found by
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
    /// The multi-row INSERTs of `insertRows`, by table and number of rows (their SQL is long:
    /// built once, and found by a small key).
    var insertStatements: [InsertKey: Statement] = [:]
    private var catalog: DocumentCatalog?
    /// Paragraphs written in the open batch and not yet in `paragraph_fts` (see `beginBatch`).
    var unindexedParagraphs: [Int64] = []
    /// True between `beginBatch()` and `commitBatch()` / `rollbackBatch()`.
    public private(set) var isInBatch = false

    public init(database: Database) {
        self.database = database
    }

    /// Writes one document: in its own transaction, or inside the open batch as one savepoint
    /// (`beginBatch`). Either way a failure leaves the database exactly as before the document.
    public func write(_ document: ImportedDocument, replace: Bool = false) throws -> Outcome {
        do {
            guard isInBatch else {
                defer { unindexedParagraphs = [] }
                return try database.transaction {
                    let outcome = try writeRows(document, replace: replace)
                    try indexParagraphs()
                    return outcome
                }
            }
            return try writeInSavepoint(document, replace: replace)
        } catch let error as DocumentWriteError {
            throw error
        } catch let error as StoreError {
            throw DocumentWriteError(code: "I112", message: "写入数据库失败：\(error.explanation)")
        }
    }

    // MARK: - Batches: many documents per transaction

    /// Opens one write transaction for the documents that follow (`dq import` of many files):
    /// each `write` is then a savepoint inside it, released when the document is written and
    /// rolled back when it fails, so a bad file still changes nothing. The batch's paragraphs are
    /// full-text indexed together by `commitBatch()`, in one statement: indexing document by
    /// document builds and merges a small index segment per document, several times the work.
    /// Nothing of the batch is visible to other connections, nor durable, before `commitBatch()`.
    public func beginBatch() throws {
        precondition(!isInBatch, "a batch is already open")
        do {
            try database.beginImmediate()
        } catch let error as StoreError {
            throw DocumentWriteError(code: "I112", message: "写入数据库失败：\(error.explanation)")
        }
        unindexedParagraphs = []
        isInBatch = true
    }

    /// Indexes the batch's paragraphs and commits it. On failure the whole batch is rolled back
    /// (the database is as before `beginBatch()`) and the error thrown.
    public func commitBatch() throws {
        precondition(isInBatch, "no batch is open")
        isInBatch = false
        do {
            try indexParagraphs()
            try database.execute("COMMIT")
        } catch {
            if database.isInTransaction { try? database.execute("ROLLBACK") }
            unindexedParagraphs = []
            if let error = error as? StoreError {
                throw DocumentWriteError(code: "I112", message: "写入数据库失败：\(error.explanation)")
            }
            throw error
        }
    }

    /// Abandons the open batch: every document written in it is undone.
    public func rollbackBatch() {
        guard isInBatch else { return }
        isInBatch = false
        unindexedParagraphs = []
        if database.isInTransaction { try? database.execute("ROLLBACK") }
    }

    private func writeInSavepoint(_ document: ImportedDocument, replace: Bool) throws -> Outcome {
        guard database.isInTransaction else { throw abandonBatch() }
        let unindexed = unindexedParagraphs
        // Compiled once (`run`): `execute` would parse them again for every document.
        try run("SAVEPOINT document")
        do {
            let outcome = try writeRows(document, replace: replace)
            try run("RELEASE document")
            return outcome
        } catch {
            // Undoes the document, and any indexing it did of earlier documents' paragraphs.
            try? database.execute("ROLLBACK TO document")
            try? database.execute("RELEASE document")
            unindexedParagraphs = unindexed
            // Some failures (a full disk, an I/O error) make SQLite roll back the whole
            // transaction: the batch's earlier documents are gone too.
            guard database.isInTransaction else { throw abandonBatch() }
            throw error
        }
    }

    /// Ends a batch whose transaction SQLite has rolled back; the error says so.
    private func abandonBatch() -> DocumentWriteError {
        isInBatch = false
        unindexedParagraphs = []
        return DocumentWriteError(code: "I112", message: "写入数据库失败：本批写入已被撤销")
    }

    private func writeRows(_ document: ImportedDocument, replace: Bool) throws -> Outcome {
        let catalog = try self.catalog ?? DocumentCatalog(reading: self)
        self.catalog = catalog
        return try DocumentTransaction(writer: self, catalog: catalog, document: document).run(replace: replace)
    }

    /// Adds the paragraphs written since the last call to `paragraph_fts`, in one statement and
    /// in rowid order (so that the full-text index takes them as one run). Called before a
    /// disclosure is deleted too: its paragraphs must be in the index to be taken out of it.
    func indexParagraphs() throws {
        guard !unindexedParagraphs.isEmpty else { return }
        let ids = "[" + unindexedParagraphs.map(String.init).joined(separator: ",") + "]"
        try run("""
            INSERT INTO paragraph_fts(rowid, body)
            SELECT id, body FROM paragraph WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id
            """, [.text(ids)])
        unindexedParagraphs = []
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
    /// A handful of ids each: searched in order, cheaper than hashing every fact's.
    let funds: [String]
    let columns: [String]

    init(reading writer: DocumentWriter) throws {
        var measureFunds: [String: String] = [:]
        for row in try writer.rows("SELECT id, fund_id FROM measure") {
            if let id = row[0].string, let fund = row[1].string { measureFunds[id] = fund }
        }
        self.measureFunds = measureFunds
        funds = try writer.rows("SELECT id FROM fund").compactMap { $0[0].string }
        columns = try writer.rows("SELECT id FROM fact_column").compactMap { $0[0].string }
    }
}
