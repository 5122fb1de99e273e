/// Places the figures of a code table's rows in its columns from the table's own identities.
///
/// A row's first figure is its total (column 0). Where the printed layout fixes the other
/// figures' columns (headings above them, or cells of Word text) the row is `fixed`. Otherwise
/// every order-keeping placement over the candidate columns is tried and kept only if it
/// satisfies the identities: the row's parts add up to its total; children add up to their
/// parent column by column (a 类 to the 合计 row, a 款 to its 类, a 项 to its 款); the 合计
/// row agrees with totals stated elsewhere in the document (`columnTotals`). When more than one
/// placement survives, only the figures every survivor puts in the same column are placed;
/// the others are *unknown* — reported, never stored in a first column.
///
/// A table with other row identities (`ColumnIdentity`, the 政府性基金 table's) has no total
/// column: a row's figures may then sit in any columns, in order, where its identities hold.
enum TableSolver {
    /// The solved row: figures by column, and the figures whose column cannot be decided.
    struct Placement: Sendable {
        var cells: [Int: LayoutToken] = [:]
        var unknown: [LayoutToken] = []
    }

    /// Rounding the printed parts of a sum may carry: 0.01 万元 (10 000 分) per part.
    static let roundingPerPart: Int64 = 10_000

    static func solve(_ rows: [CodeRow], columnCount: Int, fixed: [Int: [Int: LayoutToken]], active: [Int]?,
                      columnTotals: [Int: Int64], identities: [ColumnIdentity]? = nil) -> [Placement] {
        let allColumns = identities == nil ? Array(1..<columnCount) : Array(0..<columnCount)
        let options: [[[Int: LayoutToken]]] = rows.indices.map { i in
            if let map = fixed[i] { return [map] }
            if let identities { return candidates(rows[i], columnCount: columnCount, identities: identities) }
            return candidates(rows[i], pool: active ?? allColumns, allColumns: allColumns,
                              stated: rows[i].isCode ? [:] : columnTotals)
        }
        var chosen = [Placement?](repeating: nil, count: rows.count)
        let parents = parentIndices(rows)
        let levels = rows.map { $0.isCode ? $0.key.utf8.count : 0 }   // a code's characters are its bytes
        let order = rows.indices.sorted { a, b in levels[a] != levels[b] ? levels[a] < levels[b] : a < b }
        for i in order where chosen[i] == nil {
            guard let parent = parents[i], let parentPlacement = chosen[parent] else {
                chosen[i] = agreement(options[i], of: rows[i])
                continue
            }
            let siblings = rows.indices.filter { parents[$0] == parent && chosen[$0] == nil }
            // Columns the parent settles: all when it is fully placed, else those it holds.
            let checked = parentPlacement.unknown.isEmpty ? allColumns
                : Array(parentPlacement.cells.keys.filter { identities != nil || $0 != 0 })
            let settled = rows.indices.filter { parents[$0] == parent && chosen[$0] != nil }
            var base = [Int64](repeating: 0, count: columnCount)
            for s in settled { for (c, t) in chosen[s]!.cells { base[c] += LayoutScanner.amount(t) ?? 0 } }
            var solutions = search(siblings, options: options, checked: checked, base: base,
                                   target: { value(parentPlacement.cells[$0]) }, tolerance: 0)
            if solutions.isEmpty {
                solutions = search(siblings, options: options, checked: checked, base: base,
                                   target: { value(parentPlacement.cells[$0]) },
                                   tolerance: roundingPerPart * Int64(siblings.count + settled.count))
            }
            for (k, s) in siblings.enumerated() {
                chosen[s] = agreement(solutions.isEmpty ? options[s] : solutions.map { $0[k] }, of: rows[s])
            }
        }
        return chosen.map { $0 ?? Placement() }
    }

    static func value(_ token: LayoutToken?) -> Int64 { token.flatMap(LayoutScanner.amount) ?? 0 }

    /// The figures all `maps` place in the same column; the rest of the row's figures are unknown.
    static func agreement(_ maps: [[Int: LayoutToken]], of row: CodeRow) -> Placement {
        guard let first = maps.first else { return Placement(cells: [:], unknown: row.values) }
        if maps.count == 1 {
            // One map agrees with itself throughout.
            let placed = Array(first.values)
            return Placement(cells: first, unknown: row.values.filter { !placed.contains($0) })
        }
        var cells: [Int: LayoutToken] = [:]
        for (column, token) in first where maps.allSatisfy({ $0[column] == token }) { cells[column] = token }
        // A row has a few figures: a look through the placed ones is cheaper than hashing them.
        let placed = Array(cells.values)
        return Placement(cells: cells, unknown: row.values.filter { !placed.contains($0) })
    }

