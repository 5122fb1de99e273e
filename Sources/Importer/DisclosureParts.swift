import Core

/// One disclosure published as several files (a narrative and its tables): the parts are
/// recognized by their kind, scope, year and unit (names compared without 中共/中国共产党 and
/// 委员会/委 differences), or taken as one on request, and joined into one document. The
/// lines of each later part follow those of the parts before it (line_count of the parts
/// before + its own line), and the disclosure's file name and hash name every part.
public enum DisclosureParts {
    /// Index groups of `results` that are one disclosure each (in file order); with `asOne`
    /// every result is a part of one disclosure.
    public static func groups(_ results: [ImportResult], asOne: Bool) -> [[Int]] {
        if asOne { return results.isEmpty ? [] : [Array(results.indices)] }
        var groups: [[Int]] = []
        for (i, result) in results.enumerated() {
            let document = result.document
            if let k = groups.firstIndex(where: { group in
                let other = results[group[0]].document
                return other.kind == document.kind && other.scope == document.scope && other.year == document.year
                    && other.template == document.template && document.kind == "预算"
                    && sameUnit(other.unit.name, document.unit.name)
            }) {
                groups[k].append(i)
            } else {
                groups.append([i])
            }
        }
        return groups
    }

    /// A unit's name in one spelling: 中国共产党… → 中共…, …委员会… → …委…, without a leading 中共.
    static func canonical(_ name: String) -> String {
        var s = name
        if s.hasPrefix("中国共产党") { s = "中共" + s.dropFirst(5) }
        while let r = s.range(of: "委员会") { s.replaceSubrange(r, with: "委") }
        if s.hasPrefix("中共") { s = String(s.dropFirst(2)) }
        return s
    }

    static func sameUnit(_ a: String, _ b: String) -> Bool { canonical(a) == canonical(b) }

    /// The parts joined: the part with the most tables gives the unit's name (the others' are
    /// aliases); facts, statements, paragraphs and tables of every part, lines offset.
    public static func join(_ parts: [ImportResult]) -> ImportResult {
        guard var joined = parts.first, parts.count > 1 else { return parts[0] }
        let main = parts.max { $0.document.tables.count < $1.document.tables.count }!.document
        var document = joined.document
        document.unit = main.unit
        document.template = main.template
        document.subunits = parts.flatMap(\.document.subunits)
        let narrative = parts.first { $0.document.tables.isEmpty }?.document
        document.title = narrative?.title ?? main.title
        var aliases = Set(parts.flatMap { [$0.document.unit.name] + $0.document.unit.aliases })
        aliases.remove(main.unit.name)
        document.unit.aliases = aliases.sorted()
        document.sourceFile = parts.map(\.document.sourceFile).joined(separator: " + ")
        document.sha256 = SHA256.hex(Array(parts.map(\.document.sha256).joined(separator: "\n").utf8))
        document.facts = []
        document.statements = []
        document.paragraphs = []
        document.tables = []
        document.projects = []
        var report = ImportReport()
        var offset = 0
        for part in parts {
            let d = part.document
            let factBase = document.facts.count, statementBase = document.statements.count
            func moved(_ p: Provenance) -> Provenance {
                var p = p
                p.lineFrom += offset
                p.lineTo += offset
                return p
            }
            for var fact in d.facts {
                fact.provenance = moved(fact.provenance)
                fact.inputs = fact.inputs.map { input in
                    switch input.source {
                    case .fact(let i): return DerivationInput(sign: input.sign, .fact(i + factBase))
                    case .statement(let i): return DerivationInput(sign: input.sign, .statement(i + statementBase))
                    }
                }
                document.facts.append(fact)
            }
            for var statement in d.statements {
                statement.provenance = moved(statement.provenance)
                statement.partFact = statement.partFact.map { $0 + factBase }
                statement.baseFact = statement.baseFact.map { $0 + factBase }
                document.statements.append(statement)
            }
            for paragraph in d.paragraphs {
                document.paragraphs.append(paragraph.moved(by: offset))
            }
            for var table in d.tables {
                table.lineFrom += offset
                table.lineTo += offset
                document.tables.append(table)
            }
            for var project in d.projects {
                project.lineFrom += offset
                project.lineTo += offset
                document.projects.append(project)
            }
            report.warnings += part.report.warnings
            report.unrecognizedFigureLines += part.report.unrecognizedFigureLines.map { $0 + offset }
            report.skippedLines += part.report.skippedLines.map { $0 + offset }
            for (key, count) in part.report.recognized { report.recognized[key, default: 0] += count }
            offset += d.lineCount
        }
        document.lineCount = offset
        joined.document = document
        joined.report = report
        return joined
    }
}
