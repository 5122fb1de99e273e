import Store

/// What `dq --version` prints: the program's version, the database schema it writes and
/// reads, and the SQLite library it runs on.
enum VersionInfo {
    static let version = "0.1.0"

    static var text: String {
        let sqlite = (try? Database(.memory).scalar("SELECT sqlite_version()"))??.description ?? "未知"
        return """
            dq \(version)
            数据库结构版本 \(DatabaseSetup.schemaVersion)
            SQLite \(sqlite.replacingOccurrences(of: "'", with: ""))

            """
    }
}
