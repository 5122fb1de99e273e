import ArgumentParser
import Store

/// `dq [--db FILE | --memory] [-c QUERY]`: the REPL on a database, or one query.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "打开查询界面，或用 -c 执行一条查询（默认子命令）。")

    @Option(name: .long, help: "数据库文件（须已存在；新建用 dq init）")
    var db: String?

    @Flag(name: .long, help: "使用内存中的种子数据副本")
    var memory = false

    @Option(name: .customShort("c"), help: "执行一条查询后退出")
    var command: String?

    func validate() throws {
        if memory && db != nil { throw ValidationError("--memory 与 --db 不能同时使用") }
    }

    func run() throws {
        let connections: Connections
        do {
            connections = try openConnections()
        } catch {
            Output.error(error)
            throw ExitCode(1)
        }
        let session = Session(connections: connections)
        if let command {
            if !session.run(command) { throw ExitCode(1) }
            return
        }
        session.runInteractive()
    }

    private func openConnections() throws -> Connections {
        if memory { return try Connections.memory() }
        if let db { return try Connections.existing(path: db) }
        return try Connections.defaultDatabase(path: DataPaths.defaultDatabase())
    }
}
