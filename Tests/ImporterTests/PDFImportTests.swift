import XCTest
import Core
@testable import Importer

/// The published PDFs read to the same facts as their text: two kept in fixtures/disclosures/pdf,
/// the third (3.7 MB) read from the shared disclosures when this checkout has them beside it.
final class PDFImportTests: XCTestCase {
    func testPDFsGiveTheSameFactsAsTheirText() throws {
        guard TextDecoder.findExecutable("pdftotext") != nil else { throw XCTSkip("pdftotext is not installed (make deps)") }
        var read = 0
        for name in LayoutVariantTests.names {
            let candidates = [ShanghaiFixture.root + "/fixtures/disclosures/pdf/2024-shanghai-putuo-\(name).pdf",
                              ShanghaiFixture.root + "/../shared/disclosures/pdf/2024-shanghai-putuo-\(name).pdf"]
            guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else { continue }
            read += 1
            let text = try ShanghaiFixture.read("fixtures/disclosures/2024-shanghai-putuo-\(name).txt")
            let pdf = try DocumentImporter.read(path: path)
            // Tables: the same facts from every PDF. Narrative: the same except where pdftotext
            // -layout prints a wrapped line above the one it continues (caizhengju's
            // "603.14万元，占20.51%；" before "…项目支出"), which loses those sentences' figures.
            func kept(_ r: ImportResult) -> ImportResult {
                var r = r
                if name == "caizhengju" { r.document.facts = r.document.facts.filter { $0.provenance.kind == "table" } }
                return r
            }
            let a = ShanghaiFixture.keys(kept(text)), b = ShanghaiFixture.keys(kept(pdf))
            XCTAssertFalse(pdf.document.tables.isEmpty)
            for (k, n) in a where b[k] != n { XCTFail("\(name): only in the text: \(k) ×\(n) (PDF ×\(b[k] ?? 0))") }
            for (k, n) in b where a[k] != n { XCTFail("\(name): only in the PDF: \(k) ×\(n) (text ×\(a[k] ?? 0))") }
            XCTAssertEqual(pdf.document.unit.name, text.document.unit.name)
            XCTAssertEqual(pdf.document.unit.region, text.document.unit.region)
        }
        XCTAssertGreaterThanOrEqual(read, 2)
    }
}
