/// Places the figures of a one-row table whose blank cells print nothing (so the figures
/// shift left): every order-keeping placement of the figures in the columns is tried, a
/// blank column counting as 0; those where each identity (whole = Σ parts) holds are kept.
enum RowPlacement {
    /// True when the figures placed in `placement` (a column per figure) satisfy every identity.
    static func holds(_ values: [Int64], _ placement: [Int], columns: Int, identities: [(whole: Int, parts: [Int])]) -> Bool {
        var cells = [Int64](repeating: 0, count: columns)
        for (i, c) in placement.enumerated() where c < columns { cells[c] = values[i] }
        return identities.allSatisfy { cells[$0.whole] == $0.parts.map { cells[$0] }.reduce(0, +) }
    }

    /// (figure index, column) for each figure all valid placements put in the same column;
    /// every figure in order when as many figures as columns are printed. None when no
    /// placement satisfies the identities (a figure's place is then unknown).
    static func settled(_ values: [Int64], columns: Int, identities: [(whole: Int, parts: [Int])]) -> [(Int, Int)] {
        guard !values.isEmpty, values.count <= columns else { return [] }
        if values.count == columns { return values.indices.map { ($0, $0) } }
        let valid = placements(values, columns: columns, identities: identities)
        guard let first = valid.first else { return [] }
        return values.indices.filter { i in valid.allSatisfy { $0[i] == first[i] } }.map { ($0, first[$0]) }
    }

    /// Every order-keeping placement (a column per figure) that satisfies the identities, in
    /// lexicographic order; none when there are more figures than columns.
    static func placements(_ values: [Int64], columns: Int, identities: [(whole: Int, parts: [Int])]) -> [[Int]] {
        var valid: [[Int]] = []
        var placement: [Int] = []
        func place(_ next: Int, from column: Int) {
            if next == values.count {
                if holds(values, placement, columns: columns, identities: identities) { valid.append(placement) }
                return
            }
            guard column < columns, columns - column >= values.count - next else { return }
            for c in column..<columns where columns - c >= values.count - next {
                placement.append(c)
                place(next + 1, from: c + 1)
                placement.removeLast()
            }
        }
        place(0, from: 0)
        return valid
    }
}
