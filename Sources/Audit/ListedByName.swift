import Core

/// An item of the narrative's itemised 项 list found by its 项 name (“购房补贴（项）”) and the
/// 决算 it states (“支出决算为 171.49 万元”): for an item the importer could not tie to a code
/// (its 类 or 款 printed under another name, and its 决算 not the table's).
enum ListedByName {
    struct Entry: Equatable {
        var name: String
        var printed: String
        var fen: Int64?
        var line: Int
    }

    static let marks = ["（项）", "(项)"]
    static let amountLeads = ["决算数为", "决算为"]

    /// The one list entry naming `name` as a 项 and the 决算 it states; nil when no entry, or more
    /// than one, names it, or the entry states no 决算.
    static func entry(_ document: AuditDocument, name: String) -> Entry? {
        guard !name.isEmpty else { return nil }
        let paragraphs = document.paragraphs.filter { $0.kind == "text" && $0.section != "目录" && $0.section != "封面" }
        var found: [Entry] = [], named = 0
        for (index, paragraph) in paragraphs.enumerated() {
            for mark in marks {
                var from = paragraph.body.startIndex
                while let range = paragraph.body.range(of: name + mark, range: from..<paragraph.body.endIndex) {
                    from = range.upperBound
                    // Only a whole 项 name: the character before is no part of a longer name.
                    if range.lowerBound > paragraph.body.startIndex {
                        let before = paragraph.body[paragraph.body.index(before: range.lowerBound)]
                        guard before == "）" || before == ")" || before == "、" || before == " " || before == "." || before == "，" else { continue }
                    }
                    named += 1
                    // The entry's text: to the next 项 mark, over this paragraph and the next two.
                    for (offset, part) in paragraphs[index...].prefix(3).enumerated() {
                        let start = offset == 0 ? range.upperBound : part.body.startIndex
                        let end = marks.compactMap { part.body.range(of: $0, range: start..<part.body.endIndex)?.lowerBound }.min()
                            ?? part.body.endIndex
                        if let entry = amount(in: part, start..<end, name: name, unit: document.moneyUnit) { found.append(entry); break }
                        if end != part.body.endIndex { break }
                    }
                }
            }
        }
        return named == 1 && found.count == 1 ? found[0] : nil
    }

    /// The first “决算为 N 万元” in a range of a paragraph.
    static func amount(in paragraph: ImportedParagraph, _ range: Range<String.Index>, name: String, unit: MoneyUnit) -> Entry? {
        let body = paragraph.body
        for lead in amountLeads {
            guard let hit = body.range(of: lead, range: range) else { continue }
            var index = hit.upperBound
            while index < range.upperBound, body[index] == " " { index = body.index(after: index) }
            var digits = ""
            while index < range.upperBound, body[index].isASCII, body[index].isNumber || body[index] == "." || body[index] == "," {
                digits.append(body[index]); index = body.index(after: index)
            }
            while index < range.upperBound, body[index] == " " { index = body.index(after: index) }
            let printedUnit = MoneyUnit.allCases.first { body[index...].hasPrefix($0.rawValue) } ?? unit
            guard !digits.isEmpty, let decimal = ExactDecimal(parsing: digits.replacingOccurrences(of: ",", with: "")) else { return nil }
            return Entry(name: name + "（项）", printed: digits, fen: decimal.scaled(by: printedUnit.fenPerUnit),
                         line: paragraph.line(at: hit.upperBound))
        }
        return nil
    }
}
