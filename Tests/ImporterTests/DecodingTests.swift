import Core
import Foundation
@testable import Importer
import XCTest

/// TextDecoder: encodings, line numbering, and the files it refuses.
final class DecodingTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seedPath = root.appendingPathComponent("fixtures/disclosures/000_aa60969cd7f058a1.txt").path

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dq-decoding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = try temporaryDirectory().appendingPathComponent(name).path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    private func expect(_ expected: ImportError, _ body: () throws -> Any, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try body()
            XCTFail("expected \(expected)", file: file, line: line)
        } catch let error as ImportError {
            XCTAssertEqual(error, expected, file: file, line: line)
        } catch {
            XCTFail("expected \(expected), got \(error)", file: file, line: line)
        }
    }

    func testUTF8() throws {
        let bytes = Array("第一行\n二、收入 12.50 万元\n\n末行".utf8)
        let text = try TextDecoder.decode(bytes, sourceFile: "a.txt")
        XCTAssertEqual(text.lines, ["第一行", "二、收入 12.50 万元", "", "末行"])
        XCTAssertEqual(text.encoding, "UTF-8")
        XCTAssertEqual(text.sha256, SHA256.hex(bytes))
        XCTAssertEqual(text.sourceFile, "a.txt")
        // A final newline ends the last line; it does not start another.
        XCTAssertEqual(try TextDecoder.decode(Array("a\nb\n".utf8), sourceFile: "b").lines, ["a", "b"])
    }

    func testUTF8WithBOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("标题\n正文".utf8)
        let text = try TextDecoder.decode(bytes, sourceFile: "bom.txt")
        XCTAssertEqual(text.lines, ["标题", "正文"])
        XCTAssertEqual(text.encoding, "UTF-8")
        XCTAssertEqual(text.sha256, SHA256.hex(bytes), "the hash is of the bytes as given, BOM included")
    }

    func testCRLF() throws {
        let text = try TextDecoder.decode(Array("一\r\n二\r\n\r\n三\r\n".utf8), sourceFile: "crlf.txt")
        XCTAssertEqual(text.lines, ["一", "二", "", "三"])
    }

    func testSeedFixture() throws {
        let text = try TextDecoder.read(path: Self.seedPath)
        XCTAssertEqual(text.sha256, "ad55e39453befcca0fd4ffb4950c5ac7ccb00119dce321d83eed00aa28604c4b")
        XCTAssertEqual(text.encoding, "UTF-8")
        let expected = try String(contentsOfFile: Self.seedPath, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(text.lines, expected.last == "" ? Array(expected.dropLast()) : expected)
        XCTAssertEqual(text.lines.count, 2086)
    }

    func testGBKCopyGivesTheSameLines() throws {
        let directory = try temporaryDirectory()
        let gbk = directory.appendingPathComponent("seed-gbk.txt").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "iconv -f UTF-8 -t GB18030 '\(Self.seedPath)' > '\(gbk)'"]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)

        let utf8 = try TextDecoder.read(path: Self.seedPath)
        let converted = try TextDecoder.read(path: gbk)
        XCTAssertEqual(converted.encoding, "GB18030")
        XCTAssertEqual(converted.lines, utf8.lines)
        XCTAssertNotEqual(converted.sha256, utf8.sha256)
        XCTAssertEqual(converted.sha256, SHA256.hex([UInt8](try Data(contentsOf: URL(fileURLWithPath: gbk)))))
    }

    func testGB18030Lines() throws {
        // 中文 in GB18030 is D6 D0 CE C4; CRLF kept out of the text.
        let bytes: [UInt8] = Array("a\r\n".utf8) + [0xD6, 0xD0, 0xCE, 0xC4] + Array("\r\nb".utf8)
        let text = try TextDecoder.decode(bytes, sourceFile: "g.txt")
        XCTAssertEqual(text.encoding, "GB18030")
        XCTAssertEqual(text.lines, ["a", "中文", "b"])
    }

    func testEmpty() throws {
        expect(.empty(file: "e.txt")) { try TextDecoder.decode([], sourceFile: "e.txt") }
        expect(.empty(file: "w.txt")) { try TextDecoder.decode(Array(" \n\t\r\n  \n".utf8), sourceFile: "w.txt") }
        expect(.empty(file: "b.txt")) { try TextDecoder.decode([0xEF, 0xBB, 0xBF, 0x0A, 0x20], sourceFile: "b.txt") }
        let path = try write([], "empty.txt")
        expect(.empty(file: path)) { try TextDecoder.read(path: path) }
    }

    func testBinary() throws {
        expect(.binary(file: "n.bin")) { try TextDecoder.decode(Array("text\u{0}more".utf8), sourceFile: "n.bin") }
        let controls: [UInt8] = (0..<200).map { UInt8([0x01, 0x02, 0x41, 0x1B, 0x42][$0 % 5]) }
        expect(.binary(file: "c.bin")) { try TextDecoder.decode(controls, sourceFile: "c.bin") }
        // A zip (docx, xlsx) holds NUL bytes in its headers.
        expect(.binary(file: "d.docx")) { try TextDecoder.decode([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], sourceFile: "d.docx") }
        // One stray control character does not make a text binary.
        XCTAssertEqual(try TextDecoder.decode(Array("一段较长的正文，其中有一个\u{1A}控制字符。\n第二行".utf8), sourceFile: "s").lines.count, 2)
    }

    func testUndecodableLine() throws {
        let bytes = Array("第一行\n第二行\n".utf8) + [0x41, 0xFF, 0xFE, 0x42] + Array("\n第四行\n".utf8)
        expect(.undecodable(file: "u.txt", line: 3)) { try TextDecoder.decode(bytes, sourceFile: "u.txt") }
        // In a GB18030 file too: the line number is that of the file.
        let gb: [UInt8] = [0xD6, 0xD0, 0x0A, 0x0A, 0xCE, 0xC4, 0x0A, 0x81, 0x20, 0x0A]
        expect(.undecodable(file: "g.txt", line: 4)) { try TextDecoder.decode(gb, sourceFile: "g.txt") }
    }

    /// A UTF-8 document with one GB18030 line is refused at that line, not decoded as
    /// GB18030 into garbled text.
    func testUTF8FileWithOneGB18030LineIsRefused() throws {
        let gbLine: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xB2, 0xBF, 0xC3, 0xC5]   // 中文部门
        let bytes = Array("单位名称：某某局\n第二行正文\n第三行正文\n".utf8) + gbLine + Array("\n第五行正文\n".utf8)
        expect(.mixedEncoding(file: "m.txt", line: 4, encoding: "UTF-8")) { try TextDecoder.decode(bytes, sourceFile: "m.txt") }
    }

    /// A GB18030 document with one UTF-8 line is refused at that line.
    func testGB18030FileWithOneUTF8LineIsRefused() throws {
        let gb: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0x0A, 0xB2, 0xBF, 0xC3, 0xC5, 0x0A, 0xD6, 0xD0, 0xCE, 0xC4, 0x0A]
        let bytes = gb + Array("部门决算公开\n".utf8) + gb
        expect(.mixedEncoding(file: "g.txt", line: 4, encoding: "GB18030")) { try TextDecoder.decode(bytes, sourceFile: "g.txt") }
    }

    /// A document whose lines end in CR alone (no LF anywhere) has its lines.
    /// Lines of valid UTF-8 text are those of its bytes, split and decoded one by one.
    func testUTF8LinesAgreeWithSplitBytes() {
        let texts = ["a", "a\n", "a\nb", "\n", "\n\n", "a\r\nb\r\n", "a\r\n\r\n", "\r", "a\rb\r", "a\r\rb", "一\n二\r\n",
                     "\u{FEFF}一\n", "e\u{301}\n\u{301}x", "a\r\nb\rc", " \n \n", "长行长行长行长行长行长行长行\n短"]
        for text in texts {
            let split = TextDecoder.splitLines(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
            XCTAssertEqual(TextDecoder.utf8Lines(text), split, text.debugDescription)
        }
    }

    /// Binary detection on eight bytes at a time agrees with a byte-by-byte count.
    func testBinaryDetectionAgreesWithCountingBytes() {
        func counted(_ bytes: [UInt8]) -> Bool {
            if bytes.contains(0) { return true }
            let controls = bytes.count(where: { ($0 < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C].contains($0)) || $0 == 0x7F })
            return controls > 0 && controls * 20 > bytes.count
        }
        var state: UInt64 = 12_345
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 40, 41, 63, 100] {
            for trial in 0..<200 {
                // Mostly text bytes, a control now and then; a NUL only in one trial of four.
                let bytes: [UInt8] = (0..<length).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let pick = Int(state >> 58)
                    guard pick < 16 else { return [0x41, 0xE4, 0xB8, 0x80, 0x20][pick % 5] }
                    let byte: UInt8 = [0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xE4, 0xFF, 0x41, 0x0C][pick]
                    return byte == 0 && trial % 4 != 0 ? 0x20 : byte
                }
                XCTAssertEqual(TextDecoder.isBinary(bytes), counted(bytes), "\(bytes)")
            }
        }
    }

    func testCROnlyLineEnds() throws {
        let text = try TextDecoder.decode(Array("第一行\r第二行\r\r第四行\r".utf8), sourceFile: "cr.txt")
        XCTAssertEqual(text.lines, ["第一行", "第二行", "", "第四行"])
    }

    /// A pipe (`dq import /dev/stdin`, `<(…)`) is read like a file.
    func testReadsFromAPipe() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let payload = Array("第一行\n第二行\n".utf8)
        _ = payload.withUnsafeBytes { Glibc.write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        defer { close(fds[0]) }
        let text = try TextDecoder.read(path: "/dev/fd/\(fds[0])", sourceFile: "stdin")
        XCTAssertEqual(text.lines, ["第一行", "第二行"])
    }

    func testUnreadable() throws {
        let missing = "/nonexistent/dq-\(UUID().uuidString).txt"
        expect(.unreadable(file: missing, reason: "文件不存在")) { try TextDecoder.read(path: missing) }
    }

    /// A two-page PDF written by hand (no xref: pdftotext rebuilds it).
    static let pdf = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >> endobj
        4 0 obj << /Length 72 >> stream
        BT /F1 12 Tf 20 150 Td (Page one line A) Tj 0 -20 Td (Total 12.50) Tj ET
        endstream endobj
        5 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 7 0 R /Resources << /Font << /F1 6 0 R >> >> >> endobj
        6 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
        7 0 obj << /Length 40 >> stream
        BT /F1 12 Tf 20 150 Td (Page two) Tj ET
        endstream endobj
        trailer << /Root 1 0 R /Size 8 >>
        %%EOF

        """

    func testPDF() throws {
        guard TextDecoder.findExecutable("pdftotext") != nil else { throw XCTSkip("pdftotext is not installed (make deps)") }
        let path = try write(Array(Self.pdf.utf8), "two-pages.pdf")
        let text = try TextDecoder.read(path: path)
        XCTAssertEqual(text.encoding, "PDF")
        XCTAssertEqual(text.sha256, SHA256.hex(Array(Self.pdf.utf8)))
        // pdftotext's \f at the start of page 2 is dropped; its lines keep their numbers.
        XCTAssertEqual(text.lines.map { $0.trimmingCharacters(in: .whitespaces) }, ["Page one line A", "Total 12.50", "Page two"])
        XCTAssertFalse(text.lines.joined().contains("\u{0C}"))
        // Bytes in memory work through a temporary copy.
        XCTAssertEqual(try TextDecoder.decode(Array(Self.pdf.utf8), sourceFile: "mem.pdf").lines, text.lines)
    }

    func testBrokenPDF() throws {
        guard TextDecoder.findExecutable("pdftotext") != nil else { throw XCTSkip("pdftotext is not installed (make deps)") }
        let path = try write(Array("%PDF-1.4\nnothing else".utf8), "broken.pdf")
        XCTAssertThrowsError(try TextDecoder.read(path: path)) { error in
            guard case ImportError.unreadable(let file, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, path)
            XCTAssertTrue(reason.contains("pdftotext"), reason)
        }
    }

    func testPDFWithoutPdftotext() throws {
        XCTAssertNil(TextDecoder.findExecutable("pdftotext", environment: ["PATH": "/nonexistent"]))
        expect(.pdftotextMissing(file: "p.pdf")) {
            try TextDecoder.decode(Array(Self.pdf.utf8), sourceFile: "p.pdf", environment: ["PATH": "/nonexistent"])
        }
    }

    func testImporterRejectsUnknownTemplate() throws {
        let text = SourceText(lines: ["某某文件", "没有任何模板特征"], sourceFile: "x.txt", sha256: String(repeating: "0", count: 64),
                              encoding: "UTF-8")
        if TemplateReaders.all.allSatisfy({ $0.confidence(text) < DocumentImporter.minimumConfidence }) {
            expect(.unknownTemplate(file: "x.txt")) { try DocumentImporter.read(text) }
        }
        XCTAssertThrowsError(try DocumentImporter.reader(for: text, overrides: ImportOverrides(template: "nope")))
    }
}
