import ArgumentParser

/// `dq`: the root command; with no subcommand it runs `query` (the REPL or `-c`).
struct DQCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dq",
        abstract: "部门决算公开数据的查询与核对工具。",
        subcommands: CommandHelp.subcommands,
        defaultSubcommand: QueryCommand.self)
}
