import ArgumentParser

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

    /// The run these options ask for.
    var queryRun: QueryRun {
        QueryRun(db: database.db, memory: database.memory, command: command, script: script, keepGoing: keepGoing,
                 noInit: noInit, format: format.format, unit: format.unit, noHeader: format.noHeader, bom: format.bom)
    }

    func run() throws {
        try queryRun.run()
    }
}
