import Foundation
import XCTest

/// `dq import` and `.import`, driven through the binary: every failure names the file (and
/// line), exits 1 and leaves the database as it was.
final class ImportCommandTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = root.appendingPathComponent("fixtures/disclosures/000_aa60969cd7f058a1.txt").path
    static let shanghai = root.appendingPathComponent("fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt").path

    private var directory: URL!

    override func setUpWithError() throws {
        directory = try DQProcess.temporaryDirectory(self)
    }

    private func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = directory.appendingPathComponent(name).path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    private func emptyDatabase() throws -> String {
        let path = directory.appendingPathComponent("db-\(UUID().uuidString).sqlite").path
        let made = try DQProcess.run(["init", "--empty", "--db", path])
        XCTAssertEqual(made.status, 0, made.stderr)
        return path
    }

    /// Every table's rows, through sqlite3 when present, else through dq's own `sql`.
    private func dump(_ db: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            process.arguments = [db, ".dump"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        var text = ""
        for table in ["unit", "unit_alias", "disclosure", "fact", "statement", "derivation_input", "project", "project_figure",
                      "indicator", "paragraph", "meta"] {
            text += try DQProcess.run(["--db", db, "--format", "tsv", "-c", "sql SELECT * FROM \(table) ORDER BY 1"]).stdout
        }
        return text
    }

    private func assertFails(_ path: String, code: String, line: Int? = nil, file: StaticString = #filePath, testLine: UInt = #line) throws {
        let db = try emptyDatabase()
        let before = try dump(db)
        let result = try DQProcess.run(["import", "--db", db, path])
        XCTAssertEqual(result.status, 1, result.stderr, file: file, line: testLine)
        let location = line.map { "\(path):\($0)" } ?? path
        XCTAssertTrue(result.stderr.hasPrefix("\(location): error[\(code)]: "), result.stderr, file: file, line: testLine)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr, file: file, line: testLine)
        XCTAssertEqual(try dump(db), before, file: file, line: testLine)
    }

    func testEmptyFile() throws {
        try assertFails(file("empty.txt", []), code: "I102")
        try assertFails(file("blank.txt", Array("  \n\n\t\n".utf8)), code: "I102")
    }

    func testBinaryFile() throws {
        try assertFails(file("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]), code: "I103")
    }

    func testUndecodableBytesNameTheLine() throws {
        try assertFails(file("bad.txt", Array("一\n二\n".utf8) + [0xFF, 0xFE, 0x41] + Array("\n四\n".utf8)), code: "I104", line: 3)
    }

    func testUnknownTemplate() throws {
        try assertFails(file("letter.txt", Array("尊敬的各位：\n今天天气很好。\n".utf8)), code: "I105")
    }

    /// A window of an unrecognized template is imported as partial: the import says so, `units`
    /// and `years` mark it, `find` searches its paragraphs and `check` says what it could not evaluate.
    func testUnknownTemplateWindowImportsAsPartial() throws {
        let window = Self.root.appendingPathComponent("fixtures/disclosures/constructed/2023-sichuan-naxi-jiguanshiwu-danwei-juesuan.txt").path
        let db = try emptyDatabase()
        let result = try DQProcess.run(["import", "--db", db, window])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("\(window): 已导入 泸州市纳溪区机关事务服务中心 2023 年度决算"), result.stderr)
        XCTAssertTrue(result.stderr.contains("警告：模板无法识别，按部分文档导入（模板记为 partial）：读到数字"), result.stderr)
        let units = try DQProcess.run(["--db", db, "--format", "tsv", "-c", "units"]).stdout
        XCTAssertTrue(units.contains("泸州市纳溪区机关事务服务中心\t泸州市纳溪区\t") && units.contains("\t2023（部分）\t"), units)
        let years = try DQProcess.run(["--db", db, "--format", "tsv", "-c", "years"]).stdout
        XCTAssertTrue(years.contains("泸州市纳溪区机关事务服务中心（决算，部分）"), years)
        // Line 106 of the window: 机关运行经费支出33.95万元.
        let found = try DQProcess.run(["--db", db, "--format", "tsv", "-c", "find \"机关运行经费支出33.95\""]).stdout
        XCTAssertTrue(found.contains("\t2023\t106\t"), found)
        let check = try DQProcess.run(["--db", db, "check"])
        XCTAssertTrue([0, 1].contains(check.status), check.stderr)
        XCTAssertTrue((check.stdout + check.stderr).contains("未能核对"), check.stdout + check.stderr)
        XCTAssertEqual(try DQProcess.run(["--db", db, "-c", "sql SELECT template, scope FROM disclosure"]).stdout, "template\tscope\npartial\t单位\n")
    }

    /// A text that names a 决算 but no figure, unit or year can be read from is refused, and nothing is written.
    func testUnreadableDisclosureWindowFailsAndWritesNothing() throws {
        try assertFails(file("nofigures.txt", Array("某某局2023年度部门决算\n一、概况\n本局负责全区有关工作。\n".utf8)), code: "I114")
        try assertFails(file("nounit.txt", Array("2023年度部门决算\n一、“三公”经费\n“三公”经费财政拨款支出决算为4.86万元。\n".utf8)), code: "I114")
        try assertFails(file("novel.txt", Array("第一章\n他走进房间，桌上放着三本书，共计12.50元。\n".utf8)), code: "I105")
    }

    func testTruncatedDocumentFails() throws {
        // The first 40 lines of the seed: a title and a table of contents, no figures.
        let lines = try String(contentsOfFile: Self.seed, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let path = file("truncated.txt", Array(lines.prefix(40).joined(separator: "\n").utf8))
        let db = try emptyDatabase()
        let before = try dump(db)
        let result = try DQProcess.run(["import", "--db", db, path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix(path), result.stderr)
        XCTAssertTrue(result.stderr.contains("error[I10"), result.stderr)
        XCTAssertEqual(try dump(db), before)
    }

    func testMissingFile() throws {
        try assertFails(directory.appendingPathComponent("nope.txt").path, code: "I101")
    }

    func testSeveralFilesEachReported() throws {
        let db = try emptyDatabase()
        let empty = file("empty.txt", [])
        let binary = file("b.bin", [0, 1, 2, 3])
        let letter = file("letter.txt", Array("你好\n".utf8))
        let result = try DQProcess.run(["import", "--db", db, empty, Self.seed, binary, letter])
        XCTAssertEqual(result.status, 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(empty): error[I102]") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(binary): error[I103]") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(letter): error[I105]") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(Self.seed): ") }, result.stderr)
        // No progress bar when stderr is not a terminal.
        XCTAssertFalse(result.stderr.contains("\r"))
        // The good file (once the Sichuan reader recognizes it) is in; the others are not.
        let count = try DQProcess.run(["--db", db, "-c", "sql SELECT count(*) AS n FROM disclosure"]).stdout
        let seedImported = lines.contains { $0.hasPrefix("\(Self.seed): 已导入") }
        XCTAssertEqual(count, seedImported ? "n\n1\n" : "n\n0\n")
    }

    func testMissingDatabaseIsCreatedWithSchemaOnly() throws {
        let db = directory.appendingPathComponent("sub/new.sqlite").path
        let result = try DQProcess.run(["import", "--db", db, file("letter.txt", Array("你好\n".utf8))])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: db))
        XCTAssertEqual(try DQProcess.run(["--db", db, "-c", "sql SELECT count(*) AS n FROM disclosure"]).stdout, "n\n0\n")
        XCTAssertEqual(try DQProcess.run(["--db", db, "-c", "sql SELECT value FROM meta WHERE key = 'contents'"]).stdout, "value\nempty\n")
        XCTAssertNotEqual(try DQProcess.run(["--db", db, "-c", "sql SELECT count(*) AS n FROM measure"]).stdout, "n\n0\n")
    }

    func testSeedIntoDefaultDatabase() throws {
        // Into the default (seeded) database: already loaded, or not recognized while the
        // Sichuan reader is a placeholder; either way nothing changes.
        let environment = ["HOME": directory.path, "XDG_DATA_HOME": directory.appendingPathComponent("data").path]
        let result = try DQProcess.run(["import", Self.seed], environment: environment)
        let db = directory.appendingPathComponent("data/dq/dq.sqlite").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: db))
        if result.status == 0 {
            XCTAssertEqual(result.stderr, "\(Self.seed): 已载入（与第 1 号披露相同），未作更改\n")
        } else {
            XCTAssertTrue(result.stderr.hasPrefix("\(Self.seed): error[I10"), result.stderr)
        }
        XCTAssertEqual(try DQProcess.run(["--db", db, "-c", "sql SELECT count(*) AS n FROM disclosure"]).stdout, "n\n1\n")
    }

    func testUsageErrors() throws {
        XCTAssertEqual(try DQProcess.run(["import"]).status, 2)
        XCTAssertEqual(try DQProcess.run(["import", "--template", "beijing", "x.txt"]).status, 2)
    }

    func testMetaImportInScript() throws {
        let db = try emptyDatabase()
        let letter = file("letter.txt", Array("你好\n".utf8))
        let result = try DQProcess.run(["--db", db, "-f", "-"], stdin: ".import \(letter)\nunits\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("\(letter): error[I105]"), result.stderr)
        let usage = try DQProcess.run(["--db", db, "-c", ".import"])
        XCTAssertEqual(usage.status, 1)
        XCTAssertTrue(usage.stderr.contains(".import 需要文件"), usage.stderr)
    }

    func testProgressBarOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("needs script(1) for a pty") }
        let db = try emptyDatabase()
        let one = file("one.txt", []), two = file("two.txt", [])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(DQProcess.binary.path)' import --db '\(db)' '\(one)' '\(two)'", "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertTrue(text.contains("\r\u{1B}[K[1/2] "), text)
        XCTAssertTrue(text.contains("[2/2] ") && text.contains("导入中 two.txt"), text)
        XCTAssertTrue(text.contains("\(one): error[I102]") && text.contains("\(two): error[I102]"), text)
    }

    // MARK: - Success path (needs the template readers; skipped while they recognize nothing)

    private func gbkCopyOfSeed() throws -> String {
        let path = directory.appendingPathComponent("seed-gbk.txt").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "iconv -f UTF-8 -t GB18030 '\(Self.seed)' > '\(path)'"]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return path
    }

    func testImportReimportAndReplace() throws {
        let db = try emptyDatabase()
        let first = try DQProcess.run(["import", "--db", db, Self.seed])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.hasPrefix("\(Self.seed): 已导入 中国共产党遂宁市安居区委员会办公室 2023 年度决算，第 1 号披露（事实 "),
                      first.stderr)
        let imported = try dump(db)

        // The same bytes again: a no-op with a message.
        let again = try DQProcess.run(["import", "--db", db, Self.seed])
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(again.stderr, "\(Self.seed): 已载入（与第 1 号披露相同），未作更改\n")
        XCTAssertEqual(try dump(db), imported)

        // The GBK copy is other bytes of the same unit and year: refused without --replace.
        let gbk = try gbkCopyOfSeed()
        let refused = try DQProcess.run(["import", "--db", db, gbk])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.hasPrefix("\(gbk): error[I110]: "), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("2023") && refused.stderr.contains("--replace"), refused.stderr)
        XCTAssertEqual(try dump(db), imported)

        let facts = "sql SELECT measure_id, code, fund_id, column_id, year, amount_fen, quantity, printed, derived, source_kind, line_from FROM fact ORDER BY 1, 2, 3, 4, 5, 11, 8"
        let before = try DQProcess.run(["--db", db, "-c", facts]).stdout
        let replaced = try DQProcess.run(["import", "--db", db, "--replace", gbk])
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        XCTAssertTrue(replaced.stderr.contains("替换了同单位同年度的原有版本"), replaced.stderr)
        XCTAssertEqual(try DQProcess.run(["--db", db, "-c", "sql SELECT count(*) AS n, max(source_file) AS f FROM disclosure"]).stdout,
                       "n\tf\n1\t\(gbk)\n")
        XCTAssertEqual(try DQProcess.run(["--db", db, "-c", facts]).stdout, before, "the GBK copy imports identically")
    }

    func testSeveralDocumentsAndMetaImport() throws {
        let shanghai = ["caizhengju", "guihuaziyuanju", "shehuigongzuobu"].map {
            Self.root.appendingPathComponent("fixtures/disclosures/2024-shanghai-putuo-\($0).txt").path
        }
        let db = try emptyDatabase()
        let bad = file("bad.txt", Array("一\n".utf8) + [0xFF, 0x0A])
        let result = try DQProcess.run(["import", "--db", db, shanghai[0], bad, shanghai[1]])
        XCTAssertEqual(result.status, 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(shanghai[0]): 已导入 上海市普陀区财政局 2024 年度决算") }, result.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(shanghai[1]): 已导入 ") }, result.stderr)
        XCTAssertTrue(lines.contains("\(bad):2: error[I104]: 无法识别的字符编码（既不是 UTF-8 也不是 GB18030）"), result.stderr)
        XCTAssertEqual(try DQProcess.run(["--db", db, "-c", "sql SELECT count(*) AS n FROM disclosure"]).stdout, "n\n2\n")

        // `.import` writes through the session and the new unit is queryable at once.
        let script = ".import \(shanghai[2])\nsql SELECT count(*) AS n FROM disclosure\nuse 社会工作部\n"
        let session = try DQProcess.run(["--db", db, "-f", "-"], stdin: script)
        XCTAssertEqual(session.status, 0, session.stderr)
        XCTAssertTrue(session.stderr.hasPrefix("\(shanghai[2]): 已导入 中共上海市普陀区委社会工作部 2024 年度决算"), session.stderr)
        XCTAssertEqual(session.stdout, "n\n3\n")
    }

    /// Files are read in parallel but written and reported in the order given: a bad file and a
    /// file given twice among them change nothing but their own line.
    func testManyFilesAreWrittenAndReportedInTheOrderGiven() throws {
        let shanghai = ["caizhengju", "guihuaziyuanju", "shehuigongzuobu"].map {
            Self.root.appendingPathComponent("fixtures/disclosures/2024-shanghai-putuo-\($0).txt").path
        }
        let db = try emptyDatabase()
        let bad = file("bad.txt", Array("一\n".utf8) + [0xFF, 0x0A])
        let files = [shanghai[2], bad, shanghai[0], Self.seed, shanghai[2], shanghai[1]]
        let result = try DQProcess.run(["import", "--db", db] + files)
        XCTAssertEqual(result.status, 1)
        let lines = result.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("  ") }
        XCTAssertEqual(lines.count, files.count, result.stderr)
        for (line, file) in zip(lines, files) {
            XCTAssertTrue(line.hasPrefix(file + ":"), "\(line) should report \(file)")
        }
        XCTAssertTrue(lines[1].hasPrefix("\(bad):2: error[I104]"), lines[1])
        XCTAssertEqual(lines[4], "\(shanghai[2]): 已载入（与第 1 号披露相同），未作更改")
        XCTAssertEqual(try DQProcess.run(["--db", db, "-c", "sql SELECT id, source_file FROM disclosure ORDER BY id"]).stdout,
                       "id\tsource_file\n1\t\(shanghai[2])\n2\t\(shanghai[0])\n3\t\(Self.seed)\n4\t\(shanghai[1])\n")
    }
}
