import Foundation
import QueryLanguage
import Store

/// The interactive prompt: a thin loop over the session with libedit line editing.
struct REPL {
    let session: Session

    func run() {
        if isatty(STDOUT_FILENO) == 1 {
            session.console.note("dq：部门决算查询。输入 .help 查看帮助，Ctrl-D 退出。")
        }
        let editor = LineEditor(historyPath: try? DataPaths.history(), completer: completer())
        session.stopRequested = LineEditor.interruptPending
        var number = 0
        while !session.finished {
            InterruptTarget.register(session.connections.reader)
            switch editor.read(prompt: session.prompt) {
            case .end:
                session.console.note("")
                return
            case .interrupted:
                continue
            case .line(let line):
                number += 1
                editor.remember(line)
                session.run(line, file: "<stdin>", lineNumber: number)
                session.console.flush()
                _ = LineEditor.takeInterrupt()
                editor.update(completer())
            }
        }
    }

    private func completer() -> ShellCompleter {
        ShellCompleter(language: Completer(catalog: session.catalog, metaCommands: MetaCommand.all.map(\.name)),
                       database: session.connections.reader)
    }
}
