/// Rows written many at a time: one multi-row INSERT per chunk of rows instead of one statement
/// per row. Each statement that writes inside a transaction costs a statement journal (every
/// page it changes copied first) and a savepoint of each full-text index, whatever the number
/// of rows: per row, that was most of the writer's time.
extension DocumentWriter {
    /// Rows per statement (for a fact, 20 columns: 640 parameters, far below SQLite's limit).
    static let rowsPerStatement = 32

    /// Inserts `count` rows into `table` and returns their row ids, in order: `bind(&parameters,
    /// index)` binds row `index`'s values, one per column in `columns`' order, straight into the
    /// statement (a table is always written with the same columns: its statements are kept by
    /// table and number of rows). A chunk that breaks a constraint is undone by SQLite and
    /// inserted again row by row, so that `failure` names the row that breaks it (`line(index)`
    /// is its source line).
    func insertRows(into table: String, columns: [String], count: Int, line: (Int) -> Int,
                    failure: (Int, StoreError) -> Error,
                    bind: (inout Parameters, Int) throws -> Void) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(count)
        var start = 0
        while start < count {
            let chunk = min(Self.rowsPerStatement, count - start)
            let statement = try insertStatement(table, columns, rows: chunk)
            do {
                var parameters = statement.parameters()
                for index in start..<start + chunk { try bind(&parameters, index) }
                try parameters.checkComplete()
                while try statement.step() {}
                // A new row's id is one more than the largest: the chunk's ids are consecutive.
                let last = database.lastInsertRowID
                ids.append(contentsOf: (last - Int64(chunk) + 1)...last)
            } catch let error as StoreError where error.isConstraint {
                let single = try insertStatement(table, columns, rows: 1)
                for index in start..<start + chunk {
                    do {
                        var parameters = single.parameters()
                        try bind(&parameters, index)
                        try parameters.checkComplete()
                        while try single.step() {}
                    } catch let error as StoreError where error.isConstraint {
                        throw failure(line(index), error)
                    }
                    ids.append(database.lastInsertRowID)
                }
            }
            start += chunk
        }
        return ids
    }

    /// What an INSERT of `insertRows` is kept by: its table and number of rows.
    struct InsertKey: Hashable {
        let table: String
        let rows: Int
    }

    /// The INSERT of `rows` rows into `table`, compiled on first use.
    func insertStatement(_ table: String, _ columns: [String], rows: Int) throws -> Statement {
        let key = InsertKey(table: table, rows: rows)
        if let statement = insertStatements[key] { return statement }
        let statement = try database.prepare(Self.insertSQL(table, columns, rows: rows))
        insertStatements[key] = statement
        return statement
    }

    static func insertSQL(_ table: String, _ columns: [String], rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }
}
