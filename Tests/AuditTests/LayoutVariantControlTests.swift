import XCTest
import Core
@testable import Audit

/// The negative control on the layout variants: each variant of a Shanghai dev document (page
/// furniture, reading order, wrapped names, three-line rows, Word text) draws the same errors
/// and warnings as the document itself — same rules, severities and printed figures (the lines
/// differ) — so no rule finds a false defect in a layout it reads differently.
final class LayoutVariantControlTests: XCTestCase {
    /// "rules severity printed…" of each error and warning, sorted.
    static func signature(_ findings: [Finding]) -> [String] {
        findings.filter { $0.severity != .info }
            .map { "\($0.rules) \($0.severity.rawValue) " + $0.figures.compactMap(\.printed).sorted().joined(separator: " ") }
            .sorted()
    }

    func testVariantsDrawTheFindingsOfTheirDocument() throws {
        let variants = MutationHarness.variants
        XCTAssertGreaterThanOrEqual(variants.count, 15)
        var originals: [String: [String]] = [:]
        for name in TextRulesFixture.shanghai {
            let document = "fixtures/disclosures/2024-shanghai-putuo-\(name).txt"
            let imported = try MutationHarness.importAndAudit(try MutationHarness.lines(of: document), name: "\(name).txt")
            originals[name] = Self.signature(imported.findings)
            XCTAssertFalse(originals[name]!.isEmpty, name)
        }
        for variant in variants {
            let file = (variant as NSString).lastPathComponent
            let name = try XCTUnwrap(TextRulesFixture.shanghai.first { file.contains("-\($0)-") }, file)
            let imported = try MutationHarness.importAndAudit(try MutationHarness.lines(of: variant), name: file)
            XCTAssertEqual(Self.signature(imported.findings), originals[name], file)
        }
    }
}
