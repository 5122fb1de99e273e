import Core
import Foundation
import QueryLanguage
import Render
import Store

/// Dot-commands (`.mode`, `.output`, `.read` …): settings and tools around the language,
/// dispatched through `MetaCommand.all`.
extension Session {
    func runMeta(_ line: String, file: String, lineNumber: Int) -> Bool {
        let words = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let command = words.first.map(String.init) ?? line
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        let call = MetaInvocation(command: command, argument: argument) { [unowned self] diagnostic in
            report(diagnostic, file: file, lineNumber: lineNumber, line: line)
        }
        guard let meta = MetaCommand.named(command) else {
            return call.fail("未知的元命令「\(command)」",
                             NameSuggestions.hint(for: command, among: MetaCommand.all.map(\.name)) + ["输入 .help 查看全部元命令"])
        }
        return meta.run(self, call)
    }

    func setFormat(_ call: MetaInvocation) -> Bool {
        guard let format = OutputFormat(rawValue: call.argument.lowercased()) else {
            return call.fail(".mode 需要输出格式", ["可用：" + OutputFormat.allCases.map(\.rawValue).joined(separator: " ")])
        }
        options.format = format
        return true
    }

    func setUnit(_ call: MetaInvocation) -> Bool {
        guard let unit = MoneyUnit(rawValue: call.argument) else { return call.fail(".unit 需要 元、万元 或 亿元") }
        options.unit = unit
        context.displayUnit = unit
        return true
    }

    func setMaxRows(_ call: MetaInvocation) -> Bool {
        guard let count = Int(call.argument), count >= 0 else { return call.fail(".maxrows 需要一个非负整数（0 为不限）") }
        options.maxRows = count == 0 ? nil : count
        return true
    }

    /// `.output [TARGET]` and `.once TARGET`.
    func redirect(_ call: MetaInvocation, once: Bool) -> Bool {
        let protected = connections.displayName == ":memory:" ? [] : [connections.displayName]
        do {
            if once {
                guard !call.argument.isEmpty else { return call.fail(".once 需要文件或 |命令") }
                try console.redirectOnce(to: call.argument, protected: protected)
                onceArmed = true
            } else {
                try console.redirect(to: call.argument.isEmpty ? nil : call.argument, protected: protected)
            }
        } catch {
            return call.fail("\(error)")
        }
        resultsWritten = 0
        return true
    }

    func showSettings(_ call: MetaInvocation) -> Bool {
        let unit = context.units.first.flatMap { id in catalog.units(ids: [id]).first?.name }
        let settings: [(String, String)] = [
            ("数据库", connections.displayName),
            ("格式", options.format.rawValue),
            ("金额单位", options.unit.rawValue),
            ("表头", options.headers ? "on" : "off"),
            ("耗时", showTimer ? "on" : "off"),
            ("显示 SQL", showSQL ? "on" : "off"),
            ("分页", usePager ? "on（\(pagerCommand)）" : "off"),
            ("最多行数", options.maxRows.map(String.init) ?? "不限"),
            ("输出", console.destinationName ?? "标准输出"),
            ("默认单位", unit ?? "（未设定）"),
            ("默认年份", yearLabel ?? "（未设定）"),
        ]
        let width = settings.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (name, value) in settings {
            console.write(name + String(repeating: " ", count: width - DisplayWidth.of(name)) + "  " + value + "\n")
        }
        return true
    }

    func listTables(_ call: MetaInvocation) -> Bool {
        runStore(call) {
            let rows = try connections.reader.query(
                "SELECT name, type FROM (\(ShellCompleter.userTables)) ORDER BY name")
            let shape = ResultShape(columns: [ResultColumn(name: "name", title: "名称", kind: .text),
                                              ResultColumn(name: "type", title: "类型", kind: .text)])
            writeResult(shape: shape, rows: rows.map { ResultRow(cells: $0.map(\.cell)) })
            return true
        }
    }

    func showSchema(_ call: MetaInvocation) -> Bool {
        runStore(call) {
            let filter = call.argument.isEmpty ? "" : " AND tbl_name = ?"
            let rows = try connections.reader.query(
                "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'\(filter) ORDER BY tbl_name, CASE type WHEN 'index' THEN 1 WHEN 'trigger' THEN 2 ELSE 0 END, name",
                call.argument.isEmpty ? [] : [.text(call.argument)])
            guard !rows.isEmpty || call.argument.isEmpty else {
                let names = (try? connections.reader.query("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')"))?
                    .compactMap { row -> String? in
                    if case .text(let name)? = row.first { return name }
                    return nil
                } ?? []
                _ = call.fail("没有名为「\(call.argument)」的表或视图", NameSuggestions.hint(for: call.argument, among: names))
                return false
            }
            for row in rows {
                if case .text(let sql) = row.first { console.write(sql + ";\n") }
            }
            return true
        }
    }

    func openDatabase(_ call: MetaInvocation) -> Bool {
        guard !call.argument.isEmpty else { return call.fail(".open 需要数据库文件") }
        do {
            try replace(try Connections.existing(path: call.argument))
        } catch {
            console.error(error)
            return false
        }
        return true
    }

    func showTokens(_ call: MetaInvocation) -> Bool {
        console.write(Parser.dump(tokens: Parser.tokens(line: call.argument)) + "\n")
        return true
    }

    func showAST(_ call: MetaInvocation) -> Bool {
        for result in Parser.parse(line: call.argument) {
            switch result {
            case .success(let parsed): console.write(Parser.dump(parsed.statement) + "\n")
            case .failure(let diagnostic):
                call.report(diagnostic)
                return false
            }
        }
        return true
    }

    /// `.import FILE [--replace] [--strict]`: imports one document through the writer
    /// connection (saying so while another process's write makes it wait), then reloads the
    /// catalog so that its unit is queryable at once.
    func importFile(_ call: MetaInvocation) -> Bool {
        var options = DocumentImport.Options()
        var words: [String] = []
        for word in call.argument.split(separator: " ", omittingEmptySubsequences: true) {
            switch word {
            case "--replace": options.replace = true
            case "--strict": options.strict = true
            default: words.append(String(word))
            }
        }
        guard !words.isEmpty else { return call.fail(".import 需要文件", ["用法：.import FILE [--replace] [--strict]"]) }
        connections.writer.onBusyWait = { [console] in console.note(DocumentImport.busyWaitNote($0)) }
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
    func read(_ call: MetaInvocation) -> Bool {
        let path = call.argument
        guard !path.isEmpty else { return call.fail(".read 需要脚本文件") }
        guard readDepth < 16 else { return call.fail(".read 嵌套过深（脚本可能读取了自身）") }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return call.fail("无法读取脚本文件：\(path)") }
        return runScript(text, file: path)
    }

    /// Runs a script's statements (`.read`, the init file), a statement spanning lines once
    /// it is complete; stops at the first failing statement unless `keepGoing`.
    func runScript(_ text: String, file: String) -> Bool {
        readDepth += 1
        defer { readDepth -= 1 }
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

    private func runStore(_ call: MetaInvocation, _ body: () throws -> Bool) -> Bool {
        do {
            return try body()
        } catch {
            console.error(error)
            return false
        }
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
