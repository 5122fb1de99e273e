import Core

/// `check` in table mode: one block per finding, wrapped to the terminal width (80 columns
/// when not a terminal), so a long message never stretches a table wider than the screen.
/// Rows are laid out one at a time (`next`), so findings can be written as they are found.
struct FindingsLayout {
    static let severityNames = ["error": "错误", "warning": "警告", "info": "提示"]

    let width: Int
    private var currentBlock: String?
    private var number = 0

    init(width: Int) { self.width = max(width, 40) }

    /// One row's lines, after its block's heading when it starts a new block.
    mutating func next(_ row: ResultRow) -> String {
        var out = ""
        if row.block != currentBlock, let block = row.block {
            if currentBlock != nil { out += "\n" }
            out += "【\(block)】\n"
            currentBlock = block
            number = 0
        }
        number += 1
        let cell = { (index: Int) -> String? in
            guard index < row.cells.count, case .text(let text) = row.cells[index] else { return nil }
            return text
        }
        let severity = cell(0).map { Self.severityNames[$0] ?? $0 } ?? ""
        let head = "\(number). [\(severity)] \(cell(1) ?? "")", lines = "第 \(cell(3) ?? "") 行"
        if DisplayWidth.of(head) + 2 + DisplayWidth.of(lines) <= width {
            out += head + "  " + lines + "\n"
        } else {
            out += Self.wrap(head, indent: "", width: width) + Self.wrap(lines.replacingCommas, indent: "   ", width: width)
        }
        // A finding that stands for several identities lists each on its own line.
        let message = cell(2) ?? ""
        let parts = message.split(separator: "［", omittingEmptySubsequences: false)
        out += Self.wrap(String(parts[0]), indent: "   ", width: width)
        for part in parts.dropFirst() {
            let item = part.last == "；" ? part.dropLast() : part
            out += Self.wrap("- ［" + item, indent: "   ", width: width)
        }
        if let figures = cell(4), !figures.isEmpty { out += Self.wrap("涉及：" + figures, indent: "   ", width: width) }
        let comparison = [("应为", cell(5)), ("文件所列", cell(6)), ("差额", cell(7))]
            .compactMap { name, value in value.map { "\(name) \($0)" } }
        if !comparison.isEmpty { out += Self.wrap(comparison.joined(separator: "；"), indent: "   ", width: width) }
        return out
    }

    /// Breaks text into lines of at most `width` display columns, each starting with `indent`;
    /// a run of ASCII letters, digits and dots (a number, a rule id) is not split, and no
    /// line starts with closing punctuation (the character before it moves down with it).
    static func wrap(_ text: String, indent: String, width: Int) -> String {
        let room = width - DisplayWidth.of(indent)
        var out = "", line: [Character] = [], used = 0
        let isWordPart = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "," || c == "-") }
        let isClosing = { (c: Character) in "）」』】〕，。；：、！？”’".contains(c) }
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room {
                var carry: [Character] = []
                if isWordPart(character) {
                    while let last = line.last, isWordPart(last), carry.count < room / 2 { carry.insert(line.removeLast(), at: 0) }
                    if line.isEmpty { line = carry; carry = [] }
                } else if isClosing(character) {
                    // Move down the character before it, and any closing run it ends.
                    while line.count > 1, carry.isEmpty || isClosing(carry[0]) { carry.insert(line.removeLast(), at: 0) }
                }
                out += indent + String(line).trimmingTrailingSpaces + "\n"
                line = carry
                used = carry.reduce(0) { $0 + DisplayWidth.of($1) }
                if line.isEmpty && character == " " { continue }
            }
            line.append(character); used += w
        }
        if !line.isEmpty || out.isEmpty { out += indent + String(line) + "\n" }
        return out
    }
}

private extension String {
    /// "1,2,3" as "1, 2, 3", so that a long list of line numbers wraps between numbers.
    var replacingCommas: String { split(separator: ",", omittingEmptySubsequences: false).joined(separator: ", ") }

    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
