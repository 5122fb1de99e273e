import Core

/// Reads the tables of a budget document by their `TableSpec`: code tables, two-sided
/// summaries and single-row tables. A figure's column is found from the header: the offset of
/// its right edge from the row's first figure (always the 合计 column) is matched to the
/// offsets of the column headings from the 合计 heading, so page-to-page drift does not matter.
enum BudgetTableReader {
    /// Line ranges (1-based, inclusive) of each table: from its title to the line before the
    /// next title (or the narrative's start for the last one).
    static func locate(_ lines: [String], template: TableTemplate) -> [(spec: TableSpec, range: ClosedRange<Int>)] {
        var starts: [(TableSpec, Int)] = []
        for (i, raw) in lines.enumerated() where raw.containsBytes("表") {
            guard let spec = template.table(titled: raw.withoutSpaces) else { continue }
            // A contents line names a table too; a table's title is followed by its 单位： line.
            if template.titleBySuffix,
               !lines[(i + 1)..<min(lines.count, i + 5)].contains(where: { $0.contains("单位：") || $0.contains("单位:") }) { continue }
            if let k = starts.firstIndex(where: { $0.0.title == spec.title }) {
                if template.titleBySuffix { starts[k].1 = i + 1 }   // the last printing is the table, earlier ones contents
            } else {
                starts.append((spec, i + 1))
            }
        }
        starts.sort { $0.1 < $1.1 }
        let others = otherTitles(lines, template: template)
        return starts.enumerated().map { k, item in
            var end = k + 1 < starts.count ? starts[k + 1].1 - 1 : lines.count
            // A table the template does not describe ends the one before it: its rows are not this table's.
            if let other = others.first(where: { $0 > item.1 && $0 <= end }) { end = other - 1 }
            if k + 1 == starts.count,
               let stop = (item.1..<lines.count).first(where: { n in template.narrativeStart.contains { lines[n].withoutSpaces.hasPrefix($0) } }) {
                end = stop
            }
            return (item.0, item.1...max(item.1, end))
        }
    }

    /// 1-based lines titling a table the template does not describe: a line ending in 预算…表
    /// (no continuation "续表"), followed by its 单位： line, that names none of its tables.
    static func otherTitles(_ lines: [String], template: TableTemplate) -> [Int] {
        lines.indices.filter { i in
            let s = lines[i].withoutSpaces
            guard s.hasSuffix("表"), s.count <= 40, s.containsBytes("预算"), !s.containsBytes("续"), !s.containsBytes("："),
                  template.table(titled: s) == nil else { return false }
            return lines[(i + 1)..<min(lines.count, i + 4)].contains { $0.contains("单位：") || $0.contains("单位:") }
        }.map { $0 + 1 }
    }

    /// A printed empty cell: "-", "—", "－", "–" (once or twice), what some tables print for nothing.
    static func isEmptyCell(_ text: String) -> Bool {
        (1...2).contains(text.count) && text.allSatisfy { "-—－–".contains($0) }
    }

    /// Whitespace-separated tokens of a line with their character columns.
    static func tokens(_ text: String, line: Int) -> [LayoutToken] {
        var result: [LayoutToken] = []
        var current = "", start = 0
        for (x, ch) in text.enumerated() {
            if ch == " " || ch == "\u{3000}" || ch == "\t" {
                if !current.isEmpty { result.append(LayoutToken(text: current, line: line, x: start)) }
                current = ""
            } else {
                if current.isEmpty { start = x }
                current.append(ch)
            }
        }
        if !current.isEmpty { result.append(LayoutToken(text: current, line: line, x: start)) }
        return result
    }

    static func isFigure(_ token: LayoutToken) -> Bool { BudgetAmount.fen(token.text, unit: .yuan) != nil }

    static func rightEdge(_ token: LayoutToken) -> Int { token.x + token.text.count }

