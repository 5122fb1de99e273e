/// Puts the subcommand first, so that options may be written before or after it
/// (`dq --db F check` as `dq check --db F`), and finds what help was asked for.
enum ArgumentOrder {
    static let subcommands = Set(CommandHelp.subcommands.compactMap { $0.configuration.commandName })
    /// Options followed by a value (as a separate word unless written `--opt=value`).
    static let valueOptions: Set<String> = ["--db", "--format", "--unit", "-c", "-f", "--for", "--year", "--kind", "--fail-on", "--template", "--source", "-o"]

    /// What the command line asks for before any subcommand runs.
    enum Request: Equatable {
        /// Run the (reordered) arguments.
        case run([String])
        /// Print help: nil for the overview, else a subcommand or a statement.
        case help(String?)
        case version
    }

    static func request(_ arguments: [String]) -> Request {
        if arguments.first == "help" { return .help(arguments.dropFirst().first) }
        let (words, options) = split(arguments)
        if options.contains("--help") || options.contains("-h") { return .help(words.first) }
        if options.contains("--version") && words.isEmpty { return .version }
        guard let index = firstWordIndex(arguments), subcommands.contains(arguments[index]), index > 0 else {
            return .run(arguments)
        }
        var reordered = arguments
        let subcommand = reordered.remove(at: index)
        return .run([subcommand] + reordered)
    }

    /// `dq import` with many files: the argument parser's time grows with the square of the
    /// number of values of one argument (0.17 s for 2,000 files, 0.65 s for 4,000), so every file
    /// after the first is set aside here and handed to the command after parsing. Other command
    /// lines, and any with `--`, are returned whole.
    static func setAsideFiles(_ arguments: [String]) -> (arguments: [String], files: [String]) {
        guard arguments.first == "import", !arguments.contains("--") else { return (arguments, []) }
        var kept = [arguments[0]], files: [String] = []
        var sawFile = false, index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("-") && argument != "-" {
                kept.append(argument)
                if valueOptions.contains(argument), index + 1 < arguments.count {
                    index += 1
                    kept.append(arguments[index])
                }
            } else if sawFile {
                files.append(argument)
            } else {
                kept.append(argument)
                sawFile = true
            }
            index += 1
        }
        return (kept, files)
    }

    /// Positional words and option names, values of options skipped; after `--` all are words.
    private static func split(_ arguments: [String]) -> (words: [String], options: [String]) {
        var words: [String] = [], options: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { words += arguments[(index + 1)...]; break }
            if argument.hasPrefix("-") && argument != "-" {
                options.append(argument)
                if valueOptions.contains(argument) { index += 1 }
            } else {
                words.append(argument)
            }
            index += 1
        }
        return (words, options)
    }

    /// The index of the first word that is neither an option nor an option's value.
    private static func firstWordIndex(_ arguments: [String]) -> Int? {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return nil }
            if argument.hasPrefix("-") && argument != "-" {
                index += valueOptions.contains(argument) ? 2 : 1
            } else {
                return index
            }
        }
        return nil
    }
}
