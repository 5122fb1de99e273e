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

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("执行查询（多条用 ; 分隔）后退出", valueName: "查询"))
    var command: String?

    @Option(name: .customShort("f"), help: ArgumentHelp("执行脚本文件（- 表示标准输入）", valueName: "脚本"))
    var script: String?

    @Flag(name: .long, help: "脚本出错后继续执行后面的行（退出码仍为 1）")
    var keepGoing = false

    @Flag(name: .long, help: "不执行启动文件 $XDG_CONFIG_HOME/dq/dqrc")
    var noInit = false

    @OptionGroup var format: FormatOptions

    func validate() throws {
        if command != nil && script != nil { throw ValidationError("-c 与 -f 不能同时使用") }
    }

    func run() throws {
        let console = Console()
        let session: Session
        do {
            session = try Session(connections: try database.open(), options: format.renderOptions(), console: console)
            session.keepGoing = keepGoing
        } catch {
            console.error(error)
            throw ExitCode(1)
        }
        if !noInit { runInitFile(in: session) }
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

    /// Runs the init file's statements and meta-commands, when there is one; its errors are
    /// reported and do not stop the session.
    private func runInitFile(in session: Session) {
        guard let path = try? DataPaths.initFile(), FileManager.default.fileExists(atPath: path) else { return }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            session.console.note("dq: error[E001]: 无法读取启动文件：\(path)")
            return
        }
        let keepGoing = session.keepGoing
        session.keepGoing = true
        _ = session.runScript(text, file: path)
        session.keepGoing = keepGoing
        session.console.flush()
    }

    /// Runs each line; stops at the first failure unless --keep-going.
    private func runLines(_ text: String, file: String, in session: Session) -> Bool {
        session.runScript(text, file: file)
    }
}
