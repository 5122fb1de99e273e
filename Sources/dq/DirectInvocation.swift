import Core
import Render

/// The plain command lines of a query — `dq [--db FILE] [--format F] [--no-header] -c QUERY`
/// and the other query options, each written once as its own word with a plain value — read
/// without the argument parser, whose reflection over every command costs a few milliseconds
/// at each start. Anything else (help, another subcommand, `--opt=value`, `--`, a value that
/// starts with `-`, a repeated or conflicting option, an unknown format or unit) answers nil
/// and goes to the parser, so every message and exit status stays the parser's.
enum DirectInvocation {
    /// The query run `arguments` (without the program name) ask for, or nil when the parser
    /// must read them.
    static func queryRun(_ arguments: [String]) -> QueryRun? {
        var run = QueryRun()
        var seen: Set<String> = []
        var words = arguments.makeIterator()
        while let name = words.next() {
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "--memory": run.memory = true
            case "--keep-going": run.keepGoing = true
            case "--no-init": run.noInit = true
            case "--no-header": run.noHeader = true
            case "--bom": run.bom = true
            case "--db", "-c", "-f", "--format", "--unit":
                guard let value = words.next(), !value.hasPrefix("-") else { return nil }
                switch name {
                case "--db": run.db = value
                case "-c": run.command = value
                case "-f": run.script = value
                case "--format":
                    guard let format = OutputFormat(rawValue: value) else { return nil }
                    run.format = format
                default:
                    guard let unit = MoneyUnit(rawValue: value) else { return nil }
                    run.unit = unit
                }
            default: return nil
            }
        }
        // The checks of `QueryCommand.validate` and `DatabaseOptions.validate`, left to the parser.
        if run.command != nil && run.script != nil || run.memory && run.db != nil { return nil }
        return run
    }
}
