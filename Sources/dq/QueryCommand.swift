import ArgumentParser
import Foundation
import QueryLanguage
import Store

/// `dq [--db FILE | --memory] [-c QUERY | -f SCRIPT]`: one query, a script, piped input,
/// or the interactive prompt.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "执行查询：-c 一条、-f 脚本、管道输入，或进入交互界面（默认子命令）。")

    @Option(name: .long, help: "数据库文件（须已存在；新建用 dq init）")
    var db: String?

    @Flag(name: .long, help: "使用内存中的种子数据副本")
    var memory = false

    @Option(name: .customShort("c"), help: "执行查询（多条用 ; 分隔）后退出")
    var command: String?

    @Option(name: .customShort("f"), help: "执行脚本文件（- 表示标准输入）")
    var script: String?

    @Flag(name: .long, help: "脚本出错后继续执行后面的行（退出码仍为 1）")
    var keepGoing = false

    @OptionGroup var format: FormatOptions

    func validate() throws {
        if memory && db != nil { throw ValidationError("--memory 与 --db 不能同时使用") }
        if command != nil && script != nil { throw ValidationError("-c 与 -f 不能同时使用") }
    }

    func run() throws {
        let console = Console()
        let session: Session
        do {
            session = try Session(connections: try openConnections(), options: format.renderOptions(), console: console)
            session.keepGoing = keepGoing
        } catch {
            console.error(error)
            throw ExitCode(1)
        }
        var succeeded = true
        if let command {
            succeeded = runLines(command, file: "<command-line>", in: session)
        } else if let script, script != "-" {
            // Read through a handle, not by size: `-f <(…)` names a pipe.
            guard let handle = FileHandle(forReadingAtPath: script), let data = try? handle.readToEnd() ?? Data(),
                  let text = String(data: data, encoding: .utf8) else {
                console.note("dq: error[E001]: 无法读取脚本文件：\(script)")
                throw ExitCode(1)
            }
            succeeded = runLines(text, file: script, in: session)
        } else if script == nil && isatty(STDIN_FILENO) == 1 {
            REPL(session: session).run()
        } else {
            succeeded = runLines(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self),
                                 file: "<stdin>", in: session)
        }
        console.flush()
        if !succeeded { throw ExitCode(1) }
    }

    /// Runs each line; stops at the first failure unless --keep-going.
    private func runLines(_ text: String, file: String, in session: Session) -> Bool {
        session.runScript(text, file: file)
    }

    private func openConnections() throws -> Connections {
        if memory { return try Connections.memory() }
        if let db { return try Connections.existing(path: db) }
        return try Connections.defaultDatabase(path: DataPaths.defaultDatabase())
    }
}
