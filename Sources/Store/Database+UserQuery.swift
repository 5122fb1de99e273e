import CSQLite

/// SQL typed by the user (`sql …`): compiled only when it cannot change the session.
extension Database {
    /// Compiles one statement typed by the user, refusing (SQLITE_AUTH, `isSessionChange`)
    /// what would change the connection rather than read: BEGIN/COMMIT/ROLLBACK, SAVEPOINT
    /// and RELEASE, ATTACH and DETACH, and PRAGMA with an argument other than the read-only
    /// schema queries (`table_info(t)` …). A `BEGIN` would pin the session to one snapshot;
    /// `PRAGMA query_only = 0` would lift its protection.
    public func prepareUserQuery(_ sql: String) throws -> Statement {
        sqlite3_set_authorizer(handle, userQueryAuthorizer, nil)
        defer { sqlite3_set_authorizer(handle, nil, nil) }
        return try prepare(sql)
    }
}

extension StoreError {
    /// True when `prepareUserQuery` refused a statement that would change the session.
    public var isSessionChange: Bool { code & 0xff == SQLITE_AUTH }
}

/// PRAGMAs that only read, allowed with an argument.
private let readingPragmas: Set<String> = [
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    "foreign_key_check", "integrity_check", "quick_check",
]

private func userQueryAuthorizer(_: UnsafeMutableRawPointer?, _ action: Int32, _ first: UnsafePointer<CChar>?,
                                 _ second: UnsafePointer<CChar>?, _: UnsafePointer<CChar>?, _: UnsafePointer<CChar>?) -> Int32 {
    switch action {
    case SQLITE_TRANSACTION, SQLITE_SAVEPOINT, SQLITE_ATTACH, SQLITE_DETACH:
        return SQLITE_DENY
    case SQLITE_PRAGMA:
        guard second != nil else { return SQLITE_OK }
        let name = first.map { String(cString: $0).lowercased() } ?? ""
        return readingPragmas.contains(name) ? SQLITE_OK : SQLITE_DENY
    default:
        return SQLITE_OK
    }
}
