import ArgumentParser
import Core
import Foundation
import Render

/// The help and usage errors of the command line, in Chinese. The option list comes from
/// the commands' own declarations (so it never falls out of date); the argument parser's
/// English headings, stock phrases and error messages are replaced here.
enum CommandHelp {
    static let subcommands: [ParsableCommand.Type] = [QueryCommand.self, InitCommand.self, ImportCommand.self, CheckCommand.self, ReportCommand.self]

    /// `dq --help`: usage, the subcommands, the query options and the statements.
    static var overview: String {
        var lines = [
            "dq — 部门决算公开数据的查询与核对工具",
            "",
            "用法：",
            "  dq [选项] [-c 查询 | -f 脚本]      执行查询；不带 -c、-f 且在终端上时进入交互界面",
            "  dq 子命令 [选项]                   选项可写在子命令之前或之后",
            "  dq help [子命令|语句]              查看帮助（也可写 dq 子命令 --help、dq 语句 --help）",
            "  dq --version                      显示版本、数据库结构版本与 SQLite 版本",
            "",
            "子命令：",
        ]
        for command in subcommands {
            let name = command.configuration.commandName ?? ""
            lines.append("  " + name.padding(toLength: 8, withPad: " ", startingAt: 0) + command.configuration.abstract)
        }
        lines.append("")
        let query = translate(DQCommand.helpMessage(for: QueryCommand.self, columns: 2000))
        if let start = query.range(of: "选项：") {
            lines.append("查询选项（dq 与 dq query 相同）：")
            lines.append(String(query[start.upperBound...]).trimmingCharacters(in: .newlines))
            lines.append("")
        }
        lines.append("语句（dq help 语句名 查看详细说明）：")
        let width = HelpTopics.statements.map(\.name.count).max() ?? 0
        for topic in HelpTopics.statements {
            lines.append("  " + topic.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + topic.summary)
        }
        lines += [
            "",
            "文件：",
            "  $XDG_DATA_HOME/dq/dq.sqlite     默认数据库（没有时由种子数据新建）",
            "  $XDG_CONFIG_HOME/dq/dqrc        启动时执行的语句与元命令（--no-init 跳过）",
            "  $XDG_STATE_HOME/dq/history      交互界面的历史记录",
            "",
            "退出码：0 成功；1 语句或导入失败（check：有达到 --fail-on 级别的问题）；2 用法错误；3 check 未能核对。",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The help for `topic`: a subcommand, a statement, or nil for the overview; nil when
    /// there is no such topic.
    static func text(for topic: String?) -> String? {
        guard let topic else { return overview }
        if let command = subcommands.first(where: { $0.configuration.commandName == topic }) {
            let help = translate(DQCommand.helpMessage(for: command, columns: 2000))
            // `check` is a subcommand and a statement: both are shown.
            return HelpTopics.text(for: topic).map { help + "\n在查询中（dq -c、交互界面）：\n" + $0 } ?? help
        }
        return HelpTopics.text(for: topic)
    }

    /// The argument parser's help text (rendered one option a line) with Chinese headings
    /// and phrases, the option column aligned by display width.
    static func translate(_ text: String) -> String {
        var text = text
        for (english, chinese) in phrases { text = text.replacingOccurrences(of: english, with: chinese) }
        text = replacing(#"<([a-z][a-z-]*)>"#, in: text) { "<\(valueNames[$0[1]] ?? $0[1])>" }
        var options: [(name: String, text: String)] = []
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.hasPrefix("  "), let gap = line.range(of: "  ", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex)
            else {
                lines.append(line)
                continue
            }
            let name = String(line[..<gap.lowerBound])
            options.append((name, describe(line[gap.upperBound...].trimmingCharacters(in: .whitespaces))))
            lines.append("\u{0}\(options.count - 1)")
        }
        let width = options.map { DisplayWidth.of($0.name) }.max() ?? 0
        let laid = lines.map { line -> String in
            guard line.hasPrefix("\u{0}"), let index = Int(line.dropFirst()) else { return line }
            let option = options[index]
            return option.name + String(repeating: " ", count: width + 2 - DisplayWidth.of(option.name)) + option.text
        }
        return laid.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }

    /// An option's description with the parser's `(values: …; default: …)` in Chinese; a
    /// default the description states already is not repeated.
    private static func describe(_ text: String) -> String {
        replacing(#" ?\((values: ([^;)]*))?(; )?(default: ([^)]*))?\)$"#, in: text) { groups in
            var parts: [String] = []
            if !groups[2].isEmpty && !text.contains(groups[2].replacingOccurrences(of: ", ", with: "|")) {
                parts.append("可选 " + groups[2].replacingOccurrences(of: ", ", with: "、"))
            }
            if !groups[5].isEmpty && !text.contains("默认") { parts.append("默认 " + groups[5]) }
            return parts.isEmpty ? "" : "（" + parts.joined(separator: "；") + "）"
        }
    }

    /// A usage error in Chinese: the parser's message translated, and where to read more.
    static func usageError(_ error: Error) -> String {
        let message = DQCommand.message(for: error)
        return "dq: error[E002]: \(translateError(message))\n输入 dq --help 查看用法。"
    }

    static func translateError(_ message: String) -> String {
        for (pattern, render) in errorPatterns {
            if let groups = match(pattern, message) { return render(groups) }
        }
        // Messages of our own validations are Chinese already.
        if message.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) { return message }
        let quoted = captures(#"'([^']*)'"#, in: message).map { "「\($0)」" }.joined(separator: "、")
        return quoted.isEmpty ? "命令行参数有误" : "命令行参数有误：\(quoted)"
    }

    private static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "概述："),
        ("USAGE: ", "用法："),
        ("ARGUMENTS:", "参数："),
        ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："),
        ("Show help information.", "显示帮助"),
        ("Show the version.", "显示版本"),
        ("(default)", "（默认）"),
        ("See 'dq help <subcommand>' for detailed help.", "输入 dq help 子命令 查看详细说明。"),
    ]

