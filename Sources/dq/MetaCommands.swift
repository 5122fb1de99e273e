import Core
import Foundation
import QueryLanguage
import Render
import Store

/// Dot-commands (`.mode`, `.output`, `.read` …): settings and tools around the language.
extension Session {
    func runMeta(_ line: String, file: String, lineNumber: Int) -> Bool {
        let words = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let command = words.first.map(String.init) ?? line
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        func fail(_ message: String, _ hints: [String] = []) -> Bool {
            report(Diagnostic(code: "Q100", message: message, span: SourceSpan(start: 0, end: command.count), hints: hints),
                   file: file, lineNumber: lineNumber, line: line)
            return false
        }
        func flag(_ apply: (Bool) -> Void) -> Bool {
            switch argument.lowercased() {
            case "on": apply(true)
            case "off": apply(false)
            default: return fail("\(command) 需要 on 或 off")
            }
            return true
        }
        switch command {
        case ".quit", ".exit":
            finished = true
            return true
        case ".help":
            return help(argument.isEmpty ? nil : argument)
        case ".mode":
            guard let format = OutputFormat(rawValue: argument.lowercased()) else {
                return fail(".mode 需要输出格式", ["可用：" + OutputFormat.allCases.map(\.rawValue).joined(separator: " ")])
            }
            options.format = format
            return true
        case ".unit":
            guard let unit = MoneyUnit(rawValue: argument) else { return fail(".unit 需要 元、万元 或 亿元") }
            options.unit = unit
            context.displayUnit = unit
            return true
        case ".headers":
            return flag { options.headers = $0 }
        case ".timer":
            return flag { showTimer = $0 }
        case ".sql":
            return flag { showSQL = $0 }
        case ".maxrows":
            guard let count = Int(argument), count >= 0 else { return fail(".maxrows 需要一个非负整数（0 为不限）") }
            options.maxRows = count == 0 ? nil : count
            return true
        case ".output":
            do {
                try console.redirect(to: argument.isEmpty ? nil : argument)
            } catch {
                return fail("\(error)")
            }
            return true
        case ".open":
            guard !argument.isEmpty else { return fail(".open 需要数据库文件") }
            do {
                try replace(try Connections.existing(path: argument))
            } catch {
                console.error(error)
                return false
            }
            return true
        case ".read":
            return read(argument, fail: fail)
        case ".import":
            return importFile(argument, fail: fail)
        case ".tokens":
            console.write(Parser.dump(tokens: Parser.tokens(line: argument)) + "\n")
            return true
        case ".ast":
            for result in Parser.parse(line: argument) {
                switch result {
                case .success(let parsed): console.write(Parser.dump(parsed.statement) + "\n")
                case .failure(let diagnostic):
                    report(diagnostic, file: file, lineNumber: lineNumber, line: argument)
                    return false
                }
            }
            return true
        default:
            let known = HelpTopics.metaCommands.map { String($0.0.split(separator: " ")[0]) }
            return fail("未知的元命令「\(command)」",
                        NameSuggestions.hint(for: command, among: known) + ["输入 .help 查看全部元命令"])
        }
    }

    /// `.import FILE [--replace] [--strict]`: imports one document through the writer
    /// connection, then reloads the catalog so that its unit is queryable at once.
    private func importFile(_ argument: String, fail: (String, [String]) -> Bool) -> Bool {
        var options = DocumentImport.Options()
        var words: [String] = []
        for word in argument.split(separator: " ", omittingEmptySubsequences: true) {
            switch word {
            case "--replace": options.replace = true
            case "--strict": options.strict = true
            default: words.append(String(word))
            }
        }
        guard !words.isEmpty else { return fail(".import 需要文件", ["用法：.import FILE [--replace] [--strict]"]) }
        let outcome = DocumentImport.run(path: words.joined(separator: " "), options: options, into: connections.writer)
        console.note(outcome.report, newline: false)
        do {
            try reloadCatalog()
        } catch {
            console.error(error)
            return false
        }
        return outcome.succeeded
    }

    /// `.read SCRIPT`: runs a script's lines, stopping at the first error.
    private func read(_ path: String, fail: (String, [String]) -> Bool) -> Bool {
        guard !path.isEmpty else { return fail(".read 需要脚本文件", []) }
        guard readDepth < 16 else { return fail(".read 嵌套过深（脚本可能读取了自身）", []) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return fail("无法读取脚本文件：\(path)", []) }
        readDepth += 1
        defer { readDepth -= 1 }
        return runScript(text, file: path)
    }

    /// Runs a script's statements, a statement spanning lines once it is complete; stops at
    /// the first failing statement unless `keepGoing`.
    func runScript(_ text: String, file: String) -> Bool {
        var succeeded = true
        var accumulator = StatementAccumulator()
        var lines = ScriptLines.split(text).enumerated().map { ($0.offset + 1, $0.element) }[...]
        while !finished {
            let logical: (text: String, startLine: Int)?
            if let (number, line) = lines.popFirst() {
                logical = accumulator.add(line, number: number)
                if logical == nil { continue }
            } else {
                logical = accumulator.flush()
            }
            guard let logical else { break }
            if !run(logical.text, file: file, lineNumber: logical.startLine) {
                succeeded = false
                if !keepGoing { break }
            }
        }
        return succeeded
    }
}

/// The lines of a script: split on LF, a trailing CR dropped, a final empty line ignored.
enum ScriptLines {
    static func split(_ text: String) -> [String] {
        // Split on the scalar: in a String, "\r\n" is one Character and never equals "\n".
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
