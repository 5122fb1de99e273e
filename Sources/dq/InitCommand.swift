import ArgumentParser
import Store

/// `dq init [--db FILE] [--empty]`: creates a database; never overwrites one.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "新建数据库（内置种子数据，或 --empty 只含结构与参考目录）；不覆盖已有文件。")

    @Option(name: .long, help: "数据库文件（默认 $XDG_DATA_HOME/dq/dq.sqlite）")
    var db: String?

    @Flag(name: .long, help: "只建结构与参考目录（科目、度量），不含种子披露文件")
    var empty = false

    func run() throws {
        let console = Console()
        do {
            let path = try db ?? DataPaths.defaultDatabase()
            try DatabaseSetup.createFile(at: path, contents: empty ? .empty : .seeded)
            console.note("已新建数据库：\(path)")
        } catch {
            console.error(error)
            throw ExitCode(1)
        }
    }
}
