import Foundation
import XCTest

/// The HTML report in a real browser: Debian's headless Chromium (`make test` installs it)
/// loads the report from a file with networking disabled (no DNS, a dead proxy), and the
/// test checks the DOM, the console, the network log, a 1280×800 screenshot and an A4 PDF.
/// A control page with an external image and a failing script shows the checks can fail.
/// `RECORD_GOLDENS=1` also refreshes the screenshot kept in docs/.
final class ReportBrowserTests: XCTestCase {
    static let screenshot = ImportCommandTests.root.appendingPathComponent("docs/report-seed.png")

    private var directory: URL!

    override func setUpWithError() throws {
        directory = try DQProcess.temporaryDirectory(self)
    }

    static var browser: String? {
        ["chromium-headless-shell", "chromium"].lazy.map { "/usr/bin/" + $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs a program (with a time limit); its output goes through files, so neither pipe fills.
    private func run(_ program: String, _ arguments: [String]) throws -> Output {
        let name = UUID().uuidString
        let stdoutURL = directory.appendingPathComponent(name + ".out"), stderrURL = directory.appendingPathComponent(name + ".err")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", program] + arguments
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
                      stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }

    /// Chromium with networking disabled and its log on stderr; `extra` says what to do.
    private func chromium(_ page: URL, _ extra: [String], netLog: URL? = nil) throws -> Output {
        let browser = try XCTUnwrap(Self.browser, "headless Chromium is missing: make test installs chromium-headless-shell")
        var arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                         "--user-data-dir=" + directory.appendingPathComponent("profile").path,
                         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
                         "--disable-background-networking", "--enable-logging=stderr", "--v=0"]
        if let netLog { arguments.append("--log-net-log=" + netLog.path) }
        return try run(browser, arguments + extra + [page.absoluteString])
    }

    private func makeReport() throws -> URL {
        let file = directory.appendingPathComponent("report.html")
        let result = try DQProcess.run(["report", "--memory", "--source", ImportCommandTests.seed, "-o", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return file
    }

    /// Console messages (errors, CSP violations) and the URLs of network requests.
    private func load(_ page: URL) throws -> (dom: String, console: [String], requests: [String]) {
        let netLog = directory.appendingPathComponent(page.lastPathComponent + ".netlog.json")
        let output = try chromium(page, ["--dump-dom"], netLog: netLog)
        XCTAssertEqual(output.status, 0, output.stderr)
        let console = output.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        let log = try String(contentsOf: netLog, encoding: .utf8)
        let requests = log.components(separatedBy: "\"url\":\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            .filter { !$0.hasPrefix("file:") && !$0.hasPrefix("data:") }
        return (output.stdout, console, requests)
    }

    func testReportInHeadlessChromium() throws {
        let report = try makeReport()
        let (dom, console, requests) = try load(report)
        XCTAssertEqual(console, [], "console messages")
        XCTAssertEqual(requests, [], "network requests")

        // Every finding `dq check` lists is in the DOM, and every number carries its source.
        let findings = try ReportCommandTests.checkFindings()
        XCTAssertEqual(dom.components(separatedBy: "<article class=\"finding ").count - 1, findings.count)
        for finding in findings {
            XCTAssertTrue(dom.contains(ReportCommandTests.escapeHTML(finding.message)), "missing finding \(finding.rule)")
        }
        let numbers = dom.components(separatedBy: "<td class=\"n num\"").dropFirst()
        XCTAssertGreaterThan(numbers.count, 50)
        for cell in numbers {
            let title = cell.components(separatedBy: "title=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
            XCTAssertTrue(title.contains("行") || title.contains("计算") || title.contains("推算"), "no source: \(cell.prefix(100))")
        }
        XCTAssertTrue(dom.contains("<svg"), "charts are inline")

        // A 1280×800 screenshot that is not one colour.
        let png = directory.appendingPathComponent("report.png")
        let shot = try chromium(report, ["--screenshot=" + png.path, "--window-size=1280,800"])
        XCTAssertEqual(shot.status, 0, shot.stderr)
        let pixels = try run("/usr/bin/python3", ["-c", Self.pngScript, png.path])
        XCTAssertEqual(pixels.status, 0, pixels.stderr)
        let fields = pixels.stdout.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        XCTAssertEqual(Array(fields.prefix(2)), [1280, 800])
        XCTAssertGreaterThan(fields.last ?? 0, 20, "colours in the screenshot")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: Self.screenshot.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = try? FileManager.default.removeItem(at: Self.screenshot)
            try FileManager.default.copyItem(at: png, to: Self.screenshot)
        }

        // An A4 PDF: a page for the contents, then each disclosure and its findings start a page.
        let pdf = directory.appendingPathComponent("report.pdf")
        let printed = try chromium(report, ["--print-to-pdf=" + pdf.path, "--no-pdf-header-footer"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let info = try run("/usr/bin/pdfinfo", [pdf.path]).stdout
        XCTAssertTrue(info.contains("(A4)"), info)
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
        XCTAssertGreaterThanOrEqual(pages, 3, info)
        XCTAssertLessThan(pages, 60, info)
        let text = try run("/usr/bin/pdftotext", [pdf.path, "-"]).stdout
        XCTAssertTrue(text.contains("部门决算审核底稿"))
        XCTAssertTrue(text.contains(findings[0].rule), "the PDF has text, not blank pages")
    }

    /// A budget and a final account of one unit and year (the pair of ReportBudgetTests): the
    /// workpaper with its 预算执行 section loads as cleanly, every number with its source.
    func testBudgetExecutionReportInHeadlessChromium() throws {
        let db = directory.appendingPathComponent("pair.sqlite").path
        let imports = [["init", "--empty", "--db", db], ["import", "--db", db, BudgetCommandTests.budget(ReportBudgetTests.shanghai)],
                       ["import", "--db", db, "--unit", "上海市普陀区商务委员会", "--year", "2025", ReportBudgetTests.final]]
        for arguments in imports { XCTAssertEqual(try DQProcess.run(arguments).status, 0, arguments.joined(separator: " ")) }
        let file = directory.appendingPathComponent("pair.html")
        let result = try DQProcess.run(["report", "--db", db, "-o", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let (dom, console, requests) = try load(file)
        XCTAssertEqual(console, [], "console messages")
        XCTAssertEqual(requests, [], "network requests")
        XCTAssertTrue(dom.contains("<h3>预算执行（2025年部门预算 与 2025年决算）</h3>"))
        let numbers = dom.components(separatedBy: "<td class=\"n num\"").dropFirst()
        XCTAssertGreaterThan(numbers.count, 50)
        for cell in numbers {
            let title = cell.components(separatedBy: "title=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
            XCTAssertTrue(title.contains("行") || title.contains("计算") || title.contains("推算"), "no source: \(cell.prefix(100))")
        }
    }

    func testTheChecksCatchAnExternalRequestAndAConsoleError() throws {
        let report = try String(contentsOf: try makeReport(), encoding: .utf8)
        let control = directory.appendingPathComponent("control.html")
        let broken = report.replacingOccurrences(of: "</body>", with: "<img src=\"http://example.invalid/x.png\"><script>undefinedFunction()</script></body>")
        // With the report's Content-Security-Policy both are blocked and reported on the console.
        try broken.write(to: control, atomically: true, encoding: .utf8)
        XCTAssertEqual(try load(control).console.count, 2)
        // Without it, the browser tries the request (and networking being off, it fails).
        let unguarded = broken.replacingOccurrences(of: "<meta http-equiv=\"Content-Security-Policy\"", with: "<meta name=\"x\"")
        try unguarded.write(to: control, atomically: true, encoding: .utf8)
        let (_, console, requests) = try load(control)
        XCTAssertTrue(console.contains { $0.contains("undefinedFunction") }, "\(console)")
        XCTAssertTrue(requests.contains("http://example.invalid/x.png"), "\(requests)")
    }

    func testTheScreenshotInDocsIsAReportScreenshot() throws {
        let data = try Data(contentsOf: Self.screenshot)
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let readme = try String(contentsOf: ImportCommandTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("](docs/report-seed.png)"))
    }

    /// Prints "width height colours" of an 8-bit RGB(A) PNG (colours counted up to 1000).
    static let pngScript = """
        import sys, zlib, struct
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
        pos, idat = 8, b''
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b'IHDR': width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            if kind == b'IDAT': idat += body
            pos += 12 + length
        assert depth == 8 and colour in (2, 6)
        bpp = 3 if colour == 2 else 4
        raw, stride, prev, colours = zlib.decompress(idat), width * bpp, bytearray(width * bpp), set()
        for y in range(height):
            f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                if f == 1: line[i] = (line[i] + a) & 255
                elif f == 2: line[i] = (line[i] + b) & 255
                elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            if y % 8 == 0 and len(colours) < 1000:
                colours.update(bytes(line[i:i + 3]) for i in range(0, stride, bpp * 4))
            prev = line
        print(width, height, len(colours))
        """
}
