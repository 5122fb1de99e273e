import Foundation
import XCTest

/// `.output` and `.once` write files in place and refuse what must not be written; a
/// failed write of results is an error with status 1.
final class OutputTargetTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try DQProcess.temporaryDirectory(self)
    }

    private func database() throws -> String {
        let path = directory.appendingPathComponent("dq.sqlite").path
        XCTAssertEqual(try DQProcess.run(["init", "--db", path]).status, 0)
        return path
    }

    func testTheOpenDatabaseIsRefusedAndLeftIntact() throws {
        let db = try database()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let link = directory.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: db)
        for target in [db, link] {
            for command in [".output", ".once"] {
                let result = try DQProcess.run(["--db", db, "-f", "-"], stdin: "\(command) \(target)\nyears\n")
                XCTAssertEqual(result.status, 1, "\(command) \(target)")
                XCTAssertTrue(result.stderr.contains("是正在使用的数据库"), result.stderr)
            }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before)
        let after = try DQProcess.run(["--db", db, "-c", "sql SELECT count(*) AS n FROM disclosure"])
        XCTAssertEqual(after.stdout, "n\n1\n", after.stderr)
    }

    func testAnExistingFileIsWrittenInPlaceAndTheTruncationSaid() throws {
        let file = directory.appendingPathComponent("out.txt").path
        let other = directory.appendingPathComponent("hardlink.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("old content\n".utf8)))
        try FileManager.default.linkItem(atPath: file, toPath: other)
        let result = try DQProcess.run(["--memory", "-f", "-"], stdin: ".output \(file)\nsql SELECT 'new' AS x\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("已清空原有文件 \(file)（12 字节）"), result.stderr)
        // Same inode: the hard link sees the results (a rename would have left it alone).
        XCTAssertEqual(try String(contentsOfFile: other, encoding: .utf8), "x\nnew\n")
    }

    func testDirectoriesAreRefusedAndDevicesAndFIFOsWrittenAsSuch() throws {
        let refused = try DQProcess.run(["--memory", "-f", "-"], stdin: ".output \(directory.path)\n")
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("是目录"), refused.stderr)
        let null = try DQProcess.run(["--memory", "-f", "-"], stdin: ".output /dev/null\nyears\n")
        XCTAssertEqual(null.status, 0, null.stderr)
        XCTAssertEqual(null.stdout, "")
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)

        let fifo = directory.appendingPathComponent("fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = Expectation()
        Thread.detachNewThread {
            let descriptor = open(fifo, O_RDONLY)
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while descriptor >= 0 {
                let count = read(descriptor, &chunk, chunk.count)
                if count <= 0 { break }
                bytes += chunk[..<count]
            }
            if descriptor >= 0 { close(descriptor) }
            received.value = String(decoding: bytes, as: UTF8.self)
        }
        let result = try DQProcess.run(["--memory", "-f", "-"], stdin: ".output \(fifo)\nsql SELECT 'through' AS x\n.output\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(received.wait(), "x\nthrough\n")
        XCTAssertEqual(stat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
    }

    func testOnceAndPipesToACommand() throws {
        let file = directory.appendingPathComponent("once.txt").path
        let result = try DQProcess.run(["--memory", "-f", "-"], stdin: """
            .once \(file)
            sql SELECT 'first' AS x
            sql SELECT 'second' AS x
            .once |tr a-z A-Z
            sql SELECT 'third' AS x
            .output |sed s/^/P:/
            sql SELECT 'fourth' AS x
            .output
            sql SELECT 'fifth' AS x

            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "x\nfirst\n")
        XCTAssertEqual(result.stdout, "x\nsecond\nX\nTHIRD\nP:x\nP:fourth\nx\nfifth\n")
    }

    /// A command that stops reading early (a pager the user quits) is no failure.
    func testACommandThatStopsReadingIsNoError() throws {
        let result = try DQProcess.run(["--memory", "-f", "-"], stdin: """
            .once |head -1
            sql WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) SELECT x FROM c
            sql SELECT 'after' AS y

            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "x\ny\nafter\n")
    }

    func testAFailedWriteOfResultsExitsWithOne() throws {
        let runs = ["table", "tsv", "csv", "json"].map { ["--memory", "--format", $0, "-c", "units"] }
            + [["--memory", "init", "--help"]]
        for arguments in runs {
            let format = arguments.joined(separator: " ")
            let process = Process()
            process.executableURL = DQProcess.binary
            process.arguments = arguments
            process.environment = ["PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 1, format)
            XCTAssertTrue(stderr.contains("error[E003]") && stderr.contains("磁盘已满"), stderr)
        }
        let redirected = try DQProcess.run(["--memory", "-f", "-"], stdin: ".output /dev/full\nyears\n.output\nyears\n")
        XCTAssertEqual(redirected.status, 1)
        XCTAssertTrue(redirected.stderr.contains("写入 /dev/full 时失败"), redirected.stderr)
        XCTAssertEqual(redirected.stdout, "", "the script stops at the failed line")
    }
}

/// A value handed over from another thread.
private final class Expectation: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    var value: String? { didSet { done.signal() } }

    func wait() -> String? {
        _ = done.wait(timeout: .now() + 10)
        return value
    }
}
