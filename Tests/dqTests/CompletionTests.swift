@testable import dq
import QueryLanguage
import Store
import XCTest

/// Completion by context, on the default data: meta-command arguments, files, tables and
/// columns in `sql`, statements after `explain`, and only aliases the parser reads back.
final class CompletionTests: XCTestCase {
    private static let completer: ShellCompleter = {
        let connections = try! Connections.memory()
        let catalog = try! CatalogLoader.load(connections.reader)
        return ShellCompleter(language: Completer(catalog: catalog, metaCommands: MetaCommand.all.map(\.name)),
                              database: connections.reader)
    }()

    private func texts(_ before: String, _ word: String) -> [String] {
        Self.completer.candidates(before: before, word: word).map(\.text)
    }

    func testMetaCommandArguments() {
        XCTAssertEqual(texts(".mode ", ""), ["table", "box", "csv", "tsv", "json", "jsonl", "markdown", "bar", "svg"])
        XCTAssertEqual(texts(".mode ", "j"), ["json", "jsonl"])
        XCTAssertEqual(texts(".unit ", ""), ["元", "万元", "亿元"])
        XCTAssertEqual(texts(".pager ", ""), ["on", "off"])
        XCTAssertEqual(texts(".timer ", "o"), ["on", "off"])
        XCTAssertEqual(texts(".show ", ""), [])
        XCTAssertTrue(texts(".schema ", "unit").contains("unit_alias"))
        XCTAssertEqual(texts(".help ", "bre"), ["breakdown"])
        XCTAssertTrue(texts("", ".sch").contains(".schema"))
    }

    func testFileNamesAfterFileCommands() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        XCTAssertTrue(FileManager.default.createFile(atPath: directory.path + "/决算2023.txt", contents: Data()))
        XCTAssertTrue(FileManager.default.createFile(atPath: directory.path + "/.hidden", contents: Data()))
        try FileManager.default.createDirectory(atPath: directory.path + "/子目录", withIntermediateDirectories: true)
        for command in [".open", ".read", ".import", ".output", ".once"] {
            XCTAssertEqual(texts("\(command) ", directory.path + "/决"), [directory.path + "/决算2023.txt"], command)
            XCTAssertEqual(texts("\(command) ", directory.path + "/"), [directory.path + "/决算2023.txt", directory.path + "/子目录/"])
        }
        XCTAssertEqual(texts(".open ", directory.path + "/.h"), [directory.path + "/.hidden"])
    }

    func testTablesAndColumnsInSQL() {
        XCTAssertEqual(texts("sql SELECT * FROM ", "unit"), ["unit", "unit_alias", "unit_search"], "no shadow tables of the index")
        XCTAssertFalse(texts("sql SELECT * FROM ", "").contains { $0.first?.isNumber == true }, "no years after FROM")
        let columns = texts("sql SELECT name, reg", "")
        XCTAssertTrue(texts("sql SELECT ", "reg").contains("region"))
        XCTAssertTrue(columns.isEmpty || !columns.contains("2023"))
        XCTAssertEqual(texts("sql SELECT ", "SEL"), ["SELECT"])
        XCTAssertEqual(Set(texts("sql select * fr", "fr")), ["from", "from_year"], "lower-case keywords after lower-case typing")
    }

    func testStatementsAfterExplain() {
        XCTAssertEqual(texts("explain ", "com"), ["compare"])
        XCTAssertFalse(texts("explain ", "").contains { $0.hasPrefix(".") })
        XCTAssertTrue(texts("explain compare ", "三").contains("三公"))
    }

    func testOnlyParseableAliases() {
        let all = texts("compare ", "")
        XCTAssertTrue(all.contains("三公"))
        XCTAssertFalse(all.contains { $0.contains("\"") || $0.contains("“") }, all.filter { $0.contains("经费") }.joined(separator: " "))
        XCTAssertEqual(texts("compare ", "\""), [])
    }
}
