import XCTest
import Core
@testable import Importer

/// The Sichuan document as a PDF's text would give it: every prose paragraph hard-wrapped over
/// lines of 72 columns with no blank line between paragraphs. The reader re-joins the
/// paragraphs and reads the same figures and statements as from the Word text, each on the
/// physical line that prints it.
final class SichuanWrappedTextTests: XCTestCase {
    /// The display width (columns) of a full line: 36 Chinese characters.
    static let width = 72

    /// The seed's text as a PDF would wrap it: prose lines (not tables, not chart data) cut at
    /// 72 columns, never inside a number, a last piece of nearly full width cut in two (a
    /// paragraph's last line stops short of the margin); the blank line after a paragraph dropped.
    static func wrapped() throws -> SourceText {
        let seed = try SichuanReaderTests.source(SichuanReaderTests.seedPath)
        let chartStart = SichuanSections(lines: seed.lines).chartStart ?? seed.lines.count + 1
        var out: [String] = []
        for (index, line) in seed.lines.enumerated() {
            let prose = index + 1 < chartStart && !line.hasPrefix("\t")
            if prose, line.trimmingSpaces.isEmpty, let last = out.last, !last.trimmingSpaces.isEmpty, !last.hasPrefix("\t") { continue }
            guard prose, DisplayWidth.of(line) > width - 8 else { out.append(line); continue }
            var pieces: [[Character]] = [], piece: [Character] = []
            for c in line {
                if DisplayWidth.of(String(piece + [c])) > width, let last = piece.last, !(isNumeric(last) && isNumeric(c)) {
                    pieces.append(piece)
                    piece = []
                }
                piece.append(c)
            }
            if DisplayWidth.of(String(piece)) > width - 8 {
                var cut = piece.count / 2
                while cut < piece.count - 1, isNumeric(piece[cut - 1]) && isNumeric(piece[cut]) { cut += 1 }
                pieces.append(Array(piece[..<cut]))
                piece = Array(piece[cut...])
            }
            pieces.append(piece)
            out += pieces.map { String($0) }
        }
        return SourceText(lines: out, sourceFile: "wrapped.txt", sha256: "", encoding: "UTF-8")
    }

    static func isNumeric(_ c: Character) -> Bool { c.isASCII && (c.isNumber || c == ".") || c == "%" }

    func testWrappedSeedReadsTheSameFigures() throws {
        let text = try Self.wrapped()
        let word = try SichuanReader.read(SichuanReaderTests.source(SichuanReaderTests.seedPath), overrides: ImportOverrides()).document
        let pdf = try SichuanReader.read(text, overrides: ImportOverrides()).document
        XCTAssertGreaterThan(text.lines.filter { DisplayWidth.of($0) >= Self.width - 1 }.count, 100, "the text is hard-wrapped")
        XCTAssertGreaterThan(pdf.paragraphs.filter { !$0.lineStarts.isEmpty }.count, 100, "wrapped paragraphs are joined")
        func key(_ f: ImportedFact) -> String {
            "\(f.measureID ?? f.code ?? "") \(f.fund) \(f.column) \(f.year) \(f.amountFen ?? f.quantity ?? 0) \(f.provenance.kind)"
        }
        /// What one list holds more often than the other ("+" only in the wrapped text, "−" only in the Word text).
        func difference(_ a: [String], _ b: [String]) -> [String] {
            var counts: [String: Int] = [:]
            for x in a { counts[x, default: 0] += 1 }
            for x in b { counts[x, default: 0] -= 1 }
            return counts.filter { $0.value != 0 }.map { ($0.value > 0 ? "+" : "−") + $0.key }.sorted()
        }
        XCTAssertEqual(pdf.facts.count, word.facts.count)
        XCTAssertEqual(difference(pdf.facts.map(key), word.facts.map(key)), [])
        XCTAssertEqual(difference(pdf.statements.map { "\($0.kind) \($0.printed)" }, word.statements.map { "\($0.kind) \($0.printed)" }), [])
        // Each text figure and statement is on the line that prints it (a statement may run on).
        for f in pdf.facts where f.provenance.kind == "text" {
            guard let printed = f.printed else { continue }
            XCTAssertTrue(text.line(f.provenance.lineFrom).contains(printed), "L\(f.provenance.lineFrom) does not print \(printed)")
        }
        for s in pdf.statements where s.provenance.kind == "text" {
            let span = (s.provenance.lineFrom...s.provenance.lineTo).map { text.line($0).trimmingSpaces }.joined()
            XCTAssertTrue(span.contains(s.printed), "L\(s.provenance.lineFrom)-\(s.provenance.lineTo) does not print \(s.printed)")
        }
    }
}
