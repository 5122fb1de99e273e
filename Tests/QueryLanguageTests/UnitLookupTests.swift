import Core
import QueryLanguage
import XCTest

/// Resolving and completing unit and project names asks the catalog narrow questions (by
/// name, by substring, by prefix, resembling) and never reads every unit or project.
final class UnitLookupTests: XCTestCase {
    /// Answers from a list, as a database would by index, and fails the test when asked
    /// for every unit or project.
    private final class NarrowLookup: CatalogLookup, @unchecked Sendable {
        let units: [Catalog.Unit]
        let projects: [Catalog.Project]
        init(_ units: [Catalog.Unit], _ projects: [Catalog.Project]) {
            self.units = units
            self.projects = projects
        }

        private func names(_ unit: Catalog.Unit) -> [String] { [unit.name] + unit.aliases }
        func allUnits() -> [Catalog.Unit] { XCTFail("read every unit"); return units }
        func allProjects() -> [Catalog.Project] { XCTFail("read every project"); return [] }
        /// The exact-name questions asked: one list per `units(namedEach:)`, one name per `units(named:)`.
        var namedEach: [[String]] = []
        var named: [String] = []
        func units(named name: String) -> [Catalog.Unit] {
            named.append(name)
            return units.filter { names($0).contains(name) }
        }
        func units(namedEach names: [String]) -> [[Catalog.Unit]] {
            namedEach.append(names)
            return names.map { name in units.filter { self.names($0).contains(name) } }
        }
        func units(containing key: String, limit: Int) -> [Catalog.Unit] {
            Array(units.filter { names($0).contains { NameFold.fold($0).contains(key) } }.prefix(limit))
        }
        func unitNames(prefix: String, limit: Int) -> [String] {
            Array(units.flatMap(names).filter { $0.hasPrefix(prefix) }.sorted().prefix(limit))
        }
        func unitNames(resembling text: String, limit: Int) -> [String] {
            Array(units.map(\.name).filter { $0.first == text.first }.prefix(limit))
        }
        func units(ids: [Int64]) -> [Catalog.Unit] { units.filter { ids.contains($0.id) } }
        func unitsLacking(year: Int) -> [Catalog.Unit] { [] }
        func firstUnits(limit: Int, finalAccountsOnly: Bool) -> [Catalog.Unit] { Array(units.prefix(limit)) }
        func projects(ofUnits ids: [Int64]) -> [Catalog.Project] { projects.filter { ids.contains($0.unitID) } }
        func projects(named text: String, ofUnits ids: [Int64]?) -> [Catalog.Project] {
            projects.filter { ($0.name == text || $0.code == text) && ids?.contains($0.unitID) != false }
        }
        func projects(containing key: String, ofUnits ids: [Int64]?, limit: Int) -> [Catalog.Project] {
            Array(projects.filter { NameFold.fold($0.name).contains(key) && ids?.contains($0.unitID) != false }.prefix(limit))
        }
        func projectNames(prefix: String, limit: Int) -> [String] {
            Array(Set(projects.map(\.name).filter { $0.hasPrefix(prefix) }).sorted().prefix(limit))
        }
        func allCodes() -> [String: String] { [:] }
        func codeName(_ code: String) -> String? { nil }
        func hasCode(prefix: String) -> Bool { false }
        func economicCodes() -> Set<String> { [] }
        func years() -> [Int] { [2023] }
    }

    private static let units = [
        Catalog.Unit(id: 1, name: "甲市财政局", parentID: nil, aliases: ["甲市财政局（本级）"], years: [2023]),
        Catalog.Unit(id: 2, name: "甲市教育局", parentID: nil, aliases: [], years: [2023]),
        Catalog.Unit(id: 3, name: "甲市教育局机关幼儿园", parentID: 2, aliases: [], years: [2023]),
    ]

    private func lookup() -> NarrowLookup { NarrowLookup(Self.units, []) }

    private func catalog() throws -> Catalog {
        let seed = try QueryHarness.seed().catalog
        let units = Self.units
        let projects = [
            Catalog.Project(id: 11, unitID: 1, code: "P-01", name: "财政信息化（二期）建设"),
            Catalog.Project(id: 12, unitID: 1, code: nil, name: "财政票据印制"),
            Catalog.Project(id: 21, unitID: 2, code: nil, name: "教师培训"),
        ]
        return Catalog(measures: seed.measures, funds: seed.funds, lookup: NarrowLookup(units, projects))
    }

    private func unit(_ text: String) throws -> Catalog.Unit {
        let checker = Checker(catalog: try catalog(), context: QueryContext())
        guard case .query(let query) = try checker.prepare(try Parser.parse(line: "summary 2023 for \(text)")[0].get()),
              let id = query.parameters.compactMap({ if case .integer(let id) = $0, id < 100 { id } else { nil } }).first else {
            throw Diagnostic(code: "T000", message: "no unit bound for \(text)")
        }
        return try XCTUnwrap(try catalog().units(ids: [id]).first)
    }

    private func failure(_ text: String, statement: String = "summary 2023 for") throws -> Diagnostic? {
        let checker = Checker(catalog: try catalog(), context: QueryContext())
        do {
            _ = try checker.prepare(try Parser.parse(line: "\(statement) \(text)")[0].get())
            return nil
        } catch { return error }
    }

    /// The project ids `indicators of NAME` selects, or its diagnostic.
    private func projects(_ text: String) throws -> Result<[Int64], Diagnostic> {
        let checker = Checker(catalog: try catalog(), context: QueryContext())
        do {
            guard case .query(let query) = try checker.prepare(try Parser.parse(line: "indicators of \(text)")[0].get()) else {
                return .success([])
            }
            return .success(query.parameters.compactMap { if case .integer(let id) = $0, (11...21).contains(id) { id } else { nil } })
        } catch { return .failure(error) }
    }