    private static let valueNames: [String: String] = [
        "db": "文件", "format": "格式", "unit": "单位", "c": "查询", "f": "脚本", "files": "文件",
        "year": "年度", "template": "模板", "fail-on": "级别", "subcommand": "子命令", "for": "单位",
    ]

    private static let errorPatterns: [(String, @Sendable ([String]) -> String)] = [
        (#"^Unknown option '([^']*)'"#, { "未知的选项「\($0[1])」" }),
        (#"^Unexpected arguments? (.*)$"#, { "多余的参数：\(quotedList($0[1]))" }),
        (#"^Missing value for '([^' ]*)"#, { "选项 \($0[1]) 缺少取值" }),
        (#"^Missing expected argument '([^']*)'"#, { "缺少参数 \(valueNames[$0[1].trimmingCharacters(in: CharacterSet(charactersIn: "<>. "))] ?? $0[1])" }),
        (#"^The value '([^']*)' is invalid for '([^' ]*)"#, { groups in
            let allowed = choices[groups[2]].map { "；" + $0 } ?? ""
            return "选项 \(groups[2]) 的取值「\(groups[1])」无效\(allowed)"
        }),
        (#"^Unexpected value '([^']*)' for '([^']*)'"#, { "选项 \($0[2]) 不接受取值（「\($0[1])」）" }),
        (#"^Duplicate .*'([^']*)'"#, { "选项 \($0[1]) 重复" }),
    ]

    /// The values options with a fixed set accept.
    private static let choices: [String: String] = [
        "--format": "可用：" + OutputFormat.allCases.map(\.rawValue).joined(separator: "、"),
        "--unit": "可用：" + MoneyUnit.allCases.map(\.rawValue).joined(separator: "、"),
        "--year": "须为四位数字的年份",
    ]

    /// `'a', 'b' and 'c'` as `a、b、c`.
    private static func quotedList(_ text: String) -> String {
        captures(#"'([^']*)'"#, in: text).joined(separator: "、")
    }

    private static func match(_ pattern: String, _ text: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<result.numberOfRanges).map { index in
            Range(result.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    private static func captures(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    private static func replacing(_ pattern: String, in text: String, with render: ([String]) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        var result = text
        for found in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let groups = (0..<found.numberOfRanges).map { Range(found.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
            if let range = Range(found.range, in: result) { result.replaceSubrange(range, with: render(groups)) }
        }
        return result
    }
}
