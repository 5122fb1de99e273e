import ArgumentParser
import Store

/// `--db FILE` or `--memory`: which database a command reads.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("数据库文件（须已存在；新建用 dq init；默认 $XDG_DATA_HOME/dq/dq.sqlite）", valueName: "文件"))
    var db: String?

    @Flag(name: .long, help: "使用内存中的种子数据副本")
    var memory = false

    func validate() throws {
        if memory && db != nil { throw ValidationError("--memory 与 --db 不能同时使用") }
    }

    /// Opens the chosen database (the default one when neither option is given).
    func open() throws -> Connections {
        try Self.open(db: db, memory: memory)
    }

    /// Opens `db`, the in-memory seed copy with `memory`, else the default database.
    static func open(db: String?, memory: Bool) throws -> Connections {
        if memory { return try Connections.memory() }
        if let db { return try Connections.existing(path: db) }
        return try Connections.defaultDatabase(path: DataPaths.defaultDatabase())
    }
}
