import Core
import Foundation
import Importer
import Store
@testable import Audit

/// The mutation harness of issue 6: change one printed figure of a document by at least ten
/// units of its last printed digit, import the changed text, audit it, and check that a new
/// finding names the changed line. Whether a figure takes part in an identity or cross-check
/// is decided from the imported data (catalog links, repeated keys, statements, form rows),
/// never from the rules.
enum MutationHarness {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let documents = [
        "fixtures/disclosures/000_aa60969cd7f058a1.txt",
        "fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt",
        "fixtures/disclosures/2024-shanghai-putuo-guihuaziyuanju.txt",
        "fixtures/disclosures/2024-shanghai-putuo-shehuigongzuobu.txt",
    ]

    /// The layout variants of the Shanghai documents (page furniture, reading order, wrapped
    /// names, Word text: fixtures/disclosures/README.md), in name order.
    static var variants: [String] {
        let directory = "fixtures/disclosures/variants"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + directory)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { directory + "/" + $0 }
    }

    /// One printed number: where it is, what it is, and whether the data ties it to another figure.
    struct PrintedFigure: Hashable {
        var line: Int          // 1-based
        var token: String      // the number as printed, without % or unit
        var occurrence: Int    // which match of `token` on the line (0-based)
        var kind: String
        var participates: Bool
    }

    struct Mutation: Hashable {
        var document: String
        var figure: PrintedFigure
        var replacement: String
    }

    enum Outcome: Equatable {
        case detected(families: [String])
        case missed
        case rejected(String)
    }

    struct Imported {
        var connections: Connections
        var disclosureID: Int64
        var findings: [Finding]
    }

    // MARK: import and audit

    static func lines(of relative: String) throws -> [String] {
        let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
        return text.components(separatedBy: "\n")
    }

    /// Writes `lines` to a temporary file, reads it with the importer, writes it into a fresh
    /// empty in-memory database and audits it.
    static func importAndAudit(_ lines: [String], name: String, rules: [AuditRule.Type] = AuditRules.all) throws -> Imported {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dq-mutations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try DocumentImporter.read(path: path, sourceFile: name)
        let connections = try Connections.memory(contents: .empty)
        guard case .imported(let id, _, _) = try DocumentWriter.write(result.document, into: connections.writer) else {
            throw StoreError(code: 0, message: "not imported")
        }
        let report = try Auditor.run(connections.writer, disclosureIDs: [id], rules: rules)
        return Imported(connections: connections, disclosureID: id, findings: report.findings)
    }

    // MARK: printed figures

    /// Every run of digits (with . and thousands commas) on a line, as (range, text).
    static func numberRuns(_ line: String) -> [(Range<String.Index>, String)] {
        var runs: [(Range<String.Index>, String)] = []
        var index = line.startIndex
        while index < line.endIndex {
            if line[index].isASCII, line[index].isNumber {
                var end = index
                while end < line.endIndex, line[end].isASCII, line[end].isNumber || line[end] == "." || line[end] == "," { end = line.index(after: end) }
                var text = String(line[index..<end])
                while let last = text.last, last == "." || last == "," { text.removeLast(); end = line.index(before: end) }
                runs.append((index..<end, text))
                index = end
            } else {
                index = line.index(after: index)
            }
        }
        return runs
    }

    static func normalized(_ token: String) -> String { token.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "") }

    static func points(_ centi: Int64) -> String { Performance.points(centi) }

    /// The printed figures of an imported disclosure, with participation decided from the data.
    static func figures(_ document: AuditDocument, lines: [String]) -> [PrintedFigure] {
        var raw: [(line: Int, token: String, kind: String, participates: Bool, anchor: String?)] = []
        func locate(_ from: Int, _ to: Int, _ token: String) -> Int? {
            guard from >= 1 else { return nil }
            for line in from...max(from, to) where line <= lines.count {
                if numberRuns(lines[line - 1]).contains(where: { normalized($0.1) == normalized(token) }) { return line }
            }
            return nil
        }
        // Facts.
        let printedFacts = document.facts.filter { !$0.derived && $0.printed != nil && ($0.sourceKind == "table" || $0.sourceKind == "text") }
        let referenced = Set(document.statements.flatMap { [$0.partFactID, $0.baseFactID].compactMap { $0 } })
        struct Key: Hashable { var what: String; var fund: String; var column: String; var year: Int }
        func key(_ f: AuditFact) -> Key { Key(what: f.measureID ?? "code:" + (f.code ?? ""), fund: f.fund, column: f.column, year: f.year) }
        var byKey: [Key: Int] = [:]
        for fact in document.facts { byKey[key(fact), default: 0] += 1 }
        let present = Set(document.facts.map(key))
        for fact in printedFacts {
            guard let printed = fact.printed, ExactDecimal(parsing: normalized(printed)) != nil,
                  let line = locate(fact.lineFrom, fact.lineTo, printed) else { continue }
            let k = key(fact)
            var ties = (byKey[k] ?? 0) > 1 || referenced.contains(fact.id)
            // A catalog link ties figures only where the children add up to the parent ('part'); an
            // 'of_which' (其中) subset is bounded by its parent, not equal to anything, so a change of
            // a few units cannot break an identity.
            if let measure = fact.measureID {
                if let parent = document.measures[measure], parent.relation == "part", let parentID = parent.parentID,
                   present.contains(Key(what: parentID, fund: k.fund, column: k.column, year: k.year)) { ties = true }
                if document.measures.values.contains(where: {
                    $0.parentID == measure && $0.relation == "part" && present.contains(Key(what: $0.id, fund: k.fund, column: k.column, year: k.year))
                }) { ties = true }
            }
            if let code = fact.code {
                let related = document.facts.contains { other in
                    guard let c = other.code, c != code, other.fund == fact.fund, other.column == fact.column, other.year == fact.year else { return false }
                    return c.hasPrefix(code) || code.hasPrefix(c)
                }
                let columns: Set<String> = ["actual", "basic", "project"]
                let row = columns.contains(fact.column) && document.facts.contains {
                    $0.code == code && $0.fund == fact.fund && $0.year == fact.year && $0.column != fact.column && columns.contains($0.column)
                }
                if related || row { ties = true }
            }
            raw.append((line, normalized(printed), "fact \(fact.measureID ?? fact.code ?? "")", ties, nil))
        }
        // Statements with a rate or an amount.
        for statement in document.statements {
            let runs = numberRuns(statement.printed).map { normalized($0.1) }
            var token: String?
            if let scaled = statement.rateScaled, let decimals = statement.rateDecimals {
                let text = String(Performance.rate(scaled, decimals).dropLast())
                token = runs.first { $0 == text } ?? runs.first { ExactDecimal(parsing: $0).map { d in d.digits == scaled && d.decimals == decimals } ?? false }
            } else if statement.amountFen != nil {
                token = runs.first
            }
            guard let token, let line = locate(statement.lineFrom, statement.lineTo, token) else { continue }
            raw.append((line, token, "statement \(statement.kind)", statement.partFactID != nil || statement.baseFactID != nil, nil))
        }
        // Project figures and indicator weights / scores.
        for project in document.projects {
            let hasTotalRow = project.indicators.contains(where: \.isTotal)
            for figure in project.figures {
                let token = figure.printed.replacingOccurrences(of: "%", with: "")
                guard ExactDecimal(parsing: normalized(token)) != nil, let line = locate(figure.provenance.lineFrom, figure.provenance.lineTo, token) else { continue }
                let ties: Bool
                switch figure.field {
                case "rate":
                    ties = Performance.value(project, figure.fundingRow, "adjusted") != nil && Performance.value(project, figure.fundingRow, "executed") != nil
                case "weight", "score":
                    ties = hasTotalRow || project.figures.contains { $0 != figure && $0.field == figure.field }
                case "adjustment":
                    ties = Performance.cell(project, "total", "initial") != nil && Performance.cell(project, "total", "adjusted") != nil
                default:
                    if figure.provenance.kind == "table" {
                        let column = project.figures.filter { $0.provenance.kind == "table" && $0.field == figure.field && $0.amountFen != nil }
                        let row = project.figures.filter { $0.provenance.kind == "table" && $0.fundingRow == figure.fundingRow && $0.field == "rate" }
                        ties = column.count > 1 || !row.isEmpty
                    } else {
                        ties = project.figures.contains { $0 != figure && $0.fundingRow == figure.fundingRow && $0.field == figure.field }
                    }
                }
                let anchor = project.name.replacingOccurrences(of: #"[（(]\d{4}[）)]$"#, with: "", options: .regularExpression)
                raw.append((line, normalized(token), "project \(figure.field)", ties, figure.provenance.kind == "text" ? anchor : nil))
            }
            for indicator in project.indicators {
                guard let weight = indicator.weightCenti, let score = indicator.scoreCenti else { continue }
                let w = points(weight), s = points(score)
                guard indicator.lineFrom >= 1 else { continue }
                let range = indicator.lineFrom...min(lines.count, max(indicator.lineFrom, indicator.lineTo))
                let trimmed = range.map { lines[$0 - 1].trimmingCharacters(in: .whitespaces) }
                if let offset = trimmed.indices.first(where: { $0 + 1 < trimmed.count && trimmed[$0] == w && trimmed[$0 + 1] == s }) {
                    raw.append((range.lowerBound + offset, w, "indicator weight", hasTotalRow, nil))
                    raw.append((range.lowerBound + offset + 1, s, "indicator score", hasTotalRow, nil))
                }
            }
        }
        // Occurrence index: the rank among collected figures with the same token on the line.
        var seen: [String: Int] = [:]
        var result: [PrintedFigure] = []
        var taken = Set<String>()
        for item in raw {
            let runs = numberRuns(lines[item.line - 1]).filter { normalized($0.1) == item.token }
            let slot = "\(item.line)|\(item.token)"
            let occurrence = seen[slot, default: 0]
            seen[slot] = occurrence + 1
            var index = min(occurrence, runs.count - 1)
            // A text figure about a named project: the first free match after the name.
            let text = lines[item.line - 1]
            if let anchor = item.anchor, let named = text.range(of: anchor),
               let after = runs.indices.first(where: { runs[$0].0.lowerBound >= named.upperBound && !taken.contains("\(slot)|\($0)") }) {
                index = after
            }
            guard index >= 0, taken.insert("\(slot)|\(index)").inserted else {
                // Already collected (the same printed cell read twice): it participates if either reading does.
                if item.participates, let i = result.firstIndex(where: { $0.line == item.line && $0.token == item.token && $0.occurrence == index }) {
                    result[i].participates = true
                }
                continue
            }
            result.append(PrintedFigure(line: item.line, token: item.token, occurrence: index, kind: item.kind, participates: item.participates))
        }
        return result
    }

    // MARK: mutations

    /// A deterministic generator (SplitMix64).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The token changed by 10–19 units of its last digit, same decimals (never negative).
    static func replacement(for token: String, using generator: inout SeededGenerator) -> String? {
        let plain = normalized(token)
        guard let decimal = ExactDecimal(parsing: plain) else { return nil }
        let step = Int64.random(in: 10...19, using: &generator)
        var digits = Bool.random(using: &generator) ? decimal.digits + step : decimal.digits - step
        if digits < 0 { digits = decimal.digits + step }
        var text = String(digits)
        if decimal.decimals > 0 {
            if text.count <= decimal.decimals { text = String(repeating: "0", count: decimal.decimals - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -decimal.decimals))
        }
        if token.contains(",") {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            var whole = String(parts[0]), grouped = ""
            while whole.count > 3 { grouped = "," + whole.suffix(3) + grouped; whole = String(whole.dropLast(3)) }
            text = whole + grouped + (parts.count > 1 ? "." + parts[1] : "")
        }
        return text
    }

    static func apply(_ mutation: Mutation, to lines: [String]) -> [String]? {
        var lines = lines
        let line = lines[mutation.figure.line - 1]
        let runs = numberRuns(line).filter { normalized($0.1) == mutation.figure.token }
        guard mutation.figure.occurrence < runs.count else { return nil }
        lines[mutation.figure.line - 1] = line.replacingCharacters(in: runs[mutation.figure.occurrence].0, with: mutation.replacement)
        return lines
    }

    /// `count` mutations spread over the documents (the same number from each, as far as each has figures).
    static func sample(count: Int, seed: UInt64, originals: [String: (lines: [String], figures: [PrintedFigure])],
                       documents: [String] = documents) -> [Mutation] {
        var generator = SeededGenerator(state: seed)
        var mutations: [Mutation] = []
        let perDocument = (count + documents.count - 1) / documents.count
        for document in documents {
            guard let original = originals[document] else { continue }
            var pool = original.figures
            pool.shuffle(using: &generator)
            for figure in pool.prefix(perDocument) {
                guard let replacement = replacement(for: figure.token, using: &generator) else { continue }
                mutations.append(Mutation(document: document, figure: figure, replacement: replacement))
            }
        }
        return mutations
    }

    struct Summary {
        var outcomes: [(Mutation, Outcome)] = []
        var total: Int { outcomes.count }
        var rejected: Int { outcomes.filter { if case .rejected = $0.1 { return true } else { return false } }.count }
        var participating: [(Mutation, Outcome)] { outcomes.filter { $0.0.figure.participates && !isRejected($0.1) } }
        var participatingRate: Double {
            let p = participating
            return p.isEmpty ? 1 : Double(p.filter { isDetected($0.1) }.count) / Double(p.count)
        }
        func isRejected(_ o: Outcome) -> Bool { if case .rejected = o { return true } else { return false } }
        func isDetected(_ o: Outcome) -> Bool { if case .detected = o { return true } else { return false } }

        var report: String {
            var counts: [String: Int] = [:]
            for (_, outcome) in outcomes {
                switch outcome {
                case .detected(let families): for f in Set(families) { counts[f, default: 0] += 1 }
                case .missed: counts["none", default: 0] += 1
                case .rejected: counts["rejected", default: 0] += 1
                }
            }
            let imported = total - rejected
            var out = "mutations: \(total), imported: \(imported), rejected by the reader: \(rejected)\n"
            for family in counts.keys.sorted() {
                let n = counts[family]!
                out += "  family \(family): \(n) (\(String(format: "%.1f", 100 * Double(n) / Double(max(imported, 1))))% of imported)\n"
            }
            let p = participating
            out += "participating figures: \(p.count), detected: \(p.filter { isDetected($0.1) }.count) (\(String(format: "%.1f", 100 * participatingRate))%)\n"
            let nonParticipating = outcomes.filter { !$0.0.figure.participates && !isRejected($0.1) }
            out += "non-participating figures: \(nonParticipating.count), detected: \(nonParticipating.filter { isDetected($0.1) }.count)\n"
            var byKind: [String: (Int, Int)] = [:]
            for (m, o) in p { let k = m.figure.kind; byKind[k, default: (0, 0)].0 += 1; if isDetected(o) { byKind[k, default: (0, 0)].1 += 1 } }
            for kind in byKind.keys.sorted() { out += "  \(kind): \(byKind[kind]!.1)/\(byKind[kind]!.0) detected\n" }
            return out
        }
    }

    /// Runs `count` mutations (seeded) over `documents` (the four dev documents unless told).
    static func run(count: Int, seed: UInt64 = 20_240_601, rules: [AuditRule.Type] = AuditRules.all,
                    documents: [String] = documents) throws -> Summary {
        var originals: [String: (lines: [String], figures: [PrintedFigure])] = [:]
        var originalFindings: [String: Set<Finding>] = [:]
        for document in documents {
            let lines = try lines(of: document)
            let imported = try importAndAudit(lines, name: (document as NSString).lastPathComponent, rules: rules)
            let auditDocument = try AuditLoader.load(imported.connections.writer, disclosureID: imported.disclosureID)
            originals[document] = (lines, figures(auditDocument, lines: lines))
            originalFindings[document] = Set(imported.findings.map { var f = $0; f.disclosureID = 0; return f })
        }
        var summary = Summary()
        for mutation in sample(count: count, seed: seed, originals: originals, documents: documents) {
            guard let original = originals[mutation.document], let mutated = apply(mutation, to: original.lines) else { continue }
            do {
                let imported = try importAndAudit(mutated, name: (mutation.document as NSString).lastPathComponent, rules: rules)
                let line = mutation.figure.line
                let new = imported.findings.filter { finding in
                    var f = finding; f.disclosureID = 0
                    return !(originalFindings[mutation.document]?.contains(f) ?? false)
                        && finding.figures.contains { $0.lineFrom <= line && line <= $0.lineTo }
                }
                summary.outcomes.append((mutation, new.isEmpty ? .missed : .detected(families: new.map(\.family))))
            } catch {
                summary.outcomes.append((mutation, .rejected("\(error)")))
            }
        }
        return summary
    }
}