    /// Header offsets: each column's heading center minus the 合计 (first) heading's center.
    static func headerOffsets(_ tokenLines: [[LayoutToken]], spec: TableSpec) -> [Int?] {
        // Per column: its first heading word that the header prints, at its rightmost place
        // (a two-sided table prints 预算数 on both sides; the figures' columns are on the right).
        let headerLines = tokenLines.filter { !$0.contains(where: isFigure) }
        // A letter-spaced heading ("合     计") is one token centered over its letters.
        let spaced = headerLines.flatMap { line in
            line.indices.compactMap { i -> LayoutToken? in
                guard line[i].text.count == 1, i == 0 || line[i - 1].text.count != 1 else { return nil }
                let run = line[i...].prefix { $0.text.count == 1 }
                guard run.count >= 2, let last = run.last else { return nil }
                let text = run.map(\.text).joined()
                return LayoutToken(text: text, line: last.line, x: (line[i].x + rightEdge(last)) / 2 - text.count / 2)
            }
        }
        let headerTokens = headerLines.flatMap { $0 } + spaced
        // A heading of four characters or more may end a token ("2024年机关运行经" wraps "…经费预算数").
        let centers: [Int?] = spec.columns.map { column in
            for exact in [true, false] {
                for heading in column.headings where exact || heading.count >= 4 {
                    let matching = headerTokens.filter { exact ? $0.text == heading : $0.text.hasSuffix(heading) }
                    if let token = matching.max(by: { $0.x < $1.x }) { return token.x + token.text.count / 2 }
                }
            }
            return nil
        }
        guard let base = centers.first ?? nil, laidOut(tokenLines) else { return centers.map { _ in nil } }
        // Headings closer together than half a figure's width are not over columns of figures
        // (text not laid out: pdftotext -raw prints one space between cells): they place nothing.
        let widths = tokenLines.flatMap { $0.filter { isFigure($0) && ($0.text.contains(",") || $0.text.contains(".")) }.map(\.text.count) }
            .sorted()
        let found = centers.compactMap { $0 }.sorted()
        if let width = widths.isEmpty ? nil : widths[widths.count / 2],
           zip(found, found.dropFirst()).contains(where: { ($1 - $0) * 2 < width }) {
            return centers.map { _ in nil }
        }
        return centers.map { $0.map { $0 - base } }
    }

    /// True when the table is laid out in columns: some line separates two cells by two
    /// spaces or more. Text in reading order (pdftotext -raw or its default mode) puts one
    /// space between cells, so figures stand wherever the row's name ends.
    static func laidOut(_ tokenLines: [[LayoutToken]]) -> Bool {
        tokenLines.contains { line in zip(line, line.dropFirst()).contains { $1.x - rightEdge($0) >= 2 } }
    }

    /// The columns of a row's figures: a row printing every column is read in order; otherwise
    /// the first is column 0 and each other goes to the unused column whose header offset is
    /// nearest its offset from the first (unknown, nil, when the header gave none).
    static func columns(of figures: [LayoutToken], offsets: [Int?]) -> [Int?] {
        guard let first = figures.first else { return [] }
        if figures.count == offsets.count { return figures.indices.map { $0 } }
        var result: [Int?] = [0]
        var last = 0
        for figure in figures.dropFirst() {
            let offset = rightEdge(figure) - rightEdge(first)
            let candidates = offsets.indices.filter { $0 > last && offsets[$0] != nil }
            if let best = candidates.min(by: { abs(offsets[$0]! - offset) < abs(offsets[$1]! - offset) }) {
                result.append(best)
                last = best
            } else {
                result.append(nil)   // a figure no heading explains: its place is unknown
            }
        }
        return result
    }

    static func tokenLines(_ lines: [String], _ range: ClosedRange<Int>) -> [[LayoutToken]] {
        range.dropFirst().map { n in
            let text = lines[n - 1]
            if text.hasPrefix("#") || text.hasPrefix("[PDF page") || text.contains("单位：") || text.contains("单位:")
                || text.withoutSpaces.hasPrefix("注") { return [] }
            // An empty cell printed as a dash is read as a blank one.
            return tokens(text, line: n).filter { !isEmptyCell($0.text) }
        }
    }

