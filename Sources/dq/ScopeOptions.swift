import ArgumentParser
import Core
import QueryLanguage
import Store

/// `--for UNIT` and `--year Y`: which loaded disclosures a command covers.
struct ScopeOptions: ParsableArguments {
    @Option(name: .customLong("for"), help: ArgumentHelp("只含该单位（全称、别名或唯一的名称片段；默认全部已载入单位）", valueName: "单位"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp("只含该年度（默认全部已载入年度）", valueName: "年度"))
    var year: Int?

    /// The units `--for` names, resolved as the language resolves `check for UNIT`; without
    /// it every unit with a loaded disclosure, a budget as well as a final account (the
    /// catalog's years are the final accounts' only). A name that does not resolve is
    /// reported and exits 2.
    func units(in session: Session) throws -> [Catalog.Unit] {
        try Self.units(named: unit, in: session)
    }

    /// The units `--for unit` names (every unit with a loaded disclosure without it).
    static func units(named unit: String?, in session: Session) throws -> [Catalog.Unit] {
        if unit == nil, session.context.units.isEmpty {
            let loaded = Set(try session.connections.reader.query("SELECT DISTINCT unit_id FROM disclosure").compactMap { $0[0].int64 })
            return session.catalog.units.filter { loaded.contains($0.id) }
        }
        let line = "check" + (unit.map { " for \"\($0.replacingOccurrences(of: "\"", with: ""))\"" } ?? "")
        do {
            guard let parsed = try Parser.parse(line: line).first?.get(),
                  case .check(let scope, _, _, _) = try Checker(catalog: session.catalog, context: session.context).prepare(parsed)
            else { throw ExitCode(2) }
            return scope
        } catch let diagnostic as Diagnostic {
            session.report(diagnostic, file: "--for", lineNumber: 1, line: line)
            throw ExitCode(2)
        }
    }
}
