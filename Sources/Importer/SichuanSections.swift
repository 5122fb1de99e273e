import Core

/// The layout of a Sichuan document: its prose lines with the heading path above each
/// (the rules of scripts/narrative_seed.py), the reviewers' comments left after the list of
/// 附表 (residue), and where the chart data behind the figures begin.
struct SichuanSections {
    struct ProseLine {
        var line: Int
        var text: String
        var section: String
        var headingLevel: Int?
        var kind: String
        /// Where each joined line after the first begins in `text` (hard-wrapped text only).
        var lineStarts: [LineStart] = []
    }

    var prose: [ProseLine] = []
    var residueStart: Int?
    var chartStart: Int?

    static let part = SichuanPattern(#"^第[一二三四五六七八九十]+部分"#)
    static let attachment = SichuanPattern(#"^(附件\d|附表：|部门预算绩效评价报告|专项预算项目绩效评价报告)"#)
    static let chapter = SichuanPattern(#"^[一二三四五六七八九十]+、"#)
    static let subsection = SichuanPattern(#"^（[一二三四五六七八九十]+）"#)
    static let unnumberedChapter = SichuanPattern(#"^[^。，：]{4,30}情况说明$"#)
    static let tablesPart = SichuanPattern(#"^第[一二三四五六七八九十]+部分\s*附表"#)
    static let tableListItem = SichuanPattern(#"^[一二三四五六七八九十]+、.*表$"#)
    static let chartImage = SichuanPattern(#"^\[image: [^\]]*\.(emf|wmf|png|jpe?g)\]"#)

    static func headingLevel(_ text: String) -> Int? {
        if part.matches(text) { return 1 }
        if attachment.matches(text) { return 2 }
        let scalars = Array(text.unicodeScalars)
        if scalars.count <= 40 && !scalars.dropLast().contains("。") {
            if subsection.matches(text) { return 4 }
            if chapter.matches(text) || unnumberedChapter.matches(text) { return 3 }
        }
        return nil
    }

    init(lines: [String]) {
        // Residue: after the list of 附表 under 第五部分 附表, up to the first chart image.
        var inTableList = false
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let text = raw.sichuanTrimmed
            if chartStart == nil, Self.chartImage.matches(text), residueStart != nil || inTableList {
                chartStart = number
                break
            }
            if text.isEmpty || raw.hasPrefix("\t") { continue }
            if Self.tablesPart.matches(text) { inTableList = true; continue }
            if inTableList, residueStart == nil, !Self.tableListItem.matches(text) { residueStart = number }
        }
        if chartStart == nil {
            chartStart = lines.indices.first { index in
                index + 1 >= (residueStart ?? Int.max) && Self.chartImage.matches(lines[index].sichuanTrimmed)
            }.map { $0 + 1 }
        }
        var stack: [Int: String] = [:]
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            if let chartStart, number >= chartStart { break }
            if raw.hasPrefix("\t") { continue }
            let text = raw.sichuanTrimmed
            if text.isEmpty { continue }
            let isResidue = residueStart.map { number >= $0 } ?? false
            let level = isResidue ? nil : Self.headingLevel(text)
            if let level { stack = stack.filter { $0.key < level } }
            let section = isResidue ? "（审阅批注）"
                : (stack.isEmpty ? "（文首）" : stack.keys.sorted().map { stack[$0]! }.joined(separator: " / "))
            prose.append(ProseLine(line: number, text: text, section: section, headingLevel: level, kind: isResidue ? "residue" : "text"))
            if let level { stack[level] = text }
        }
        if Self.isHardWrapped(prose, lines: lines) { prose = Self.joined(prose) }
    }

    /// Word text puts each paragraph on one line with a blank line after it; text extracted
    /// from a PDF wraps paragraphs over consecutive lines. Hard-wrapped when four in five
    /// prose lines are followed directly by another (Word text of the template: under half).
    static func isHardWrapped(_ prose: [ProseLine], lines: [String]) -> Bool {
        let body = prose.filter { $0.headingLevel == nil && $0.kind == "text" }
        guard body.count >= 10 else { return false }
        let numbers = Set(prose.map(\.line))
        let followed = body.filter { numbers.contains($0.line + 1) }.count
        return followed * 5 > body.count * 4
    }

    /// Prose lines re-joined into paragraphs (ParagraphJoiner), each under its first line's
    /// section; headings and residue stand as they are. The template's paragraphs also end
    /// with a colon before a list (“其中：”, “主要用于以下方面：”).
    static func joined(_ prose: [ProseLine]) -> [ProseLine] {
        var joiner = ParagraphJoiner()
        joiner.closers.formUnion(["：", ":"])
        var byLine: [Int: ProseLine] = [:]
        for p in prose {
            byLine[p.line] = p
            joiner.add(p.text, line: p.line, heading: p.headingLevel != nil || p.kind != "text")
        }
        return joiner.paragraphs.compactMap { paragraph in
            guard var first = byLine[paragraph.lineFrom] else { return nil }
            first.text = paragraph.body
            first.lineStarts = paragraph.lineStarts
            return first
        }
    }

    var paragraphs: [ImportedParagraph] {
        prose.map { ImportedParagraph(section: $0.section, body: $0.text, kind: $0.kind, line: $0.line, lineStarts: $0.lineStarts) }
    }
}