    func testExactFoldedAndSubstringNamesResolveWithoutReadingEveryUnit() throws {
        XCTAssertEqual(try unit("甲市财政局").id, 1)
        XCTAssertEqual(try unit("甲市财政局(本级)").id, 1, "ASCII brackets fold to the alias's fullwidth ones")
        XCTAssertEqual(try unit("财政").id, 1, "a unique substring")
        XCTAssertEqual(try unit("甲市教育局").id, 2, "the exact name wins over names containing it")
        XCTAssertEqual(try unit("幼儿园").id, 3)
    }

    func testAmbiguousAndUnknownNamesAreErrorsWithoutReadingEveryUnit() throws {
        let ambiguous = try XCTUnwrap(try failure("甲市"))
        XCTAssertEqual(ambiguous.code, "Q205")
        XCTAssertTrue(ambiguous.hints.joined().contains("「甲市教育局机关幼儿园」"), "\(ambiguous.hints)")
        let unknown = try XCTUnwrap(try failure("甲市财攻局"))
        XCTAssertEqual(unknown.code, "Q204")
        XCTAssertTrue(unknown.hints.joined().contains("「甲市财政局」"), "\(unknown.hints)")
    }

    /// `for A, B, …` asks for every exact name at once; only a name that is not exact is
    /// looked up further, and errors come in the order of the names as before.
    func testSideBySideNamesAreLookedUpTogether() throws {
        let seed = try QueryHarness.seed().catalog
        let lookup = lookup()
        let checker = Checker(catalog: Catalog(measures: seed.measures, funds: seed.funds, lookup: lookup), context: QueryContext())
        let names = ["甲市财政局（本级）", "甲市教育局", "幼儿园"]
        guard case .query(let query) = try checker.prepare(try Parser.parse(line: "compare 三公 2022 2023 for " + names.joined(separator: ", "))[0].get()) else {
            return XCTFail("compare … for A, B is a query")
        }
        XCTAssertEqual(lookup.namedEach, [names])
        XCTAssertEqual(lookup.named, [], "no name is asked for again on its own")
        XCTAssertEqual(query.shape.columns.filter { $0.name.hasSuffix("_value_2023") }.map(\.title),
                       ["甲市财政局 2023年", "甲市教育局 2023年", "甲市教育局机关幼儿园 2023年"])
        let failures = [("甲市财政局, 甲市, 甲市财攻局", "Q205"), ("甲市财政局, 甲市财攻局, 甲市", "Q204"),
                        ("甲市财政局, 甲市财政局（本级）, 甲市", "Q108")]
        for (list, code) in failures {
            XCTAssertEqual(try failure(list, statement: "compare 三公 2022 2023 for")?.code, code, list)
        }
    }

    func testCompletionAfterForAsksForNamesByPrefix() throws {
        let completer = Completer(catalog: try catalog(), metaCommands: [])
        XCTAssertEqual(completer.candidates(before: "summary for ", word: "甲市教").map(\.text), ["甲市教育局", "甲市教育局机关幼儿园"])
        XCTAssertEqual(completer.candidates(before: "summary for ", word: "").count, 4, "names and aliases")
    }

    func testProjectNamesResolveWithoutReadingEveryProject() throws {
        XCTAssertEqual(try projects("财政票据印制").get(), [12], "exact name")
        XCTAssertEqual(try projects("\"P-01\"").get(), [11], "code, quoted")
        XCTAssertEqual(try projects("信息化(二期)").get(), [11], "folded substring")
        guard case .failure(let ambiguous) = try projects("财政") else { return XCTFail("two projects fit 财政") }
        XCTAssertEqual(ambiguous.code, "Q211")
        guard case .failure(let unknown) = try projects("财政票据印刷") else { return XCTFail("no such project") }
        XCTAssertEqual(unknown.code, "Q210")
        XCTAssertTrue(unknown.hints.joined().contains("「财政票据印制」"), "\(unknown.hints)")
        let completer = Completer(catalog: try catalog(), metaCommands: [])
        XCTAssertEqual(completer.candidates(before: "indicators of ", word: "财政").map(\.text), ["财政信息化（二期）建设", "财政票据印制"])
    }

    func testTrendByUnitCompilesWithoutReadingEveryUnit() throws {
        let checker = Checker(catalog: try catalog(), context: QueryContext())
        guard case .query(let query) = try checker.prepare(try Parser.parse(line: "trend 三公 by unit")[0].get()) else {
            return XCTFail("trend … by unit is a query")
        }
        // The lookup's loaded years (2023) and the year before, which a disclosure also states.
        XCTAssertEqual(query.shape.columns.map(\.name), ["unit", "value_2022", "value_2023"])
        let names = query.parameters.filter { if case .text(let text) = $0 { text.contains("甲市") } else { false } }
        XCTAssertEqual(names, [], "the SQL reads the units; no unit name is bound")
    }

    func testSideBySideOfEveryUnitReadsOnlyTheUnitsItShows() throws {
        let checker = Checker(catalog: try catalog(), context: QueryContext())
        guard case .query(let query) = try checker.prepare(try Parser.parse(line: "compare 三公 2022 2023 by unit")[0].get()) else {
            return XCTFail("compare … by unit is a query")
        }
        XCTAssertEqual(query.shape.columns.filter { $0.name.hasSuffix("_value_2023") }.map(\.title),
                       ["甲市财政局 2023年", "甲市教育局 2023年", "甲市教育局机关幼儿园 2023年"])
    }
}
