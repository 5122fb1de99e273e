import ArgumentParser
import XCTest
@testable import dq

/// `dq import` with many files parses as it would whole, with the files set aside.
final class ArgumentOrderTests: XCTestCase {
    /// The import command the parser makes of `arguments`, whole or with files set aside.
    private func importCommand(_ arguments: [String], settingAside: Bool) throws -> ImportCommand {
        guard case .run(let reordered) = ArgumentOrder.request(arguments) else {
            XCTFail("not a run: \(arguments)")
            throw CancellationError()
        }
        let (parsed, more) = settingAside ? ArgumentOrder.setAsideFiles(reordered) : (reordered, [])
        var command = try XCTUnwrap(DQCommand.parseAsRoot(parsed) as? ImportCommand)
        command.files += more
        return command
    }

    func testFilesSetAsideParseAsTheWholeLine() throws {
        let lines: [[String]] = [
            ["import", "甲局 2023.txt", "乙局.pdf", "丙.txt"],
            ["--db", "库.sqlite", "import", "a.txt", "--unit", "遂宁市 甲局", "b.txt", "--year", "2023", "c.txt"],
            ["import", "--replace", "a.txt", "--template", "shanghai", "-", "b.txt", "--strict", "c.txt", "--as-one"],
            ["import", "--db=x.sqlite", "a.txt", "b.txt"],
            ["import", "only.txt"],
        ]
        for line in lines {
            let whole = try importCommand(line, settingAside: false)
            let aside = try importCommand(line, settingAside: true)
            XCTAssertEqual(aside.files, whole.files, "\(line)")
            XCTAssertGreaterThan(aside.files.count, 0)
            XCTAssertEqual(aside.db, whole.db, "\(line)")
            XCTAssertEqual(aside.unit, whole.unit, "\(line)")
            XCTAssertEqual(aside.year, whole.year, "\(line)")
            XCTAssertEqual(aside.template, whole.template, "\(line)")
            XCTAssertEqual([aside.replace, aside.strict, aside.asOne], [whole.replace, whole.strict, whole.asOne], "\(line)")
        }
    }

    func testOnlyTheFirstFileReachesTheParser() {
        let files = (1...5000).map { "文件\($0).txt" }
        let (parsed, more) = ArgumentOrder.setAsideFiles(["import", "--db", "d.sqlite"] + files + ["--strict"])
        XCTAssertEqual(parsed, ["import", "--db", "d.sqlite", "文件1.txt", "--strict"])
        XCTAssertEqual(more, Array(files.dropFirst()))
    }

    func testOtherLinesAndDoubleDashAreLeftWhole() {
        for line in [["check", "a", "b"], ["import", "a.txt", "--", "-b.txt", "c.txt"], ["-c", "years"]] {
            let (parsed, more) = ArgumentOrder.setAsideFiles(line)
            XCTAssertEqual(parsed, line)
            XCTAssertEqual(more, [])
        }
    }
}
