/// Rows written many at a time: one multi-row INSERT per chunk of rows instead of one statement
/// per row. Each statement that writes inside a transaction costs a statement journal (every
/// page it changes copied first) and a savepoint of each full-text index, whatever the number
/// of rows: per row, that was most of the writer's time.
extension DocumentWriter {
    /// Rows per statement (for a fact, 20 columns: 640 parameters, far below SQLite's limit).
    static let rowsPerStatement = 32

    /// Inserts `rows` (each `columns.count` values) into `table` and returns their row ids, in
    /// order. A chunk that breaks a constraint is undone by SQLite and inserted again row by row,
    /// so that `failure` names the row that breaks it (`line(index)` is its source line).
    func insertRows(into table: String, columns: [String], _ rows: [[Value]], line: (Int) -> Int,
                    failure: (Int, StoreError) -> Error) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(rows.count)
        var start = 0
        while start < rows.count {
            let count = min(Self.rowsPerStatement, rows.count - start)
            let statement = try insertStatement(table, columns, rows: count)
            do {
                try statement.bind(Array(rows[start..<start + count].joined()))
                while try statement.step() {}
                // A new row's id is one more than the largest: the chunk's ids are consecutive.
                let last = database.lastInsertRowID
                ids.append(contentsOf: (last - Int64(count) + 1)...last)
            } catch let error as StoreError where error.isConstraint {
                let single = try insertStatement(table, columns, rows: 1)
                for index in start..<start + count {
                    do {
                        try single.bind(rows[index])
                        while try single.step() {}
                    } catch let error as StoreError where error.isConstraint {
                        throw failure(line(index), error)
                    }
                    ids.append(database.lastInsertRowID)
                }
            }
            start += count
        }
        return ids
    }

    /// What an INSERT of `insertRows` is kept by: its table, columns and number of rows.
    struct InsertKey: Hashable {
        let table: String
        let columns: [String]
        let rows: Int
    }

    /// The INSERT of `rows` rows into `table`, compiled on first use.
    func insertStatement(_ table: String, _ columns: [String], rows: Int) throws -> Statement {
        let key = InsertKey(table: table, columns: columns, rows: rows)
        if let statement = insertStatements[key] { return statement }
        let statement = try self.statement(Self.insertSQL(table, columns, rows: rows))
        insertStatements[key] = statement
        return statement
    }

    static func insertSQL(_ table: String, _ columns: [String], rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }
}
