import FuzzEntries
import Foundation
import XCTest

/// Replays the fuzz corpus (fuzz/corpus: the seeds and every input a fuzzer ever crashed on)
/// through the fuzz targets' own entry points: a regression of any of them fails here.
final class FuzzCorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fuzz/corpus")

    private func inputs(_ target: String) throws -> [URL] {
        let directory = Self.corpus.appendingPathComponent(target)
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
        XCTAssertFalse(files.isEmpty, "no corpus in \(directory.path)")
        return files
    }

    func testQueryCorpus() throws {
        var compiled = 0
        for file in try inputs("query") { compiled += FuzzEntries.query(Array(try Data(contentsOf: file))) }
        XCTAssertGreaterThan(compiled, 10, "the seed queries compile")
    }

    func testImportCorpus() throws {
        var written: [String] = []
        for file in try inputs("import") where FuzzEntries.importDocument(Array(try Data(contentsOf: file))) {
            written.append(file.lastPathComponent)
        }
        for name in ["sichuan-seed.txt", "sichuan-gb18030.txt", "sichuan-unknown-operator.txt", "shanghai-caizhengju.txt"] {
            XCTAssertTrue(written.contains(name), "\(name) imports")
        }
        for name in ["sichuan-first-400-lines.txt", "sichuan-mixed-encoding.txt", "sichuan-cut-in-character.txt", "binary.bin", "empty.txt"] {
            XCTAssertFalse(written.contains(name), "\(name) is refused")
        }
    }
}
