import Core
import Foundation
import XCTest

/// The REPL as a person sees it: the real binary in a 120×40 tmux pane, keys typed, the
/// screen read back.
final class REPLTests: XCTestCase {
    private let banner = "dq：部门决算查询。输入 .help 查看帮助，Ctrl-D 退出。"

    private func start(home: URL? = nil, width: Int = 120) throws -> TmuxSession {
        let session = try TmuxSession(self, home: home, width: width)
        try session.waitForPrompt()
        return session
    }

    // MARK: Tables

    func testCompareShowsAnAlignedTable() throws {
        let session = try start()
        let output = try session.run("compare 三公 2022 2023")
        let table = output.filter { !$0.isEmpty && !$0.hasPrefix("（金额单位") }
        XCTAssertTrue(table.first?.range(of: #"^项目 +2022年 +2023年 +变动 +变动率$"#, options: .regularExpression) != nil,
                      "header: \(table.first ?? "none")\n" + output.joined(separator: "\n"))
        XCTAssertTrue(table.contains { $0.range(of: #"^公务用车购置及运行维护费 +6\.89\* +12\.52 +\+5\.63 +\+81\.71%$"#,
                                                options: .regularExpression) != nil },
                      output.joined(separator: "\n"))
        XCTAssertTrue(table.contains { $0.hasPrefix("合计") && $0.hasSuffix("+81.71%") }, output.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(table.count, 5)
        // Every line of the table ends on the same screen column: Chinese counts 2.
        let widths = table.map(DisplayWidth.of)
        XCTAssertEqual(Set(widths).count, 1, zip(widths, table).map { "\($0)\t\($1)" }.joined(separator: "\n"))
        XCTAssertLessThanOrEqual(widths.max() ?? 0, session.width)
        XCTAssertFalse(output.contains { $0.contains("error[") })
    }

    func testWideTablesAreCutToTheTerminalWidth() throws {
        let session = try start(width: 60)
        let output = try session.run("units")
        XCTAssertTrue(output.contains { $0.contains("（部分单元格已截断以适应终端宽度）") }, output.joined(separator: "\n"))
        for line in output {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 60, line)
        }
    }

    // MARK: Completion

    func testTabCompletesAChineseSubjectAndTheLineStillRuns() throws {
        let session = try start()
        try session.send("compare 三")
        try session.send(keys: .tab)
        try session.waitFor("completion of 三") { _ in try session.lastLine() == "dq> compare 三公" }
        // The cursor sits after 公: "dq> " 4 + "compare " 8 + 三公 4.
        XCTAssertEqual(try session.cursor().x, 16)
        try session.send(" 2022 2023")
        try session.send(keys: .enter)
        try session.waitForPrompt()
        let screen = try session.screen(scrollback: true)
        XCTAssertTrue(screen.contains("dq> compare 三公 2022 2023\n"), screen)
        XCTAssertTrue(screen.contains("+81.71%"), screen)
        XCTAssertFalse(screen.contains("error["), screen)
    }

    func testTabTabListsCodesWithTheirNames() throws {
        let session = try start()
        try session.send("breakdown 20131")
        try session.send(keys: .tab)
        try session.send(keys: .tab)
        let screen = try session.waitFor(text: "2013101 行政运行")
        XCTAssertTrue(screen.contains("2013105 专项业务"), screen)
        // The listing is followed by the prompt with the line as typed; it can be finished.
        try session.waitFor("prompt redrawn") { _ in try session.lastLine() == "dq> breakdown 20131" }
        try session.send("01")
        try session.send(keys: .enter)
        try session.waitForPrompt()
        let after = try session.screen(scrollback: true)
        XCTAssertTrue(after.contains("dq> breakdown 2013101\n"), after)
        XCTAssertTrue(after.contains("402.23"), after)
        XCTAssertFalse(after.contains("error["), after)
    }

    /// Several Chinese candidates are listed in columns that line up on the screen
    /// (libedit pads by bytes, three per Chinese character, unless dq lays the list out).
    func testCompletionListColumnsLineUpWithChineseCandidates() throws {
        let session = try start()
        try session.send("compare 公务")
        try session.send(keys: .tab)
        try session.send(keys: .tab)
        try session.waitFor(text: "公务接待费")
        try session.waitFor("prompt redrawn") { _ in try session.lastLine() == "dq> compare 公务" }
        let lines = try session.lines()
        guard let first = lines.firstIndex(of: "dq> compare 公务"), let last = lines.lastIndex(of: "dq> compare 公务"),
              first < last else { return XCTFail(lines.joined(separator: "\n")) }
        let rows = lines[(first + 1)..<last].filter { !$0.isEmpty }
        let columnStarts = rows.map(Self.columnStarts).filter { $0.count > 1 }
        XCTAssertGreaterThan(columnStarts.count, 1, "expected a listing in several rows and columns:\n" + rows.joined(separator: "\n"))
        let secondColumn = Set(columnStarts.map { $0[1] })
        XCTAssertEqual(secondColumn.count, 1,
                       "the second column starts at screen columns \(secondColumn.sorted()):\n" + rows.joined(separator: "\n"))
    }

    /// The screen columns where the entries of a completion listing start (entries are
    /// separated by at least two spaces).
    private static func columnStarts(_ line: String) -> [Int] {
        var starts: [Int] = []
        var column = 0
        var spaces = 2
        for character in line {
            if character == " " {
                spaces += 1
            } else {
                if spaces >= 2 { starts.append(column) }
                spaces = 0
            }
            column += DisplayWidth.of(character)
        }
        return starts
    }

    // MARK: Ctrl-C and Ctrl-D

    func testCtrlCInterruptsALongQueryAndTheSessionGoesOn() throws {
        let session = try start()
        let query = "sql WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"
        try session.send(query)
        try session.send(keys: .enter)
        // libedit has returned the line (the terminal is back in canonical mode, the cursor
        // left the prompt line): the query runs; a moment more for it to reach SQLite.
        try session.waitFor("the query to start") { screen in
            let typed = screen.split(separator: "\n").last.map(String.init) == "dq> " + query
            return try typed && session.cursor().x == 0 && !session.isEditing()
        }
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertFalse(try session.paneIsDead())
        try session.send(keys: .ctrlC)
        try session.waitFor(text: "查询已中断（按了 Ctrl-C）")
        try session.waitForPrompt()
        let output = try session.run("units")
        XCTAssertTrue(output.contains { $0.contains("四川省遂宁市安居区") }, output.joined(separator: "\n"))
        XCTAssertFalse(output.contains { $0.contains("查询已中断") || $0.contains("error[") }, output.joined(separator: "\n"))
    }

    func testCtrlCAtThePromptClearsAHalfTypedLine() throws {
        let session = try start()
        try session.send("compare 三公 20")
        try session.waitFor("typed text") { _ in try session.lastLine() == "dq> compare 三公 20" }
        try session.send(keys: .ctrlC)
        try session.waitForPrompt()
        XCTAssertEqual(try session.cursor().x, 4)
        let output = try session.run("years")
        XCTAssertTrue(output.contains { $0.hasPrefix("2023") }, output.joined(separator: "\n"))
        // The half-typed text did not reach the next command.
        let screen = try session.screen(scrollback: true)
        XCTAssertTrue(screen.contains("\ndq> years\n"), screen)
        XCTAssertFalse(screen.contains("error["), screen)
        XCTAssertFalse(try session.paneIsDead())
    }

    func testCtrlDExits() throws {
        let session = try start()
        try session.run("years")
        try session.send(keys: .ctrlD)
        XCTAssertEqual(try session.waitForExit(), "0")
    }

    // MARK: History

    func testHistorySurvivesARestart() throws {
        let home = try DQProcess.temporaryDirectory(self)
        let first = try start(home: home)
        try first.run("years")
        try first.send(".quit")
        try first.send(keys: .enter)
        XCTAssertEqual(try first.waitForExit(), "0")
        let file = try String(contentsOf: first.historyFile, encoding: .utf8)
        XCTAssertTrue(file.split(separator: "\n").contains("years"), file)

        let second = try start(home: home)
        try second.send(keys: .up)
        // `.quit` itself may be the newest entry; `years` comes at most one Up later.
        try second.waitFor("a history entry") { _ in ["dq> years", "dq> .quit"].contains(try second.lastLine()) }
        if try second.lastLine() == "dq> .quit" { try second.send(keys: .up) }
        try second.waitFor("years from the history") { _ in try second.lastLine() == "dq> years" }
        try second.send(keys: .enter)
        try second.waitForPrompt()
        XCTAssertTrue(try second.screen(scrollback: true).contains("中国共产党遂宁市安居区委员会办公室"))
    }

    func testChineseHistoryIsRecalledAfterCtrlD() throws {
        let home = try DQProcess.temporaryDirectory(self)
        let first = try start(home: home)
        try first.run("compare 三公 2022 2023")
        try first.send(keys: .ctrlD)
        try first.waitForExit()
        XCTAssertTrue(FileManager.default.fileExists(atPath: home.path + "/state/dq/history"))

        let second = try start(home: home)
        try second.send(keys: .up)
        try second.waitFor("the last line from history") { _ in try second.lastLine() == "dq> compare 三公 2022 2023" }
        XCTAssertEqual(try second.cursor().x, 4 + DisplayWidth.of("compare 三公 2022 2023"))
        try second.send(keys: .enter)
        try second.waitForPrompt()
        XCTAssertTrue(try second.screen(scrollback: true).contains("+81.71%"))
    }

    // MARK: Chinese editing

    func testChineseInputWithCursorMovementAndBackspace() throws {
        let session = try start()
        try session.send("compare 三工 2022 2023")
        try session.press(.left, times: " 2022 2023".count)
        // The cursor is just after 工: 4 + 8 + 4 columns.
        try session.waitFor("cursor after 工") { _ in try session.cursor().x == 16 }
        try session.send(keys: .backspace)
        try session.send("公")
        try session.waitFor("the corrected line") { _ in try session.lastLine() == "dq> compare 三公 2022 2023" }
        XCTAssertEqual(try session.cursor().x, 16)
        try session.send(keys: .enter)
        try session.waitForPrompt()
        let screen = try session.screen(scrollback: true)
        XCTAssertTrue(screen.contains("公务用车购置及运行维护费"), screen)
        XCTAssertTrue(screen.contains("+81.71%"), screen)
        XCTAssertFalse(screen.contains("error["), screen)
        XCTAssertFalse(screen.contains("\u{FFFD}"), screen)
        XCTAssertFalse(screen.contains("三工"), screen)
    }

    func testEditingBehindAChinesePrompt() throws {
        let session = try start()
        try session.run("use 区委办", nextPrompt: "dq[区委办]>")
        try session.send("compare 三工 2022 2023")
        try session.press(.left, times: " 2022 2023".count)
        try session.send(keys: .backspace)
        try session.send("公")
        let expected = "dq[区委办]> compare 三公 2022 2023"
        try session.waitFor("the corrected line") { _ in try session.lastLine() == expected }
        // "dq[区委办]> " is 12 columns wide, "compare 三公" 12 more.
        XCTAssertEqual(try session.cursor().x, 24)
        try session.send(keys: .enter)
        try session.waitForPrompt("dq[区委办]>")
        XCTAssertTrue(try session.screen(scrollback: true).contains("+81.71%"))
    }

    // MARK: Prompt, banner, help

    func testThePromptShowsTheUseContext() throws {
        let session = try start()
        try session.run("use 区委办", nextPrompt: "dq[区委办]>")
        XCTAssertEqual(try session.cursor().x, DisplayWidth.of("dq[区委办]> "))
        try session.run("use 2023", prompt: "dq[区委办]>", nextPrompt: "dq[区委办 2023]>")
        XCTAssertEqual(try session.cursor().x, DisplayWidth.of("dq[区委办 2023]> "))
        try session.run("use 预算 2023", prompt: "dq[区委办 2023]>", nextPrompt: "dq[区委办 预算 2023]>")
        XCTAssertEqual(try session.cursor().x, DisplayWidth.of("dq[区委办 预算 2023]> "))
        try session.run("use all", prompt: "dq[区委办 预算 2023]>", nextPrompt: "dq>")
        XCTAssertEqual(try session.cursor().x, 4)
    }

    func testBannerAppearsOnceAndHelpPrintsTheOverview() throws {
        let session = try start()
        let lines = try session.lines()
        XCTAssertEqual(lines.first, banner)
        let help = try session.run(".help")
        XCTAssertTrue(help.contains("语句（help 语句名 查看详细说明）："), help.joined(separator: "\n"))
        XCTAssertTrue(help.contains("元命令："), help.joined(separator: "\n"))
        XCTAssertTrue(help.contains { $0.hasPrefix("  compare") }, help.joined(separator: "\n"))
        XCTAssertTrue(help.contains { $0.hasPrefix("  .quit") }, help.joined(separator: "\n"))
        try session.run("years")
        let screen = try session.screen(scrollback: true)
        XCTAssertEqual(screen.components(separatedBy: banner).count - 1, 1, screen)
    }

    func testErrorsInTheREPLPointAtTheTypedText() throws {
        let session = try start()
        let output = try session.run("compare 三工 2022 2023")
        XCTAssertEqual(output.first, "<stdin>:1:9: error[Q201]: 未知的主题「三工」", output.joined(separator: "\n"))
        guard let source = output.firstIndex(where: { $0.hasSuffix("compare 三工 2022 2023") && !TmuxSession.isPrompt($0) }),
              source + 1 < output.count else { return XCTFail(output.joined(separator: "\n")) }
        let prefix = output[source].components(separatedBy: "三工")[0]
        XCTAssertEqual(output[source + 1], String(repeating: " ", count: DisplayWidth.of(prefix)) + "^^^^")
    }
}
