/// Groups findings that share one printed figure into one finding per root cause: a
/// mis-keyed cell breaks its row, its column, its table's total and every place it is
/// repeated, and the reader should see it once, with every identity it breaks.
///
/// Two errors or warnings of the arithmetic families (A–F, Y) of one disclosure belong to
/// one cause when they cite the same printed, non-zero figure (same source, line and text);
/// the relation is transitive. Rounding notes (info) of the table families (A–C) that share
/// a printed figure merge among themselves into one note; residue and performance findings
/// are never merged.
public enum RootCauses {
    static let mergedFamilies: Set<String> = ["A", "B", "C", "D", "E", "F", "Y"]
    static let roundingFamilies: Set<String> = ["A", "B", "C"]

    public static func merge(_ findings: [Finding]) -> [Finding] {
        var parent = Array(findings.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var owner: [String: Int] = [:]
        var shared: [Int: FindingFigure] = [:]
        for (index, finding) in findings.enumerated() where mergeable(finding) {
            for figure in finding.figures {
                guard let figureKey = key(figure, finding.disclosureID) else { continue }
                let key = (finding.severity == .info ? "info|" : "") + figureKey
                if let other = owner[key] {
                    let a = root(other), b = root(index)
                    if a != b { parent[max(a, b)] = min(a, b) }
                    shared[min(a, b)] = shared[min(a, b)] ?? shared[max(a, b)] ?? figure
                } else {
                    owner[key] = index
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in findings.indices { groups[root(index), default: []].append(index) }
        var result: [Finding] = []
        for index in findings.indices where root(index) == index {
            let members = (groups[index] ?? [index]).map { findings[$0] }
            result.append(members.count == 1 ? members[0] : combined(members, shared: shared[index]))
        }
        return result
    }

    static func mergeable(_ finding: Finding) -> Bool {
        finding.severity == .info ? roundingFamilies.contains(finding.family) : mergedFamilies.contains(finding.family)
    }

    /// A printed figure's identity, or nil for a derived, zero or unprinted one (zeros are
    /// too common on one table line to tie findings together).
    static func key(_ figure: FindingFigure, _ disclosure: Int64) -> String? {
        guard let printed = figure.printed, figure.sourceKind == "table" || figure.sourceKind == "text",
              printed.utf8.contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return "\(disclosure)|\(figure.sourceKind)|\(figure.lineFrom)|\(printed)"
    }

    /// One finding naming every identity the shared figure breaks.
    static func combined(_ members: [Finding], shared: FindingFigure?) -> Finding {
        let primary = members.max { ($0.severity, -$0.line) < ($1.severity, -$1.line) } ?? members[0]
        var figures: [FindingFigure] = [], seen: Set<FindingFigure> = []
        for figure in members.flatMap(\.figures) where seen.insert(figure).inserted { figures.append(figure) }
        var rules: [String] = []
        for finding in [primary] + members where !rules.contains(finding.ruleID) { rules.append(finding.ruleID) }
        let subject = shared.map { "\($0.label) \($0.printed ?? "")（第 \($0.lineFrom) 行）" } ?? "同一数字"
        let items = members.map { "［\($0.ruleID)］\($0.message)" }
        var finding = primary
        finding.message = primary.severity == .info
            ? "同一张表的 \(members.count) 条尾差提示（涉及\(subject)）：" + items.joined(separator: "；")
            : "\(subject)涉及 \(members.count) 处不符：" + items.joined(separator: "；")
        if primary.severity == .info {
            finding.expected = nil; finding.stated = nil; finding.difference = nil
            finding.expectedFen = nil; finding.statedFen = nil
        }
        finding.figures = figures
        finding.relatedRules = Array(rules.dropFirst())
        finding.identities = members.count
        return finding
    }
}
