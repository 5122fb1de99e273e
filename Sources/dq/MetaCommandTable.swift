import Core
import Render

/// One dot-command: its name, usage, one-line help, what its argument completes to, and
/// the code that runs it. `MetaCommand.all` drives dispatch, `.help` and completion.
struct MetaCommand: Sendable {
    enum Completion: Sendable {
        case nothing
        case words([String])
        case files
        case tables
        case statements
    }

    let name: String
    let usage: String
    let summary: String
    let completion: Completion
    let run: @Sendable (Session, MetaInvocation) -> Bool

    static let onOff = Completion.words(["on", "off"])

    static let all: [MetaCommand] = [
        MetaCommand(name: ".mode", usage: "FORMAT", summary: "输出格式：" + OutputFormat.allCases.map(\.rawValue).joined(separator: " "),
                    completion: .words(OutputFormat.allCases.map(\.rawValue))) { $0.setFormat($1) },
        MetaCommand(name: ".unit", usage: "元|万元|亿元", summary: "金额显示单位",
                    completion: .words(MoneyUnit.allCases.map(\.rawValue))) { $0.setUnit($1) },
        MetaCommand(name: ".headers", usage: "on|off", summary: "csv/tsv 是否输出表头", completion: onOff) { session, call in
            call.flag { session.options.headers = $0 }
        },
        MetaCommand(name: ".timer", usage: "on|off", summary: "显示每条语句的耗时", completion: onOff) { session, call in
            call.flag { session.showTimer = $0 }
        },
        MetaCommand(name: ".sql", usage: "on|off", summary: "执行前显示编译出的 SQL", completion: onOff) { session, call in
            call.flag { session.showSQL = $0 }
        },
        MetaCommand(name: ".pager", usage: "on|off", summary: "终端上的表格经分页程序显示（$PAGER，默认 less -SRFX）",
                    completion: onOff) { session, call in call.flag { session.usePager = $0 } },
        MetaCommand(name: ".maxrows", usage: "N", summary: "表格最多显示 N 行（0 为不限）", completion: .nothing) { $0.setMaxRows($1) },
        MetaCommand(name: ".output", usage: "[FILE||命令]", summary: "结果写入文件（原地覆盖）或经管道交给命令；不带参数恢复到屏幕",
                    completion: .files) { $0.redirect($1, once: false) },
        MetaCommand(name: ".once", usage: "FILE||命令", summary: "只把下一行的结果写入文件或交给命令", completion: .files) {
            $0.redirect($1, once: true)
        },
        MetaCommand(name: ".show", usage: "", summary: "显示当前设置", completion: .nothing) { $0.showSettings($1) },
        MetaCommand(name: ".tables", usage: "", summary: "列出数据库中的表与视图", completion: .nothing) { $0.listTables($1) },
        MetaCommand(name: ".schema", usage: "[TABLE]", summary: "显示表结构（CREATE 语句）", completion: .tables) { $0.showSchema($1) },
        MetaCommand(name: ".open", usage: "FILE", summary: "打开另一个数据库", completion: .files) { $0.openDatabase($1) },
        MetaCommand(name: ".read", usage: "SCRIPT", summary: "执行脚本文件", completion: .files) { $0.read($1) },
        MetaCommand(name: ".import", usage: "FILE [选项]",
                    summary: "导入决算公开文件（--replace 替换同单位同年度的已载入文件，--strict 严格模式）",
                    completion: .files) { $0.importFile($1) },
        MetaCommand(name: ".tokens", usage: "语句", summary: "显示词法单元", completion: .statements) { $0.showTokens($1) },
        MetaCommand(name: ".ast", usage: "语句", summary: "显示语法树", completion: .statements) { $0.showAST($1) },
        MetaCommand(name: ".help", usage: "[主题]", summary: "帮助；help 语句名 同 .help 语句名",
                    completion: .words(HelpTopics.statements.map(\.name))) { session, call in
            session.help(call.argument.isEmpty ? nil : call.argument)
        },
        MetaCommand(name: ".quit", usage: "", summary: "退出（也可按 Ctrl-D；.exit 同）", completion: .nothing) { session, _ in
            session.finished = true
            return true
        },
    ]

    /// Names that run a command of the table under another name.
    static let aliases = [".exit": ".quit"]

    static func named(_ name: String) -> MetaCommand? {
        let name = aliases[name] ?? name
        return all.first { $0.name == name }
    }

    /// `.mode FORMAT` as the overview shows it.
    var synopsis: String { usage.isEmpty ? name : name + " " + usage }
}

/// One typed dot-command: the command word, its argument, and where it came from (for
/// diagnostics that point at the line).
struct MetaInvocation {
    let command: String
    let argument: String
    let report: (Diagnostic) -> Void

    /// Reports `message` as a usage error of the command; always false.
    func fail(_ message: String, _ hints: [String] = []) -> Bool {
        report(Diagnostic(code: "Q100", message: message, span: SourceSpan(start: 0, end: command.count), hints: hints))
        return false
    }

    /// Applies `on`/`off`.
    func flag(_ apply: (Bool) -> Void) -> Bool {
        switch argument.lowercased() {
        case "on": apply(true)
        case "off": apply(false)
        default: return fail("\(command) 需要 on 或 off")
        }
        return true
    }
}
