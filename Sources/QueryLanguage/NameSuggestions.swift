/// "Did you mean" candidates for a mistyped name.
public enum NameSuggestions {
    /// Candidates closest to `typed`: within an edit distance that grows with length
    /// (1 for up to 3 characters, else 2), or containing / contained in it; best first.
    /// A name longer than this gets no suggestion (no name is that long): the cost stays
    /// bounded whatever is typed.
    static let maximumLength = 100

    static func closest(to typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        guard typed.utf8.count <= maximumLength * 4, typed.count <= maximumLength else { return [] }
        let typedLower = typed.lowercased()
        let allowed = typed.count <= 3 ? 1 : 2
        var scored: [(String, Int)] = []
        var seen: Set<String> = []
        for candidate in candidates where seen.insert(candidate).inserted {
            let lower = candidate.lowercased()
            // Lengths further apart than `allowed` cannot be within the distance.
            let distance = abs(lower.count - typedLower.count) > allowed ? Int.max : EditDistance.between(typedLower, lower)
            if distance <= allowed {
                scored.append((candidate, distance))
            } else if typedLower.count >= 2 && (lower.contains(typedLower) || typedLower.contains(lower)) {
                scored.append((candidate, allowed + 1 + abs(lower.count - typedLower.count)))
            }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    /// The hint line for a diagnostic, or none.
    public static func hint(for typed: String, among candidates: [String]) -> [String] {
        let matches = closest(to: typed, among: candidates)
        guard !matches.isEmpty else { return [] }
        return ["您是否想输入" + matches.map { "「\($0)」" }.joined(separator: "、") + "？"]
    }
}
