/// Finds the figures a finding cites in a line of the document, for highlighting: the
/// longest figure first, and only where it stands as a whole number — "0" is not found in
/// "2023" or "0.5", "84.6" not in "84.69".
enum ExcerptHighlighter {
    /// The line cut into pieces, each marked true when it is a cited figure.
    static func segments(_ text: String, _ figures: [String]) -> [(text: String, isFigure: Bool)] {
        let needles = Array(Set(figures.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
        var segments: [(text: String, isFigure: Bool)] = []
        var plain = ""
        var previous: Character?
        var rest = Substring(text)
        outer: while let first = rest.first {
            for needle in needles where rest.hasPrefix(needle) {
                let after = rest.dropFirst(needle.count).first
                guard !continuesNumber(previous, needle.first), !continuesNumber(after, needle.last) else { continue }
                if !plain.isEmpty { segments.append((plain, false)) }
                plain = ""
                segments.append((needle, true))
                previous = needle.last
                rest = rest.dropFirst(needle.count)
                continue outer
            }
            plain.append(first)
            previous = first
            rest = rest.dropFirst()
        }
        if !plain.isEmpty { segments.append((plain, false)) }
        return segments
    }

    /// Whether `neighbour` would make a figure whose edge is `edge` part of a longer number.
    private static func continuesNumber(_ neighbour: Character?, _ edge: Character?) -> Bool {
        guard let neighbour, let edge, edge.isASCII, edge.isNumber || edge == "." else { return false }
        return neighbour.isASCII && (neighbour.isNumber || neighbour == ".")
    }
}
