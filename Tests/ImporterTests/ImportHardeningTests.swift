import Core
import Foundation
import Store
import XCTest
@testable import Importer

/// Documents a careless source produces: unknown operators, cut-off files.
final class ImportHardeningTests: XCTestCase {
    static let root = SichuanReaderTests.root

    private func lines(_ relativePath: String) throws -> [String] {
        try String(contentsOf: Self.root.appendingPathComponent(relativePath), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func text(_ lines: [String], _ name: String) -> SourceText {
        SourceText(lines: lines, sourceFile: name, sha256: SHA256.hex(Array(lines.joined(separator: "\n").utf8)), encoding: "UTF-8")
    }

    /// Seed line 404 prints ＞ (the 指标性质 of the indicator row starting on line 400); ≧ in its place is kept as
    /// printed text with a warning and the document still writes.
    func testUnknownIndicatorOperatorIsKeptAsTextWithAWarning() throws {
        var seed = try lines(SichuanReaderTests.seedPath)
        XCTAssertEqual(seed[403], "\t＞")
        seed[403] = "\t≧"
        let result = try DocumentImporter.read(text(seed, "op.txt"))
        XCTAssertTrue(result.report.warnings.contains { $0.hasPrefix("第400行：无法识别的指标性质“≧”") }, "\(result.report.warnings)")
        let indicator = try XCTUnwrap(result.document.projects.flatMap(\.indicators).first { $0.lineFrom <= 404 && 404 <= $0.lineTo })
        XCTAssertNil(indicator.operatorPrinted)
        XCTAssertEqual(indicator.target, "≧80")
        let database = try Connections.memory(contents: .empty).writer
        XCTAssertNoThrow(try DocumentWriter.write(result.document, into: database))
    }

    func testTruncatedSichuanDocumentIsRefused() throws {
        let seed = try lines(SichuanReaderTests.seedPath)
        XCTAssertThrowsError(try DocumentImporter.read(text(Array(seed.prefix(1000)), "cut.txt"))) { error in
            // Lines 997–1000 are blank: the last line printed is 996.
            XCTAssertEqual(error as? ImportError, .truncated(file: "cut.txt", line: 996, missing: "第五部分"))
        }
    }

    /// The Shanghai document lists its four parts in a table of contents (lines 12–39): the
    /// body must still reach 第四部分.
    func testTruncatedShanghaiDocumentIsRefusedDespiteItsContents() throws {
        let document = try lines("fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt")
        XCTAssertThrowsError(try DocumentImporter.read(text(Array(document.prefix(300)), "cut.txt"))) { error in
            guard case .truncated(_, _, let missing) = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(missing, "第三部分、第四部分")
        }
        XCTAssertNoThrow(try DocumentImporter.read(text(document, "whole.txt")))
    }

    /// Cut in the middle of a UTF-8 character: reported as truncated, not as an encoding.
    func testFileCutInsideACharacterIsTruncatedNotMixed() throws {
        let bytes = Array(try lines(SichuanReaderTests.seedPath).prefix(1000).joined(separator: "\n").utf8).dropLast(1)
        XCTAssertThrowsError(try DocumentImporter.read(TextDecoder.decode(Array(bytes), sourceFile: "cut.txt"))) { error in
            guard case .truncated = error as? ImportError else { return XCTFail("\(error)") }
        }
    }
}

/// A write that runs out of space (SQLITE_FULL, injected with max_page_count) is reported as
/// a full disk, not as a constraint failure, and changes nothing.
final class FullDiskTests: XCTestCase {
    func testFullDiskIsNamedAndChangesNothing() throws {
        let document = try DocumentImporter.read(SichuanReaderTests.source(SichuanReaderTests.seedPath)).document
        let connections = try Connections.memory(contents: .empty)
        let pages = try XCTUnwrap(connections.writer.scalar("PRAGMA page_count")?.int64)
        try connections.writer.execute("PRAGMA max_page_count = \(pages + 2)")
        XCTAssertThrowsError(try DocumentWriter.write(document, into: connections.writer)) { error in
            let failure = error as? DocumentWriteError
            XCTAssertEqual(failure?.code, "I112", "\(error)")
            XCTAssertTrue(failure?.message.contains("磁盘已满") ?? false, "\(error)")
        }
        XCTAssertEqual(try connections.reader.scalar("SELECT count(*) FROM disclosure"), .integer(0))
    }
}
