/// Why a database could not be created or opened as a dq database.
public enum SetupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `init` refuses to overwrite an existing file.
    case alreadyExists(path: String)
    /// `--db FILE` names a file that does not exist.
    case missing(path: String)
    /// The file is a SQLite database without the dq schema.
    case notADqDatabase(path: String)
    /// The database was made by another schema version.
    case schemaVersion(path: String, found: Int, expected: Int)
    /// The database holds seed data other than the embedded one.
    case seedData(path: String)
    /// No home directory to put the default database in.
    case noHome
    /// The database file or its directory cannot be created.
    case cannotCreate(path: String, reason: String)

    /// Store diagnostic code (S1xx: database set-up).
    public var code: String {
        switch self {
        case .alreadyExists: return "S101"
        case .missing: return "S102"
        case .notADqDatabase: return "S103"
        case .schemaVersion: return "S104"
        case .seedData: return "S105"
        case .noHome: return "S106"
        case .cannotCreate: return "S107"
        }
    }

    public var description: String {
        switch self {
        case .alreadyExists(let path):
            return "数据库文件已存在，不会覆盖：\(path)"
        case .missing(let path):
            return "数据库文件不存在：\(path)（新建请用 dq init --db \(path)）"
        case .notADqDatabase(let path):
            return "不是 dq 数据库：\(path)"
        case .schemaVersion(let path, let found, let expected):
            return "数据库 \(path) 的结构版本为 \(found)，本程序需要版本 \(expected)；请用 dq init 新建数据库并重新导入文件"
        case .seedData(let path):
            return "数据库 \(path) 的结构或内置数据与本程序不一致；请用 dq init 新建数据库并重新导入文件"
        case .noHome:
            return "找不到主目录：请设置 HOME 或 XDG_DATA_HOME，或用 --db 指定数据库文件"
        case .cannotCreate(let path, let reason):
            return "无法创建 \(path)：\(reason)（请检查权限，或用 --db 指定数据库文件）"
        }
    }
}
