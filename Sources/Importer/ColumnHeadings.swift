/// Where a layout table's figure columns are, read from its printed column headings: each
/// heading's right edge (figures are right-aligned under their heading). Used on the page the
/// headings are printed on; a figure goes to the column whose edge is nearest its right end.
struct ColumnHeadings: Sendable {
    /// Right edge (character column) of each column's heading, by column index.
    var edges: [Int]

    /// Headings found on the lines before the page's first figure or code row: every name
    /// (alternatives separated by "|", matched as a prefix of a heading piece) must be found,
    /// left to right, or there are none.
    static func find(_ lines: [[LayoutToken]], names: [String]) -> ColumnHeadings? {
        var edges = [Int?](repeating: nil, count: names.count)
        let alternatives = names.map { $0.split(separator: "|").map(String.init) }
        for tokens in lines {
            if tokens.contains(where: { $0.isCell && !$0.isPlaceholder }) || tokens.first?.isCode == true { break }
            for token in tokens {
                let edge = token.x + token.text.count
                for column in names.indices where edges[column] == nil {
                    // A heading stands right of those before it: a row label "合计" at the left
                    // margin is not the 合计 column's heading.
                    guard edges[..<column].allSatisfy({ ($0 ?? Int.min) < edge }) else { continue }
                    if alternatives[column].contains(where: { token.text.fastHasPrefix($0) }) {
                        edges[column] = edge
                    }
                }
            }
        }
        let found = edges.compactMap { $0 }
        guard found.count == names.count, zip(found, found.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        return ColumnHeadings(edges: found)
    }

    /// Columns for the figures of one page: their right ends gathered into clusters (ends
    /// within 3 characters are one column), the clusters matched in order to the headings at
    /// the least total distance. Character positions drift with the Chinese text on a line, so
    /// a figure is placed by its cluster, not by its distance to a heading. Nil when there are
    /// more clusters than headings.
    func columns(forFiguresEndingAt ends: [Int]) -> [Int: Int]? {
        let clusters = Self.clusters(ends)
        guard !clusters.isEmpty else { return [:] }
        guard clusters.count <= edges.count else { return nil }
        let centers = clusters.map { $0.reduce(0, +) / $0.count }
        // cost[i][j]: clusters 0..<i matched to headings 0..<j, in order.
        let n = centers.count, m = edges.count
        let infinity = Int.max / 4
        var cost = [[Int]](repeating: [Int](repeating: infinity, count: m + 1), count: n + 1)
        for j in 0...m { cost[0][j] = 0 }
        for i in 1...n {
            for j in i...m {
                cost[i][j] = min(cost[i][j - 1], cost[i - 1][j - 1] + abs(centers[i - 1] - edges[j - 1]))
            }
        }
        var heading = [Int](repeating: 0, count: n)
        var j = m
        for i in stride(from: n, to: 0, by: -1) {
            while j > i, cost[i][j] == cost[i][j - 1] { j -= 1 }
            heading[i - 1] = j - 1
            j -= 1
        }
        var result: [Int: Int] = [:]
        for (k, cluster) in clusters.enumerated() { for end in cluster { result[end] = heading[k] } }
        return result
    }

    /// Right ends gathered into columns: sorted, ends within 3 characters of the previous one together.
    static func clusters(_ ends: [Int]) -> [[Int]] {
        let sorted = Set(ends).sorted()
        guard let first = sorted.first else { return [] }
        var clusters: [[Int]] = [[first]]
        for end in sorted.dropFirst() {
            if end - clusters[clusters.count - 1].last! <= 3 { clusters[clusters.count - 1].append(end) } else { clusters.append([end]) }
        }
        return clusters
    }

    /// A continuation page (no headings): its clusters take, in order, the columns the
    /// headed page's clusters took, when there are as many; else nil.
    static func continuing(_ used: [Int], forFiguresEndingAt ends: [Int]) -> [Int: Int]? {
        let clusters = clusters(ends)
        guard clusters.count == used.count else { return nil }
        var result: [Int: Int] = [:]
        for (k, cluster) in clusters.enumerated() { for end in cluster { result[end] = used[k] } }
        return result
    }

    /// Each figure in its column (`columns` from `columns(forFiguresEndingAt:)`); nil when two
    /// figures fall in one column or, when the table has a total column (`firstIsTotal`), the
    /// first figure is not in it.
    static func place(_ values: [LayoutToken], columns: [Int: Int], firstIsTotal: Bool = true) -> [Int: LayoutToken]? {
        var map: [Int: LayoutToken] = [:]
        for token in values {
            guard let column = columns[token.x + token.text.count], map[column] == nil else { return nil }
            map[column] = token
        }
        guard !firstIsTotal else {
            guard let first = values.min(by: { $0.x < $1.x }), map[0] == first else { return nil }
            return map
        }
        return map.isEmpty ? nil : map
    }
}
