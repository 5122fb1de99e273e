import Foundation
import XCTest

/// dq under a bare environment (`env -i`: no LANG, no PATH, perhaps no HOME) with stdin and
/// stdout not terminals, as in CI and cron: it works, and the bytes it prints do not depend
/// on the locale.
final class LocaleTests: XCTestCase {
    private let queries = "compare 三公 2022 2023; breakdown 201; summary"

    /// Runs `executable ARGUMENTS` with exactly `environment` (nothing inherited), stdin
    /// from /dev/null, stdout and stderr to pipes.
    private func run(_ arguments: [String], environment: [String: String],
                     executable: String = DQProcess.binary.path) throws -> DQProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return DQProcess.Result(status: process.terminationStatus,
                                stdout: String(decoding: stdoutData, as: UTF8.self),
                                stderr: String(decoding: stderrData, as: UTF8.self))
    }

    private func environments() throws -> [(String, [String: String])] {
        let home = try DQProcess.temporaryDirectory(self).path
        return [
            ("empty", [:]),
            ("HOME only", ["HOME": home]),
            ("LANG=C", ["HOME": home, "LANG": "C"]),
            ("LANG=C.UTF-8", ["HOME": home, "LANG": "C.UTF-8"]),
            ("LC_ALL=de_DE.UTF-8", ["HOME": home, "LC_ALL": "de_DE.UTF-8"]),
            ("LC_ALL=POSIX", ["LC_ALL": "POSIX"]),
            ("LC_NUMERIC=de_DE.UTF-8", ["LANG": "C.UTF-8", "LC_NUMERIC": "de_DE.UTF-8"]),
            ("LANG=zh_CN.GB18030", ["LANG": "zh_CN.GB18030"]),
        ]
    }

    func testTheEnvironmentReallyIsEmpty() throws {
        let result = try run([], environment: [:], executable: "/usr/bin/env")
        XCTAssertEqual(result.stdout, "")
    }

    func testWorksUnderAnEmptyEnvironment() throws {
        let result = try run(["--memory", "-c", queries], environment: [:])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.contains("\t公务用车购置及运行维护费\t6.89\t12.52\t5.63\t81.71\t") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.contains("2013101") && $0.contains("行政运行") && $0.contains("402.23") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.contains("753.07") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.contains("\t收支总计\t") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.contains("\t机关运行经费\t") }, result.stdout)
    }

    func testOutputIsByteIdenticalUnderEveryLocale() throws {
        let environments = try environments()
        for format in ["tsv", "csv", "json", "jsonl", "table", "box", "markdown"] {
            var reference: DQProcess.Result?
            for (name, environment) in environments {
                let result = try run(["--memory", "--format", format, "-c", queries], environment: environment)
                XCTAssertEqual(result.status, 0, "\(format) under \(name): \(result.stderr)")
                XCTAssertEqual(result.stderr, "", "\(format) under \(name)")
                XCTAssertTrue(result.stdout.contains("公务用车购置及运行维护费"), "\(format) under \(name): \(result.stdout)")
                XCTAssertFalse(result.stdout.contains("\u{FFFD}"), "\(format) under \(name)")
                guard let first = reference else {
                    reference = result
                    continue
                }
                XCTAssertEqual(Data(result.stdout.utf8), Data(first.stdout.utf8), "\(format) under \(name) differs from \(environments[0].0)")
            }
        }
    }

    /// Diagnostics too: the caret sits under the Chinese text whatever the locale.
    func testErrorsAreByteIdenticalUnderEveryLocale() throws {
        var reference: DQProcess.Result?
        for (name, environment) in try environments() {
            let result = try run(["--memory", "-c", "use 区委办; compare 三工 2022 2023"], environment: environment)
            XCTAssertEqual(result.status, 1, name)
            XCTAssertEqual(result.stdout, "", name)
            XCTAssertTrue(result.stderr.hasPrefix("<command-line>:1:18: error[Q201]: "), "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("\n  use 区委办; compare 三工 2022 2023\n" + String(repeating: " ", count: 22) + "^^^^\n"),
                          "\(name): \(result.stderr)")
            if let first = reference {
                XCTAssertEqual(result.stderr, first.stderr, name)
            } else {
                reference = result
            }
        }
    }

    func testPipedScriptUnderAnEmptyEnvironment() throws {
        let directory = try DQProcess.temporaryDirectory(self)
        let script = directory.appendingPathComponent("s.dq")
        try Data("compare 三公 2022 2023\nbreakdown 201\nsummary\n".utf8).write(to: script)
        let fromFile = try run(["--memory", "-f", script.path], environment: [:])
        let oneShot = try run(["--memory", "-c", queries], environment: [:])
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        XCTAssertEqual(fromFile.stdout, oneShot.stdout)
    }

    // MARK: HOME

    /// Without HOME the home directory comes from the password database; when dq cannot
    /// make its directory there, it says so clearly (in Chinese, naming the path), not with
    /// a Foundation error dump. Needs root to run as `nobody` (home /nonexistent).
    func testWithoutHomeThePasswordDatabaseIsUsed() throws {
        let setpriv = "/usr/bin/setpriv"
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv), let nobody = getpwnam("nobody"),
              let directory = nobody.pointee.pw_dir, String(cString: directory) == "/nonexistent" else {
            throw XCTSkip("needs root, setpriv and a `nobody` user whose home is /nonexistent")
        }
        let arguments = ["--reuid=\(nobody.pointee.pw_uid)", "--regid=\(nobody.pointee.pw_gid)", "--clear-groups",
                         DQProcess.binary.path, "-c", "years"]
        let result = try run(arguments, environment: [:], executable: setpriv)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("dq: error["), result.stderr)
        XCTAssertTrue(result.stderr.contains("/nonexistent"), "the path from the password database: \(result.stderr)")
        XCTAssertFalse(result.stderr.contains("Error Domain"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }

    /// A HOME where nothing can be created gives a clear error naming the path.
    func testAnUnusableHomeGivesAClearError() throws {
        let result = try run(["-c", "years"], environment: ["HOME": "/dev/null"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("dq: error["), result.stderr)
        XCTAssertTrue(result.stderr.contains("/dev/null/.local"), result.stderr)
        XCTAssertFalse(result.stderr.contains("Error Domain"), result.stderr)
        XCTAssertFalse(result.stderr.contains("error[E000]"), "a setup error deserves its own code: \(result.stderr)")
    }

    /// No HOME and no password entry: the documented clear error, and --memory still works.
    func testNoHomeAtAll() throws {
        let setpriv = "/usr/bin/setpriv"
        let uid: uid_t = 54_321
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv), getpwuid(uid) == nil else {
            throw XCTSkip("needs root, setpriv and a free uid")
        }
        let asStranger = ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", DQProcess.binary.path]
        let failing = try run(asStranger + ["-c", "years"], environment: [:], executable: setpriv)
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.stderr.hasPrefix("dq: error[S106]: "), failing.stderr)
        XCTAssertTrue(failing.stderr.contains("HOME"), failing.stderr)

        let memory = try run(asStranger + ["--memory", "-c", "years"], environment: [:], executable: setpriv)
        XCTAssertEqual(memory.status, 0, memory.stderr)
        XCTAssertTrue(memory.stdout.hasPrefix("year\t"), memory.stdout)
    }
}