    static func place(_ spec: TableSpec, _ row: String, _ column: Int, _ line: Int) -> Provenance {
        var provenance = Provenance("table", line)
        provenance.table = spec.title
        provenance.rowLabel = row
        provenance.columnLabel = spec.columns.indices.contains(column) ? spec.columns[column].headings.first : nil
        return provenance
    }

    /// Reads one table into `b`; returns the class codes and names it printed (for two-sided tables after it).
    static func read(_ spec: TableSpec, _ lines: [String], _ range: ClosedRange<Int>, classes: [String: String],
                     into b: inout BudgetBuilder) -> [String: String] {
        let unit = spec.printedUnit(lines, range)
        let tokenLines = tokenLines(lines, range)
        let offsets = headerOffsets(tokenLines, spec: spec)
        var printedClasses: [String: String] = [:]
        switch spec.shape {
        case .codes(let economic):
            for tokens in tokenLines where !spec.columns.isEmpty {
                guard let row = CodeRowParser.parse(tokens, economic: economic) else { continue }
                for (figure, column) in zip(row.figures, columns(of: row.figures, offsets: offsets)) {
                    guard let column, let fen = BudgetAmount.fen(figure.text, unit: unit) else { continue }
                    let spec_ = spec.columns[column]
                    let provenance = place(spec, row.code.map { row.label.isEmpty ? $0 : $0 + " " + row.label } ?? row.label, column,
                                           figure.line)
                    if let code = row.code {
                        guard let factColumn = spec_.column else { continue }
                        b.money(nil, code: code, fund: spec_.fund ?? spec.fund, column: factColumn, fen: fen, printed: figure.text,
                                unit: unit, provenance: provenance)
                        if code.count == 3 { printedClasses[row.label] = code }
                    } else if let measure = spec_.totalMeasure {
                        b.money(measure, column: "budget", fen: fen, printed: figure.text, unit: unit, provenance: provenance)
                    }
                }
            }
        case .twoSided(let left, let right):
            var pending: (text: String, end: Int)?   // a label printed without figures on the line before, and where it ends
            for (i, tokens) in tokenLines.enumerated() where !tokens.isEmpty {
                var lineGroups = groups(tokens)
                // A left label wrapped around its amount (rd17:259–261): only when the pieces join into one of its labels.
                if let amount = tokens.first, let label = wrappedLeftLabel(tokenLines, at: i),
                   left.contains(where: { $0.label == normalizedLabel(label) }) {
                    lineGroups.insert((label, [amount]), at: 0)
                }
                // A wrapped name prints its figures alone on the middle line (wl23:512–514), right of
                // where the name's first part ends (a figure below a name is another cell's).
                if lineGroups.isEmpty, let label = pending, tokens.allSatisfy(isFigure),
                   let start = tokens.first?.x, start > label.end { lineGroups = [(label.text, tokens)] }
                pending = lineGroups.last.flatMap { group in
                    group.figures.isEmpty ? (group.label, tokens.last.map(rightEdge) ?? 0) : nil
                }
                for group in lineGroups {
                    let label = normalizedLabel(group.label)
                    let measures = left.filter { $0.label == label }.map(\.measure)
                    if !measures.isEmpty {
                        // A left label has one figure (预算数); a right label may follow on the same line.
                        // A label listed twice states two measures (收入总计: the 收支总计 and the 本年收入).
                        guard let figure = group.figures.first, let fen = BudgetAmount.fen(figure.text, unit: unit) else { continue }
                        for measure in measures.compactMap({ $0 }) {
                            b.money(measure, fen: fen, printed: figure.text, unit: unit, provenance: place(spec, group.label, 0, figure.line))
                        }
                        continue
                    }
                    let code = !spec.readsClasses ? nil : classes[label] ?? FunctionClasses.names.first(where: { $0.name == label })?.code
                        ?? FunctionClasses.formerNames[label] ?? classNamed(startingWith: label, classes)
                    let total = right.first { $0.label == label }
                    guard code != nil || total != nil else { continue }
                    for (figure, column) in zip(group.figures, columns(of: group.figures, offsets: offsets)) {
                        guard let column, let fen = BudgetAmount.fen(figure.text, unit: unit) else { continue }
                        let spec_ = spec.columns[column]
                        let provenance = place(spec, group.label, column, figure.line)
                        if let code {
                            guard let factColumn = spec_.column else { continue }
                            b.money(nil, code: code, fund: spec_.fund ?? spec.fund, column: factColumn, fen: fen,
                                    printed: figure.text, unit: unit, provenance: provenance)
                        } else if column == 0 || spec_.totalMeasure != nil {
                            b.money(column == 0 ? total?.measure : spec_.totalMeasure, fen: fen, printed: figure.text, unit: unit,
                                    provenance: provenance)
                        }
                    }
                }
            }
        case .singleRow(let measures, let identities):
            // A figure alone on its line is no row of a table of several columns: its row was
            // broken into cells (pdftotext's reading order), and its place is unknown.
            if let figures = tokenLines.first(where: { !$0.isEmpty && $0.allSatisfy(isFigure) }),
               figures.count > 1 || measures.count == 1 {
                let values = figures.map { BudgetAmount.fen($0.text, unit: unit) ?? 0 }
                var placed = RowPlacement.settled(values, columns: measures.count, identities: identities)
                // Where the identities leave figures open, the header places them if its placement satisfies them.
                let byHeader = columns(of: figures, offsets: offsets)
                if placed.count < figures.count, spec.columns.count == measures.count, byHeader.allSatisfy({ $0 != nil }),
                   RowPlacement.holds(values, byHeader.map { $0! }, columns: measures.count, identities: identities) {
                    placed = byHeader.enumerated().map { ($0.offset, $0.element!) }
                }
                for (index, column) in placed {
                    guard let slot = measures[column] else { continue }
                    var provenance = Provenance("table", figures[index].line)
                    provenance.table = spec.title
                    b.money(slot.measure, column: slot.column, fen: values[index], printed: figures[index].text, unit: unit,
                            provenance: provenance)
                }
            }
        }
        b.tables.append(ImportedTable(title: spec.title, lineFrom: range.lowerBound, lineTo: range.upperBound))
        return printedClasses
    }

