import Foundation
import XCTest

/// dq in shell pipelines: a reader that stops early, the default format off a terminal,
/// the BOM for Excel, and no terminal escapes ever.
final class PipeTests: XCTestCase {
    private let manyRows = "sql WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 200000) SELECT x FROM c"

    /// Runs `script` with bash; `$DQ` is the binary. Returns stdout and the exit status.
    private func bash(_ script: String, environment: [String: String] = [:]) throws -> (stdout: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = ["PATH": "/usr/bin:/bin", "DQ": DQProcess.binary.path].merging(environment) { _, new in new }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    func testHeadClosingThePipeEndsDqQuietlyWithStatusZero() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        for format in ["tsv", "csv", "json", "jsonl", "table"] {
            let err = directory.appendingPathComponent("err-\(format)").path
            let result = try bash("\"$DQ\" --memory --format \(format) -c \(TmuxSession.quote(manyRows)) 2>\(TmuxSession.quote(err)) | head -1; echo \"status=${PIPESTATUS[0]}\"")
            // By scalars: CSV ends its lines with CRLF, one Character in Swift.
            let lines = result.stdout.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
            XCTAssertEqual(lines.count, 3, "\(format): \(result.stdout)")  // one line, the status, ""
            XCTAssertEqual(lines.dropFirst().first, "status=0", "\(format): \(result.stdout)")
            XCTAssertFalse(lines[0].isEmpty, format)
            XCTAssertEqual(try String(contentsOfFile: err, encoding: .utf8), "", format)
        }
    }

    func testHeadOnTheDefaultFormat() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        let err = directory.appendingPathComponent("err").path
        let result = try bash("\"$DQ\" --memory -c \(TmuxSession.quote(manyRows)) 2>\(TmuxSession.quote(err)) | head -1; echo ${PIPESTATUS[0]}")
        XCTAssertEqual(result.stdout, "x\n0\n")
        XCTAssertEqual(try String(contentsOfFile: err, encoding: .utf8), "")
    }

    func testAPipedScriptCutShortByHeadAlsoEndsWithStatusZero() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        let err = directory.appendingPathComponent("err").path
        let result = try bash("printf '%s\\nyears\\n' \(TmuxSession.quote(manyRows)) | \"$DQ\" --memory 2>\(TmuxSession.quote(err)) | head -2; echo ${PIPESTATUS[1]}")
        XCTAssertEqual(result.stdout, "x\n1\n0\n")
        XCTAssertEqual(try String(contentsOfFile: err, encoding: .utf8), "")
    }

    func testTSVIsTheDefaultOffATerminal() throws {
        let result = try DQProcess.run(["--memory", "-c", "compare 三公 2022 2023"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first?.split(separator: "\t").first, "unit")
        XCTAssertTrue(lines.contains { $0.contains("\t公务用车购置及运行维护费\t6.89\t12.52\t5.63\t81.71\t") }, result.stdout)
        // Every line has as many fields as the header: one header line, no decoration.
        let fields = Set(lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count })
        XCTAssertEqual(fields.count, 1, result.stdout)
        XCTAssertFalse(result.stdout.contains("─"))
        XCTAssertEqual(try DQProcess.run(["--memory", "--format", "tsv", "-c", "compare 三公 2022 2023"]).stdout, result.stdout)

        // The same through a shell pipe.
        let piped = try bash("\"$DQ\" --memory -c 'compare 三公 2022 2023' | cat")
        XCTAssertEqual(piped.stdout, result.stdout)
    }

    func testCSVWithBOMStartsWithTheBOM() throws {
        let result = try DQProcess.run(["--memory", "--format", "csv", "--bom", "-c", "compare 三公 2022 2023"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.unicodeScalars.first == "\u{FEFF}", result.stdout)
        XCTAssertTrue(result.stdout.hasPrefix("\u{FEFF}unit,item,"), result.stdout)
        // Exactly one BOM, even for several statements.
        let two = try DQProcess.run(["--memory", "--format", "csv", "--bom", "-c", "years; units"])
        XCTAssertEqual(two.stdout.unicodeScalars.filter { $0 == "\u{FEFF}" }.count, 1, two.stdout)

        let plain = try DQProcess.run(["--memory", "--format", "csv", "-c", "compare 三公 2022 2023"])
        XCTAssertTrue(plain.stdout.hasPrefix("unit,item,"), plain.stdout)
        XCTAssertEqual("\u{FEFF}" + plain.stdout, result.stdout)
    }

    func testNoColorChangesNothingAndThereAreNoEscapes() throws {
        let commands = ["compare 三公 2022 2023", "breakdown 201", "summary", "projects where adjusted < initial",
                        "compare 三工 2022 2023"]
        for format in ["table", "box", "csv", "tsv", "json", "jsonl", "markdown"] {
            for command in commands {
                let base = ["TERM": "xterm-256color", "COLUMNS": "80"]
                let plain = try DQProcess.run(["--memory", "--format", format, "-c", command], environment: base)
                let noColor = try DQProcess.run(["--memory", "--format", format, "-c", command],
                                                environment: base.merging(["NO_COLOR": "1"]) { _, new in new })
                XCTAssertEqual(plain.stdout, noColor.stdout, "\(format) \(command)")
                XCTAssertEqual(plain.stderr, noColor.stderr, "\(format) \(command)")
                XCTAssertEqual(plain.status, noColor.status)
                for text in [plain.stdout, plain.stderr] {
                    XCTAssertFalse(text.utf8.contains(0x1B), "ESC in \(format) \(command): \(text)")
                }
            }
        }
    }
}
