import Foundation
import XCTest

/// Meta-commands work in scripts and `-c` as in the REPL.
final class MetaCommandTests: XCTestCase {
    private func run(_ script: String, _ extra: [String] = []) throws -> DQProcess.Result {
        try DQProcess.run(["--memory"] + extra, stdin: script)
    }

    func testModeUnitAndHeaders() throws {
        let result = try run(".mode csv\n.unit 元\ncompare 三公 2022 2023\n.headers off\n.mode tsv\nbreakdown 支出\n")
        XCTAssertTrue(result.stdout.contains("money_unit\r\n"), "csv lines end in CRLF")
        let lines = result.stdout.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "unit,item,value_2022,value_2023,change,change_pct,level,is_total,derived,money_unit")
        XCTAssertTrue(lines.prefix { !$0.contains("\t") }.dropFirst().allSatisfy { $0.hasSuffix(",元") }, ".unit 元 names the money unit on every csv row")
        XCTAssertTrue(lines.contains { $0.contains("公务用车购置及运行维护费,68900.00,125200.00,56300.00,81.71") })
        XCTAssertTrue(lines.contains { $0.hasSuffix("基本支出\t6360300.00\t71.53\t1\tfalse\t\t元") }, result.stdout)
        XCTAssertFalse(lines.contains { $0.hasPrefix("unit\t") }, "headers off drops the tsv header")
    }

    func testOutputWritesToAFileAndBack() throws {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("out.tsv").path
        let result = try run(".output \(path)\nyears\n.output\nsql SELECT 'back' AS here\n")
        XCTAssertEqual(result.stdout, "here\nback\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8),
                       "year\tunits\tdisclosures\tunit_names\n2023\t1\t1\t中国共产党遂宁市安居区委员会办公室\n")
    }

    func testTimerAndSQLGoToStandardError() throws {
        let result = try run(".timer on\n.sql on\nyears\n")
        XCTAssertTrue(result.stderr.contains("毫秒"), result.stderr)
        XCTAssertTrue(result.stderr.contains("GROUP BY d.year"), result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("year\t"), "results stay clean on stdout")
    }

    func testOpenSwitchesDatabase() throws {
        let path = try DQProcess.temporaryDirectory(self).appendingPathComponent("empty.sqlite").path
        XCTAssertEqual(try DQProcess.run(["init", "--empty", "--db", path]).status, 0)
        let result = try run("years\n.open \(path)\nyears\n")
        XCTAssertEqual(result.stdout, "year\tunits\tdisclosures\tunit_names\n2023\t1\t1\t中国共产党遂宁市安居区委员会办公室\nyear\tunits\tdisclosures\tunit_names\n")
        let missing = try run(".open /nonexistent/db.sqlite\n")
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("S102"), missing.stderr)
    }

    func testTokensAndAST() throws {
        let tokens = try run(".tokens compare 三公 2022 2023\n").stdout
        XCTAssertTrue(tokens.contains("word \"compare\""), tokens)
        XCTAssertTrue(tokens.contains("三公"), tokens)
        let ast = try run(".ast projects where adjusted < initial\n").stdout
        XCTAssertTrue(ast.contains("projects"), ast)
        XCTAssertTrue(ast.contains("adjusted"), ast)
    }

    func testUnknownMetaCommandSuggests() throws {
        let result = try run(".mdoe csv\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("<stdin>:1:1: error[Q100]: 未知的元命令「.mdoe」"), result.stderr)
        XCTAssertTrue(result.stderr.contains("「.mode」"), result.stderr)
    }

    func testQuitStopsTheScript() throws {
        let result = try run("sql SELECT 1 AS one\n.quit\nsql SELECT 2 AS two\n")
        XCTAssertEqual(result.stdout, "one\n1\n")
        XCTAssertEqual(result.status, 0)
    }
}

/// The meta-commands added to the table: schema, tables, settings, the init file.
final class MetaCommandTableTests: XCTestCase {
    func testTablesSchemaAndShow() throws {
        let tables = try DQProcess.run(["--memory", "-c", ".tables"])
        XCTAssertTrue(tables.stdout.hasPrefix("name\ttype\n"), tables.stdout)
        XCTAssertTrue(tables.stdout.contains("\nunit\ttable\n") && tables.stdout.contains("\nfact_value\tview\n"), tables.stdout)
        let schema = try DQProcess.run(["--memory", "-c", ".schema unit"])
        XCTAssertTrue(schema.stdout.hasPrefix("CREATE TABLE unit ("), schema.stdout)
        XCTAssertTrue(schema.stdout.contains("CREATE INDEX unit_parent ON unit(parent_id);"), schema.stdout)
        XCTAssertFalse(schema.stdout.contains("CREATE TABLE fact"), schema.stdout)
        let unknown = try DQProcess.run(["--memory", "-c", ".schema units"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("没有名为「units」的表或视图") && unknown.stderr.contains("unit"), unknown.stderr)
        let show = try DQProcess.run(["--memory", "-f", "-"], stdin: ".mode csv\n.unit 元\n.maxrows 5\nuse 2023\n.show\n")
        XCTAssertEqual(show.status, 0, show.stderr)
        for expected in ["数据库    :memory:", "格式      csv", "金额单位  元", "最多行数  5", "默认年份  2023", "输出      标准输出"] {
            XCTAssertTrue(show.stdout.contains(expected + "\n"), expected + "\n" + show.stdout)
        }
    }

    func testTheInitFileRunsFirstUnlessNoInit() throws {
        let config = try DQProcess.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: config.appendingPathComponent("dq"), withIntermediateDirectories: true)
        try ".mode csv\n.unit 元\n".write(to: config.appendingPathComponent("dq/dqrc"), atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": config.path]
        let configured = try DQProcess.run(["--memory", "-c", "years"], environment: environment)
        XCTAssertEqual(configured.stdout, "year,units,disclosures,unit_names\r\n2023,1,1,中国共产党遂宁市安居区委员会办公室\r\n")
        let skipped = try DQProcess.run(["--memory", "--no-init", "-c", "years"], environment: environment)
        XCTAssertEqual(skipped.stdout, "year\tunits\tdisclosures\tunit_names\n2023\t1\t1\t中国共产党遂宁市安居区委员会办公室\n")
        // A bad line in the init file is reported; the session still runs.
        try ".mode nothing\n.unit 元\n".write(to: config.appendingPathComponent("dq/dqrc"), atomically: true, encoding: .utf8)
        let broken = try DQProcess.run(["--memory", "-c", "sql SELECT 1 AS one"], environment: environment)
        XCTAssertEqual(broken.status, 0)
        XCTAssertTrue(broken.stderr.contains("dqrc:1:1: error[Q100]: .mode 需要输出格式"), broken.stderr)
        XCTAssertEqual(broken.stdout, "one\n1\n")
    }

    func testABlankLineSeparatesResultsInTableFormatsOnly() throws {
        let table = try DQProcess.run(["--memory", "--format", "table", "-c", "sql SELECT 1 AS a; sql SELECT 2 AS b"])
        XCTAssertEqual(table.stdout, "a\n─\n1\n\nb\n─\n2\n")
        let tsv = try DQProcess.run(["--memory", "--format", "tsv", "-c", "sql SELECT 1 AS a; sql SELECT 2 AS b"])
        XCTAssertEqual(tsv.stdout, "a\n1\nb\n2\n")
    }
}