    /// The one 类 whose name (or former name) starts with `label`: a name wrapped onto the next line leaves its
    /// figures beside the first part ("四、文化旅游体育与传媒" + "支出", wl23:512–514).
    static func classNamed(startingWith label: String, _ classes: [String: String]) -> String? {
        guard label.count >= 4 else { return nil }
        let codes = Set(classes.filter { $0.key.hasPrefix(label) }.map(\.value)
                        + FunctionClasses.names.filter { $0.name.hasPrefix(label) }.map(\.code)
                        + FunctionClasses.formerNames.filter { $0.key.hasPrefix(label) }.map(\.value))
        return codes.count == 1 ? codes.first : nil
    }

    /// The left label wrapped around the amount that opens line `i` (its left cell printing no
    /// label): the first cell of the line just above joined to the first of the line just below,
    /// both label pieces starting left of the amount ("收入合" / "13,649.07 支出合计 …" / "计").
    /// Letter-spaced pieces are joined as `groups` joins a label's words.
    static func wrappedLeftLabel(_ tokenLines: [[LayoutToken]], at i: Int) -> String? {
        guard let amount = tokenLines[i].first, isFigure(amount), i > 0, i + 1 < tokenLines.count else { return nil }
        let pieces = [tokenLines[i - 1], tokenLines[i + 1]].map { tokens -> String? in
            guard let start = tokens.first, !isFigure(start), start.x < amount.x,
                  let cell = groups(tokens).first, cell.figures.isEmpty else { return nil }
            return cell.label
        }
        guard let above = pieces[0], let below = pieces[1] else { return nil }
        return above + below
    }

