import XCTest
import Core
@testable import Importer

/// The 9-table 决算 template as data (`TableTemplate.finalAccounts`): the description names
/// only catalog measures and its own rows, and what it says is what the reader does — another
/// title for a table, or a table printed in 元, needs a description, not code.
final class FinalAccountsTemplateTests: XCTestCase {
    static let layoutText = "fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt"
    static let template = TableTemplate.finalAccounts

    /// Measure ids of the catalog (seeds/00_catalog.sql) with their funds.
    static func catalogMeasures() throws -> [String: String] {
        let sql = try String(contentsOfFile: ShanghaiFixture.root + "/seeds/00_catalog.sql", encoding: .utf8)
        let insert = try XCTUnwrap(sql.range(of: "INSERT INTO measure ("))
        var funds: [String: String] = [:]
        for line in sql[insert.upperBound...].split(separator: "\n").dropFirst() {
            let s = line.drop { $0 == " " }
            // ('id', '名称', 'name', 'fund', …
            let fields = s.split(separator: "'", omittingEmptySubsequences: false)
            if s.hasPrefix("("), fields.count > 7 { funds[String(fields[1])] = String(fields[7]) }
            if s.hasSuffix(";") { break }
        }
        return funds
    }

    func testDescriptionNamesCatalogMeasuresAndItsOwnRows() throws {
        let catalog = try Self.catalogMeasures()
        XCTAssertGreaterThan(catalog.count, 50)
        XCTAssertEqual(catalog["income_general"], "general")
        XCTAssertEqual(catalog["soe_closing_balance"], "soe")
        XCTAssertEqual(Self.template.tables.count, 9)
        XCTAssertEqual(Set(Self.template.tables.map(\.title)).count, 9)
        for spec in Self.template.tables {
            var measures = spec.columns.compactMap(\.totalMeasure) + spec.totalRows.compactMap(\.measure)
                + spec.activeColumns.flatMap(\.measures) + spec.statedTotals.values
            var rowNames = Set(spec.totalRows.map(\.label))
            switch spec.shape {
            case .twoSided(let left, let right):
                measures += (left + right).compactMap(\.measure)
                rowNames.formUnion((left + right).map(\.name))
            case .singleRow(let slots, let identities):
                measures += slots.compactMap { $0?.measure }
                XCTAssertEqual(slots.count, spec.columns.count, spec.title)
                for identity in identities {
                    XCTAssertTrue(([identity.whole] + identity.parts).allSatisfy(slots.indices.contains), spec.title)
                }
            case .codes:
                break
            }
            for measure in measures { XCTAssertNotNil(catalog[measure], "\(spec.title)：\(measure) 不在目录中") }
            // A column's total states a measure of the column's fund.
            for column in spec.columns {
                guard let measure = column.totalMeasure else { continue }
                XCTAssertEqual(catalog[measure], column.fund ?? spec.fund, "\(spec.title)：\(column.label)")
            }
            XCTAssertEqual(Set(spec.columns.map(\.label)).count, spec.columns.count, "\(spec.title)：栏目名重复")
            for identity in spec.identities ?? [] {
                XCTAssertTrue((identity.left + identity.right).allSatisfy(spec.columns.indices.contains), spec.title)
            }
            for column in spec.activeColumns.map(\.column) + Array(spec.statedTotals.keys) {
                XCTAssertTrue(spec.columns.indices.contains(column), spec.title)
            }
            // A check names rows of the table: a label's name, a total row, a code or every 类.
            for check in spec.checks {
                for name in [check.whole] + check.parts {
                    XCTAssertTrue(rowNames.contains(name) || name == RowCheck.classes || name.allSatisfy(\.isASCIIDigitChar),
                                  "\(spec.title)：\(name)")
                }
            }
        }
    }

    /// A table printed under another title is read once the description lists that title:
    /// the same facts as the document with its own title, none without the alias.
    func testAnotherTitleIsADescriptionNotCode() throws {
        let source = try ShanghaiFixture.text(Self.layoutText)
        let ranges = FinalAccountsTableReader.locate(source.lines, template: Self.template)
        let range = try XCTUnwrap(ranges["支出决算表"])
        var lines = source.lines
        XCTAssertEqual(lines[range.lowerBound - 1].withoutSpaces, "支出决算表")
        lines[range.lowerBound - 1] = "                   支出决算明细表"
        let renamed = TextNormalizer.normalize(source.replacingLines(lines))

        let original = try ShanghaiReader.read(TextNormalizer.normalize(source), overrides: ImportOverrides())
        let without = try ShanghaiReader.read(renamed, overrides: ImportOverrides())
        XCTAssertFalse(without.document.facts.contains { $0.provenance.table == "支出决算表" })

        var described = Self.template
        let index = try XCTUnwrap(described.tables.firstIndex { $0.title == "支出决算表" })
        described.tables[index].otherTitles.append("支出决算明细表")
        let with = try ShanghaiReader.read(renamed, overrides: ImportOverrides(), template: described)
        let read = with.document.facts.filter { $0.provenance.table == "支出决算表" }
        XCTAssertGreaterThan(read.count, 20)
        XCTAssertEqual(with.document.facts, original.document.facts)
        XCTAssertEqual(with.report.warnings, original.report.warnings)
    }

    /// The money unit is the table's: a table whose 单位： line prints 元 stores its figures as
    /// 元 (the description's 万元 otherwise), every other table unchanged.
    func testPrintedUnitOfATable() throws {
        let source = try ShanghaiFixture.text(Self.layoutText)
        let range = try XCTUnwrap(FinalAccountsTableReader.locate(source.lines, template: Self.template)["收入支出决算总表"])
        var lines = source.lines
        // caizhengju.txt:106 "单位：万元" under the title (line 105).
        let unitLine = try XCTUnwrap(range.prefix(4).first { lines[$0 - 1].contains("单位：万元") })
        XCTAssertEqual(unitLine, 106)
        lines[unitLine - 1] = lines[unitLine - 1].replacingOccurrences(of: "单位：万元", with: "单位：元")
        let original = try ShanghaiReader.read(TextNormalizer.normalize(source), overrides: ImportOverrides())
        let changed = try ShanghaiReader.read(TextNormalizer.normalize(source.replacingLines(lines)), overrides: ImportOverrides())

        func table(_ r: ImportResult, _ title: String) -> [ImportedFact] { r.document.facts.filter { $0.provenance.table == title } }
        let inYuan = table(changed, "收入支出决算总表")
        XCTAssertEqual(inYuan.count, table(original, "收入支出决算总表").count)
        XCTAssertGreaterThan(inYuan.count, 10)
        for fact in inYuan {
            XCTAssertEqual(fact.printedUnit, "元")
            XCTAssertEqual(fact.amountFen, Amount(printed: fact.printed ?? "", unit: .yuan)?.fen, fact.printed ?? "")
        }
        // caizhengju.txt:109 "一、一般公共预算财政拨款收入 2,940.05": 2,940.05 元 = 294 005 分 (万元: 2 940 050 000 分).
        XCTAssertEqual(inYuan.first { $0.measureID == "income_general" }?.amountFen, 294_005)
        XCTAssertEqual(table(original, "收入支出决算总表").first { $0.measureID == "income_general" }?.amountFen, 2_940_050_000)
        XCTAssertEqual(table(changed, "支出决算表"), table(original, "支出决算表"))
        XCTAssertTrue(table(changed, "支出决算表").allSatisfy { $0.printedUnit == "万元" })
    }
}
