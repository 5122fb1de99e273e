/// An identity among the columns of one row: the sum of `left` equals the sum of `right`, a
/// blank cell counting as 0. Most code tables have one, column 0 = Σ the others; the
/// 政府性基金 / 国有资本经营 tables have two (本年支出 = 基本 + 项目; 年初结转和结余 + 本年收入 =
/// 本年支出 + 年末结转和结余).
struct ColumnIdentity: Sendable, Equatable {
    var left: [Int]
    var right: [Int]

    /// The difference Σ left − Σ right of a row's cells.
    func difference(_ value: (Int) -> Int64) -> Int64 {
        left.map(value).reduce(0, +) - right.map(value).reduce(0, +)
    }

    /// Whether it holds, allowing `TableSolver.roundingPerPart` per independently rounded part
    /// when `rounding` is set.
    func holds(_ value: (Int) -> Int64, rounding: Bool) -> Bool {
        let parts = Int64(max(1, left.count + right.count - 1))
        return abs(difference(value)) <= (rounding ? TableSolver.roundingPerPart * parts : 0)
    }
}

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
    /// `identities` are the row identities (nil: column 0 = Σ the other columns); the hierarchy
    /// is checked in `treeColumns`.
    static func verdict(_ rows: [CodeRow], _ maps: [[Int: LayoutToken]], identities: [ColumnIdentity]? = nil,
                        treeColumns: [Int] = [0]) -> Verdict? {
        func amount(_ t: LayoutToken?) -> Int64 { t.flatMap(LayoutScanner.amount) ?? 0 }
        func fails(_ total: Int64, _ parts: [Int64]) -> Bool {
            abs(total - parts.reduce(0, +)) > TableSolver.roundingPerPart * Int64(parts.count)
        }
        var rowChecks: [Bool] = []
        if let identities {
            // Each identity of a row with a figure in one of its columns.
            for map in maps {
                for identity in identities where (identity.left + identity.right).contains(where: { map[$0]?.isAmount == true }) {
                    rowChecks.append(!identity.holds({ amount(map[$0]) }, rounding: true))
                }
            }
        } else {
            // Rows: total = Σ columns (a blank total with figures beside it fails too).
            for map in maps {
                let parts = map.filter { $0.key != 0 }.values.filter { $0.isAmount }
                guard !parts.isEmpty else { continue }
                rowChecks.append(fails(amount(map[0]), parts.map(amount)))
            }
        }
        // Hierarchy: parent = Σ children, in each of `treeColumns` (beyond the first, where a figure is printed).
        var treeChecks: [Bool] = []
        let keyLengths = rows.map { $0.isCode ? $0.key.utf8.count : 0 }   // of codes only, ASCII digits
        for (i, row) in rows.enumerated() {
            let childLength = !row.isCode ? 3 : keyLengths[i] == 3 ? 5 : keyLengths[i] == 5 ? 7 : 0
            guard childLength > 0, !row.values.isEmpty else { continue }
            let children = rows.indices.filter {
                rows[$0].isCode && keyLengths[$0] == childLength && (!row.isCode || rows[$0].key.hasPrefix(row.key))
            }
            guard !children.isEmpty else { continue }
            for (k, column) in treeColumns.enumerated() {
                if k > 0 && maps[i][column] == nil && children.allSatisfy({ maps[$0][column] == nil }) { continue }
                treeChecks.append(fails(amount(maps[i][column]), children.map { amount(maps[$0][column]) }))
            }
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