    /// Order-keeping placements of the row's figures after its total over `pool` (all columns
    /// when the row prints more figures than the pool has columns), those adding up to the
    /// total first, and agreeing with `stated` column totals.
    static func candidates(_ row: CodeRow, pool: [Int], allColumns: [Int], stated: [Int: Int64]) -> [[Int: LayoutToken]] {
        guard let total = row.values.first else { return [[:]] }
        let rest = Array(row.values.dropFirst())
        let pool = rest.count <= pool.count ? pool : allColumns
        var out: [[Int: LayoutToken]] = []
        func choose(_ from: Int, _ picked: [Int]) {
            if out.count > 256 { return }
            if picked.count == rest.count {
                var map: [Int: LayoutToken] = [0: total]
                for (i, c) in picked.enumerated() { map[c] = rest[i] }
                out.append(map)
                return
            }
            guard from < pool.count else { return }
            for i in from..<pool.count { choose(i + 1, picked + [pool[i]]) }
        }
        choose(0, [])
        let adding = out.filter { map in map.filter { $0.key != 0 }.values.map(value).reduce(0, +) == value(total) }
        var kept = adding.isEmpty ? out : adding
        if !stated.isEmpty {
            let agreeing = kept.filter { map in stated.allSatisfy { column, amount in value(map[column]) == amount } }
            if !agreeing.isEmpty { kept = agreeing }
        }
        return kept
    }

    /// Order-keeping placements of the row's figures over all columns where its identities
    /// hold exactly (a blank cell counting as 0), else up to rounding, else all of them.
    static func candidates(_ row: CodeRow, columnCount: Int, identities: [ColumnIdentity]) -> [[Int: LayoutToken]] {
        guard !row.values.isEmpty, row.values.count <= columnCount else { return [[:]] }
        var out: [[Int: LayoutToken]] = []
        func choose(_ from: Int, _ picked: [Int]) {
            if out.count > 256 { return }
            if picked.count == row.values.count {
                out.append(Dictionary(uniqueKeysWithValues: zip(picked, row.values)))
                return
            }
            guard from < columnCount else { return }
            for c in from..<columnCount where columnCount - c >= row.values.count - picked.count { choose(c + 1, picked + [c]) }
        }
        choose(0, [])
        for rounding in [false, true] {
            let holding = out.filter { map in identities.allSatisfy { $0.holds({ value(map[$0]) }, rounding: rounding) } }
            if !holding.isEmpty { return holding }
        }
        return out
    }

    /// Every combination of the siblings' options (up to 64) whose column sums, with `base`
    /// already placed, meet the parent's `target` in the `checked` columns. Printed amounts are
    /// not negative, so a partial sum past its target (plus `tolerance`) ends a branch.
    static func search(_ siblings: [Int], options: [[[Int: LayoutToken]]], checked: [Int], base: [Int64],
                       target: (Int) -> Int64, tolerance: Int64) -> [[[Int: LayoutToken]]] {
        let targets = (0..<base.count).map(target)
        let isChecked = (0..<base.count).map { checked.contains($0) }
        // Each sibling's options as (column, amount) pairs, read once.
        let amounts = siblings.map { options[$0].map { option in option.map { ($0.key, value($0.value)) } } }
        let allPositive = amounts.allSatisfy { $0.allSatisfy { $0.allSatisfy { $0.1 >= 0 } } }
        var solutions: [[[Int: LayoutToken]]] = []
        var pick: [[Int: LayoutToken]] = []
        var sums = base
        var steps = 0
        func go(_ k: Int) {
            steps += 1
            if solutions.count >= 64 || steps > 50_000 { return }
            if k == siblings.count {
                if checked.allSatisfy({ abs(sums[$0] - targets[$0]) <= tolerance }) { solutions.append(pick) }
                return
            }
            for (n, option) in options[siblings[k]].enumerated() {
                var over = false
                for (c, v) in amounts[k][n] where c < sums.count {
                    sums[c] += v
                    if allPositive && isChecked[c] && sums[c] > targets[c] + tolerance { over = true }
                }
                if !over {
                    pick.append(option)
                    go(k + 1)
                    pick.removeLast()
                }
                for (c, v) in amounts[k][n] where c < sums.count { sums[c] -= v }
            }
        }
        go(0)
        return steps > 50_000 ? [] : solutions
    }

    /// `parentIndex` of every row, the rows' codes looked up once.
    static func parentIndices(_ rows: [CodeRow]) -> [Int?] {
        var firstOfCode: [String: Int] = [:]
        for (i, row) in rows.enumerated() where row.isCode && firstOfCode[row.key] == nil { firstOfCode[row.key] = i }
        let total = rows.firstIndex { !$0.isCode && !$0.values.isEmpty }
        return rows.map { row in
            guard row.isCode else { return nil }
            let length = row.key.utf8.count   // a code's characters are its bytes
            let parentLength = length == 7 ? 5 : length == 5 ? 3 : 0
            if parentLength == 0 { return total }
            return firstOfCode[String(row.key.prefix(parentLength))]
        }
    }

    /// The row a row adds up into: its code's parent, or the total row (with figures) for a 类.
    static func parentIndex(_ i: Int, _ rows: [CodeRow]) -> Int? {
        let row = rows[i]
        guard row.isCode else { return nil }
        let parentLength = row.key.count == 7 ? 5 : row.key.count == 5 ? 3 : 0
        // A heading "合计" with no figures is not the total row.
        if parentLength == 0 { return rows.firstIndex { !$0.isCode && !$0.values.isEmpty } }
        let prefix = String(row.key.prefix(parentLength))
        return rows.firstIndex { $0.isCode && $0.key == prefix }
    }
}
