import XCTest
import Core
@testable import Importer

/// Loads a fixture as a SourceText without the decoder (lines of the file, sha of its bytes).
enum ShanghaiFixture {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func text(_ relative: String) throws -> SourceText {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
        let string = String(decoding: data, as: UTF8.self)
        var lines = string.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let pages = TextDecoder.pageStarts(lines)
        lines = lines.map { $0.replacingOccurrences(of: "\u{0C}", with: "").replacingOccurrences(of: "\r", with: "") }
        return SourceText(lines: lines, sourceFile: relative, sha256: SHA256.hex(Array(data)), encoding: "UTF-8", pageStarts: pages)
    }

    static func read(_ relative: String) throws -> ImportResult {
        try ShanghaiReader.read(TextNormalizer.normalize(try text(relative)), overrides: ImportOverrides())
    }

    static func dump(_ r: ImportResult) -> String {
        var out = "\(r.document.unit.name) \(r.document.year) \(r.document.title)\n"
        for (i, f) in r.document.facts.enumerated() {
            out += "\(i) \(f.measureID ?? "code:" + (f.code ?? "")) \(f.fund) \(f.column) \(f.year) \(f.printed ?? "-") \(f.amountFen ?? f.quantity ?? 0) L\(f.provenance.lineFrom)-\(f.provenance.lineTo) \(f.provenance.kind)\n"
        }
        for s in r.document.statements { out += "S \(s.kind) \(s.printed) \(s.amountFen ?? 0) part \(s.partFact ?? -1) base \(s.baseFact ?? -1) L\(s.provenance.lineFrom)\n" }
        out += "warnings: \(r.report.warnings.joined(separator: "\n"))\nunrecognized: \(r.report.unrecognizedFigureLines)\n"
        return out
    }
}

final class ShanghaiDumpTests: XCTestCase {
    func testDump() throws {
        guard let which = ProcessInfo.processInfo.environment["SHANGHAI_DUMP"] else { return }
        print(ShanghaiFixture.dump(try ShanghaiFixture.read(which)))
    }
}

extension ShanghaiFixture {
    struct Key: Hashable, CustomStringConvertible {
        var measure: String?
        var code: String?
        var fund: String
        var column: String
        var year: Int
        var amount: Int64?
        var quantity: Int64?
        var description: String { "\(measure ?? "code " + (code ?? "")) \(fund) \(column) \(year) \(amount ?? quantity ?? -1)" }
    }

    static func keys(_ r: ImportResult) -> [Key: Int] {
        var out: [Key: Int] = [:]
        for f in r.document.facts {
            out[Key(measure: f.measureID, code: f.code, fund: f.fund, column: f.column, year: f.year, amount: f.amountFen,
                    quantity: f.quantity), default: 0] += 1
        }
        return out
    }
}

final class ShanghaiVariantDumpTests: XCTestCase {
    func testVariantDiff() throws {
        guard let which = ProcessInfo.processInfo.environment["SHANGHAI_VARIANT"] else { return }
        let a = ShanghaiFixture.keys(try ShanghaiFixture.read("fixtures/disclosures/\(which).txt"))
        let vr = try ShanghaiFixture.read("fixtures/disclosures/variants/\(which)-reading-order.txt")
        let b = ShanghaiFixture.keys(vr)
        for (k, n) in a where b[k] != n { print("only layout: \(k) \(n) vs \(b[k] ?? 0)") }
        for (k, n) in b where a[k] != n { print("only variant: \(k) \(n) vs \(a[k] ?? 0)") }
        print("variant warnings: \(vr.report.warnings)")
    }
}