    /// Label runs and the figures after each: "一、财政拨款收入 371,514,655.00 一、一般公共服务支出 21,601,733.00".
    static func groups(_ tokens: [LayoutToken]) -> [(label: String, figures: [LayoutToken])] {
        var result: [(label: String, figures: [LayoutToken])] = []
        var previousEnd = -100
        for token in tokens {
            defer { previousEnd = rightEdge(token) }
            // Cells are separated by runs of spaces; a label's words by one space at most.
            let continuesLabel = token.x - previousEnd <= 2 && !startsEnumeration(token.text)
            if isFigure(token) {
                if !result.isEmpty { result[result.count - 1].figures.append(token) }
            } else if let last = result.last, last.figures.isEmpty, continuesLabel {
                result[result.count - 1].label = last.label + token.text
            } else {
                result.append((token.text, []))
            }
        }
        return result
    }

    /// True when a label starts with an enumeration: "三、", "2.", "1、".
    static func startsEnumeration(_ text: String) -> Bool {
        let head = text.prefix { "一二三四五六七八九十".contains($0) || $0.isASCIIDigitChar }
        guard !head.isEmpty, let mark = text.dropFirst(head.count).first else { return false }
        return "、.．".contains(mark)
    }

    /// A label without its enumeration ("一、", "1.", "1、", "（一）") and spaces.
    static func normalizedLabel(_ label: String) -> String {
        var s = Substring(label.withoutSpaces)
        if let mark = s.firstIndex(where: { $0 == "、" || $0 == "." || $0 == "．" }), s.distance(from: s.startIndex, to: mark) <= 3 {
            s = s[s.index(after: mark)...]
        }
        if s.hasPrefix("（"), let close = s.firstIndex(of: "）"), s.distance(from: s.startIndex, to: close) <= 3 {
            s = s[s.index(after: close)...]
        }
        return String(s)
    }
}

/// One row of a code table: its code (nil for a 合计 row), label and figures.
struct BudgetCodeRow {
    var code: String?
    var label: String
    var figures: [LayoutToken]
}

/// Parses code-table rows: up to three code cells ("201", "13", "01"; a 款 or 项 printed
/// without its leading zero is padded), the name, then figures; or "合计" and figures.
enum CodeRowParser {
    static func parse(_ tokens: [LayoutToken], economic: Bool) -> BudgetCodeRow? {
        var i = 0
        var parts: [String] = []
        // A whole code in one cell: 2040501 (功能) or 30101 (经济).
        if let first = tokens.first, first.text.allSatisfy(\.isASCIIDigitChar), (economic ? [5] : [5, 7]).contains(first.text.count) {
            parts = [first.text]
            i = 1
        }
        while i < tokens.count, parts.count < (economic ? 2 : 3), parts.first?.count ?? 3 == 3, tokens[i].text.allSatisfy(\.isASCIIDigitChar),
              parts.isEmpty ? tokens[i].text.count == 3 : tokens[i].text.count <= 2 {
            parts.append(parts.isEmpty ? tokens[i].text : String(repeating: "0", count: 2 - tokens[i].text.count) + tokens[i].text)
            i += 1
        }
        var label = ""
        while i < tokens.count, !BudgetTableReader.isFigure(tokens[i]) {
            label += tokens[i].text
            i += 1
        }
        let figures = Array(tokens[i...])
        guard !figures.isEmpty, figures.allSatisfy(BudgetTableReader.isFigure) else { return nil }
        if parts.isEmpty {
            return label == "合计" ? BudgetCodeRow(code: nil, label: label, figures: figures) : nil
        }
        // A wrapped name leaves a whole code and its figures on a line of their own (fy18:189–191).
        guard !label.isEmpty || (parts.count == 1 && parts[0].count >= 5) else { return nil }
        return BudgetCodeRow(code: parts.joined(), label: label, figures: figures)
    }
}
