import Core

/// Lays out the match list libedit prints on a second Tab. libedit pads its columns by
/// byte count, which misaligns Chinese (3 bytes, 2 columns). Padding every entry with
/// ideographic spaces (3 bytes, 2 columns) and ASCII spaces (1 byte, 1 column) to one byte
/// length and one display width makes its columns line up.
enum CompletionList {
    static func padded(_ entries: [String]) -> [String] {
        guard entries.contains(where: { $0.utf8.count != DisplayWidth.of($0) }) else { return entries }
        let sizes = entries.map { (width: DisplayWidth.of($0), bytes: $0.utf8.count) }
        // Each entry gets c ideographic and a ASCII spaces: a + 2c = W − w, a + 3c = B − b.
        let gap = sizes.map { $0.bytes - $0.width }.max() ?? 0   // B − W
        let width = max(sizes.map(\.width).max() ?? 0, (sizes.map { 3 * $0.width - 2 * $0.bytes }.max() ?? 0) + 2 * gap)
        return zip(entries, sizes).map { entry, size in
            let ideographic = gap - (size.bytes - size.width)
            let ascii = width - size.width - 2 * ideographic
            return entry + String(repeating: "\u{3000}", count: ideographic) + String(repeating: " ", count: max(0, ascii))
        }
    }

    /// The longest common prefix of the texts, by Character (never a partial UTF-8
    /// sequence, unlike libedit's bytewise prefix).
    static func commonPrefix(_ texts: [String]) -> String {
        guard var prefix = texts.first.map(Array.init) else { return "" }
        for text in texts.dropFirst() {
            let characters = Array(text)
            var length = 0
            while length < min(prefix.count, characters.count) && prefix[length] == characters[length] { length += 1 }
            prefix = Array(prefix.prefix(length))
        }
        return String(prefix)
    }
}
