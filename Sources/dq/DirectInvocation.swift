import Audit
import Core
import Render

/// The plain command lines of a query or a check — `dq [--db FILE] [--format F] [--no-header]
/// -c QUERY`, `dq check --db FILE --format csv` and their other options, each written once as
/// its own word with a plain value — read without the argument parser, whose reflection over
/// every command costs a few milliseconds at each start. Anything else (help, another
/// subcommand, `--opt=value`, `--`, a value that starts with `-`, a repeated or conflicting
/// option, a value the parser would refuse) answers nil and goes to the parser, so every
/// message and exit status stays the parser's.
enum DirectInvocation {
    /// A command line read here.
    enum Run: Equatable {
        case query(QueryRun)
        case check(CheckRun)

        func run() throws {
            switch self {
            case .query(let query): try query.run()
            case .check(let check): try check.run()
            }
        }
    }

    /// What `arguments` (without the program name, the subcommand first) ask for, or nil when
    /// the parser must read them.
    static func run(_ arguments: [String]) -> Run? {
        if arguments.first == "check" { return checkRun(arguments.dropFirst()).map(Run.check) }
        return queryRun(arguments[...]).map(Run.query)
    }

    /// The options of `dq` (`dq query`).
    static func queryRun(_ arguments: ArraySlice<String>) -> QueryRun? {
        guard let options = options(arguments, flags: ["--memory", "--keep-going", "--no-init", "--no-header", "--bom"],
                                     values: ["--db", "-c", "-f", "--format", "--unit"]),
              let output = output(options) else { return nil }
        let run = QueryRun(db: options["--db"], memory: options["--memory"] != nil, command: options["-c"], script: options["-f"],
                           keepGoing: options["--keep-going"] != nil, noInit: options["--no-init"] != nil, format: output.format,
                           unit: output.unit, noHeader: options["--no-header"] != nil, bom: options["--bom"] != nil)
        // The checks of `QueryCommand.validate` and `DatabaseOptions.validate`, left to the parser.
        if run.command != nil && run.script != nil || run.memory && run.db != nil { return nil }
        return run
    }

    /// The options of `dq check`.
    static func checkRun(_ arguments: ArraySlice<String>) -> CheckRun? {
        guard let options = options(arguments, flags: ["--memory", "--rules", "--no-header", "--bom"],
                                     values: ["--db", "--for", "--year", "--fail-on", "--format", "--unit"]),
              let output = output(options) else { return nil }
        var year: Int?
        if let text = options["--year"] {
            guard let number = Int(text) else { return nil }
            year = number
        }
        let run = CheckRun(db: options["--db"], memory: options["--memory"] != nil, unit: options["--for"], year: year,
                           failOn: options["--fail-on"] ?? "error", rules: options["--rules"] != nil, format: output.format,
                           moneyUnit: output.unit, noHeader: options["--no-header"] != nil, bom: options["--bom"] != nil)
        // The checks of `CheckCommand.validate` and `DatabaseOptions.validate`, left to the parser.
        if Severity(rawValue: run.failOn) == nil || run.memory && run.db != nil { return nil }
        return run
    }

    /// Each option once, by name: "" for a flag, else the word after it. Nil for an unknown
    /// or repeated word, or a value missing or starting with `-`.
    private static func options(_ arguments: ArraySlice<String>, flags: Set<String>, values: Set<String>) -> [String: String]? {
        var found: [String: String] = [:]
        var words = arguments.makeIterator()
        while let name = words.next() {
            guard found[name] == nil else { return nil }
            if flags.contains(name) {
                found[name] = ""
                continue
            }
            guard values.contains(name), let value = words.next(), !value.hasPrefix("-") else { return nil }
            found[name] = value
        }
        return found
    }

    /// `--format` and `--unit`, nil when either is not one the parser accepts.
    private static func output(_ options: [String: String]) -> (format: OutputFormat?, unit: MoneyUnit)? {
        var format: OutputFormat?
        if let name = options["--format"] {
            guard let known = OutputFormat(rawValue: name) else { return nil }
            format = known
        }
        var unit = MoneyUnit.tenThousandYuan
        if let name = options["--unit"] {
            guard let known = MoneyUnit(rawValue: name) else { return nil }
            unit = known
        }
        return (format, unit)
    }
}
