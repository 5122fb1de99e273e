import ArgumentParser
import Core
import Foundation
import Render
import Store

/// One query run as plain values: what `dq [options] [-c QUERY | -f SCRIPT]` asks for. Built
/// by `QueryCommand` from the parsed options, or by `DirectInvocation` from a plain command line.
struct QueryRun: Equatable {
    var db: String?
    var memory = false
    var command: String?
    var script: String?
    var keepGoing = false
    var noInit = false
    var format: OutputFormat?
    var unit: MoneyUnit = .tenThousandYuan
    var noHeader = false
    var bom = false

    /// Runs the query, the script, piped input or the interactive prompt; throws `ExitCode(1)`
    /// when the database cannot be opened or a statement failed.
    func run() throws {
        let console = Console()
        let session: Session
        do {
            session = try Session(connections: try DatabaseOptions.open(db: db, memory: memory),
                                  options: FormatOptions.renderOptions(format: format, unit: unit, noHeader: noHeader, bom: bom),
                                  console: console)
            session.keepGoing = keepGoing
        } catch {
            console.error(error)
            throw ExitCode(1)
        }
        if !noInit { runInitFile(in: session) }
        var succeeded = true
        if let command {
            succeeded = session.runScript(command, file: "<command-line>")
        } else if let script, script != "-" {
            // Read through a handle, not by size: `-f <(…)` names a pipe.
            guard let handle = FileHandle(forReadingAtPath: script), let data = try? handle.readToEnd() ?? Data(),
                  let text = String(data: data, encoding: .utf8) else {
                console.note("dq: error[E001]: 无法读取脚本文件：\(script)")
                throw ExitCode(1)
            }
            succeeded = session.runScript(text, file: script)
        } else if script == nil && isatty(STDIN_FILENO) == 1 {
            REPL(session: session).run()
        } else {
            succeeded = session.runScript(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self),
                                          file: "<stdin>")
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
}
