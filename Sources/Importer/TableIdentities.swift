/// Whether a code table, as placed, satisfies its own identities: each row's columns add up
/// to its total, each parent's total is the sum of its children's. A table where most of
/// them fail (a column-shifted table, rows misread) is quarantined rather than believed.
enum TableIdentities {
    /// How many identities were checked and how many failed, when the table is to be quarantined.
    struct Verdict: Equatable {
        var checked: Int
        var failed: Int
    }

    /// Quarantine when, in either family of identities (rows: total = Σ columns; hierarchy:
    /// parent = Σ children), at least 3 fail and they are more than half of those checked.
    /// Rounding of 0.01 万元 per part is not a failure.
    static func verdict(_ rows: [CodeRow], _ maps: [[Int: LayoutToken]]) -> Verdict? {
        func amount(_ t: LayoutToken?) -> Int64 { t.flatMap(LayoutScanner.amount) ?? 0 }
        func fails(_ total: Int64, _ parts: [Int64]) -> Bool {
            abs(total - parts.reduce(0, +)) > TableSolver.roundingPerPart * Int64(parts.count)
        }
        // Rows: total = Σ columns (a blank total with figures beside it fails too).
        var rowChecks: [Bool] = []
        for map in maps {
            let parts = map.filter { $0.key != 0 }.values.filter { $0.isAmount }
            guard !parts.isEmpty else { continue }
            rowChecks.append(fails(amount(map[0]), parts.map(amount)))
        }
        // Hierarchy: parent total = Σ children totals.
        var treeChecks: [Bool] = []
        for (i, row) in rows.enumerated() {
            let childLength = !row.isCode ? 3 : row.key.count == 3 ? 5 : row.key.count == 5 ? 7 : 0
            guard childLength > 0, !row.values.isEmpty else { continue }
            let children = rows.indices.filter {
                rows[$0].isCode && rows[$0].key.count == childLength && (!row.isCode || rows[$0].key.hasPrefix(row.key))
            }
            guard !children.isEmpty else { continue }
            treeChecks.append(fails(amount(maps[i][0]), children.map { amount(maps[$0][0]) }))
        }
        for checks in [rowChecks, treeChecks] {
            let failed = checks.filter { $0 }.count
            if failed >= 3 && failed * 2 > checks.count { return Verdict(checked: checks.count, failed: failed) }
        }
        return nil
    }

    /// The rows as printed: key, then each printed cell, TAB-separated; one row per line.
    static func rawCells(_ rows: [CodeRow]) -> String {
        rows.map { ([$0.key] + $0.values.map(\.text)).joined(separator: "\t") }.joined(separator: "\n")
    }
}
