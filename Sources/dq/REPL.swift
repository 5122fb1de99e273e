import Core
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
        var accumulator = StatementAccumulator()
        while !session.finished {
            InterruptTarget.register(session.connections.reader)
            switch editor.read(prompt: accumulator.isContinuing ? continuationPrompt : session.prompt) {
            case .end:
                if let open = accumulator.flush() { session.run(open.text, file: "<stdin>", lineNumber: open.startLine) }
                session.console.note("")
                return
            case .interrupted:
                accumulator.reset()
                continue
            case .line(let line):
                number += 1
                editor.remember(line)
                guard let statement = accumulator.add(line, number: number) else { continue }
                session.run(statement.text, file: "<stdin>", lineNumber: statement.startLine)
                session.console.flush()
                _ = LineEditor.takeInterrupt()
                editor.update(completer())
            }
        }
    }

    /// The prompt while a statement continues: as wide as the main prompt, ending in `…> `.
    private var continuationPrompt: String {
        let width = DisplayWidth.of(session.prompt)
        return String(repeating: " ", count: max(0, width - 4)) + "..> "
    }

    private func completer() -> ShellCompleter {
        ShellCompleter(language: Completer(catalog: session.catalog, metaCommands: MetaCommand.all.map(\.name)),
                       database: session.connections.reader)
    }
}
