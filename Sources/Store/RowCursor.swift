/// Streams the rows of one statement: one `[Value]` at a time, so memory stays flat.
///
/// `IteratorProtocol.next()` cannot throw, so the cursor offers its own throwing `next()`:
/// `while let row = try cursor.next() { … }`.
public final class RowCursor {
    /// The statement being stepped.
    public let statement: Statement
    private var finished = false

    init(statement: Statement) {
        self.statement = statement
    }

    /// Result column names.
    public var columnNames: [String] { statement.columnNames }

    /// The next row, or nil once the statement is done (and on every later call).
    public func next() throws -> [Value]? {
        try advance() ? statement.row() : nil
    }

    /// Steps to the next row, to be read with `statement.column(_:)`; false once done.
    public func advance() throws -> Bool {
        guard !finished else { return false }
        do {
            if try statement.step() { return true }
        } catch {
            finished = true
            throw error
        }
        finished = true
        statement.reset()
        return false
    }
}
