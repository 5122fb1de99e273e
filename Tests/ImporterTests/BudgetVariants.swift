import Core
import Foundation
@testable import Importer

/// Layouts of a budget text nobody here has seen, made from a dev text by what another
/// printing, year or unit changes while every figure stays: page furniture, tables broken
/// across pages, wrapped names, dashes for empty cells, another table order, the other scope's
/// wording, another year, region and unit. Each works on the raw lines (a form feed opens a
/// page, as pdftotext prints it) and uses no literal of a dev document: tables are found by
/// the template descriptions, names and years by patterns.
enum BudgetVariant: String, CaseIterable {
    case pageFurniture, splitTables, sentenceBreaks, wrappedNames, emptyCells, tableOrder, otherScope, otherYearAndUnit, all

    /// Years move by this much in `otherYearAndUnit`.
    static let yearShift = 7

    /// The variant's lines, or nil when it changes nothing in this text.
    func apply(_ lines: [String]) -> [String]? {
        let result: [String]
        switch self {
        case .pageFurniture: result = Self.pageFurniture(lines)
        case .splitTables: result = Self.splitTables(lines)
        case .sentenceBreaks: result = Self.sentenceBreaks(lines)
        case .wrappedNames: result = Self.wrappedNames(lines)
        case .emptyCells: result = Self.emptyCells(lines)
        case .tableOrder: result = Self.tableOrder(lines)
        case .otherScope: result = Self.otherScope(lines)
        case .otherYearAndUnit: result = Self.otherYearAndUnit(lines)
        case .all:
            result = [Self.otherYearAndUnit, Self.otherScope, Self.tableOrder, Self.wrappedNames, Self.emptyCells,
                      Self.splitTables, Self.sentenceBreaks, Self.pageFurniture].reduce(lines) { $1($0) }
        }
        return result == lines ? nil : result
    }

    // MARK: tables

    /// The template whose tables the text prints, and the tables' line ranges (1-based).
    static func tables(_ lines: [String]) -> [(spec: TableSpec, range: ClosedRange<Int>)] {
        let plain = lines.map { $0.replacingOccurrences(of: "\u{0C}", with: "") }
        return [TableTemplate.shanghai, TableTemplate.jiangsu].map { BudgetTableReader.locate(plain, template: $0) }
            .max { $0.count < $1.count } ?? []
    }

    static func isCodeTable(_ spec: TableSpec) -> Bool {
        if case .codes = spec.shape { return true }
        return false
    }

    static let figure = try! NSRegularExpression(pattern: #"(?<![\S])-?[0-9][0-9,]*(\.[0-9]+)?(?![\S])"#)
    static let codeRow = try! NSRegularExpression(pattern: #"^\s*\d{3}(\d{2}){0,2}(\s+\d{2}){0,2}\s+\S"#)

    static func hasFigure(_ line: String) -> Bool {
        figure.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    /// 0-based indices of a code table's code rows (a code, then a name or figures).
    static func codeRows(_ lines: [String], _ range: ClosedRange<Int>) -> [Int] {
        (range.lowerBound..<range.upperBound).filter { i in
            let line = lines[i].replacingOccurrences(of: "\u{0C}", with: "")
            return codeRow.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil && hasFigure(line)
        }
    }

    // MARK: pages

    /// The running header: the cover's first line naming a year (none when the text opens
    /// with a table, as a tables-only part does).
    static func header(_ lines: [String]) -> String? {
        let year = try! NSRegularExpression(pattern: #"20[0-9]{2}\s*年"#)
        return lines.prefix(12).first { year.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }?
            .trimmingCharacters(in: .whitespaces)
    }

    /// A footer "— N —" closing the page before every page start, and the running header opening it.
    static func pageFurniture(_ lines: [String]) -> [String] {
        let title = header(lines)
        var out: [String] = [], page = 1
        for line in lines {
            if line.contains("\u{0C}") {
                out.append("                                 — \(page) —")
                page += 1
                if let title {
                    out.append("\u{0C}" + "        " + title)
                    out.append(line.replacingOccurrences(of: "\u{0C}", with: ""))
                } else {
                    out.append(line)
                }
            } else {
                out.append(line)
            }
        }
        return out
    }

    /// A page break before 0-based line `at`: a footer, then the line opens the next page,
    /// after `repeated` lines (a table's column headings).
    static func breakPage(_ lines: inout [String], before at: Int, repeating repeated: [String] = []) {
        let page = lines[..<at].filter { $0.contains("\u{0C}") }.count + 1
        var inserted = ["                                 — \(page) —"]
        if let first = repeated.first {
            inserted.append("\u{0C}" + first)
            inserted += repeated.dropFirst()
            inserted.append(lines[at])
        } else {
            inserted.append("\u{0C}" + lines[at])
        }
        lines.replaceSubrange(at...at, with: inserted)
    }

    /// Every code table of four rows or more breaks after its middle row; the next page
    /// repeats its column headings (the lines between the title and the first figure).
    static func splitTables(_ lines: [String]) -> [String] {
        var out = lines
        for (spec, range) in tables(lines).reversed() where isCodeTable(spec) {
            let rows = codeRows(lines, range)
            guard rows.count >= 4, let first = (range.lowerBound..<range.upperBound).first(where: { hasFigure(lines[$0]) }) else { continue }
            let headings = lines[range.lowerBound..<first].filter {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.contains("单位：") && !$0.contains("单位:")
            }.map { $0.replacingOccurrences(of: "\u{0C}", with: "") }
            breakPage(&out, before: rows[rows.count / 2] + 1, repeating: headings)
        }
        return out
    }

    /// Three narrative sentences (the first, middle and last that state a total or an amount of
    /// 预算, 支出, 收入, 经费) broken by a page between the phrase and its amount in 万元.
    static func sentenceBreaks(_ lines: [String]) -> [String] {
        let ranges = tables(lines).map(\.range)
        let amount = try! NSRegularExpression(pattern: #"(预算|支出|收入|经费|总计|合计)(数为|为)? ?([0-9][0-9,]*(\.[0-9]+)? ?万元)"#)
        var candidates: [(line: Int, at: String.Index)] = []
        for (i, line) in lines.enumerated() where !ranges.contains(where: { $0.contains(i + 1) }) {
            guard let m = amount.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                  let r = Range(m.range(at: 3), in: line), line[..<r.lowerBound].trimmingCharacters(in: .whitespaces).count >= 4
            else { continue }
            candidates.append((i, r.lowerBound))
        }
        guard !candidates.isEmpty else { return lines }
        let cuts = Set([0, candidates.count / 2, candidates.count - 1]).sorted().map { candidates[$0] }
        var out = lines
        for cut in cuts.reversed() {
            let line = out[cut.line]
            out.replaceSubrange(cut.line...cut.line, with: [String(line[..<cut.at]), String(line[cut.at...])])
            breakPage(&out, before: cut.line + 1)
        }
        return out
    }

    // MARK: cells

    /// Code-row names of six characters or more wrapped: the second half on the line below
    /// (a code in parts), or the first half above and the second below (a whole code).
    /// Class names of two-sided tables lose their last two characters to the line below.
    static func wrappedNames(_ lines: [String]) -> [String] {
        var out = lines
        for (spec, range) in tables(lines).reversed() {
            for i in (range.lowerBound..<range.upperBound).reversed() {
                let line = out[i]
                let tokens = BudgetTableReader.tokens(line.replacingOccurrences(of: "\u{0C}", with: ""), line: i + 1)
                let feed = line.hasPrefix("\u{0C}") ? "\u{0C}" : ""
                let plain = Array(line.replacingOccurrences(of: "\u{0C}", with: ""))
                if isCodeTable(spec) {
                    guard codeRows(out, i...(i + 1)).contains(i) else { continue }
                    guard let name = tokens.first(where: { !$0.text.allSatisfy(\.isASCIIDigitChar) && !BudgetTableReader.isFigure($0) }),
                          name.text.count >= 6, !tokens.contains(where: { $0.x > name.x && !BudgetTableReader.isFigure($0) }) else { continue }
                    let half = name.text.count / 2
                    let head = String(name.text.prefix(half)), tail = String(name.text.dropFirst(half))
                    let pad = String(repeating: " ", count: name.x)
                    let whole = tokens.first.map { $0.text.count >= 5 } ?? false
                    var row = plain
                    row.replaceSubrange(name.x..<(name.x + name.text.count),
                                        with: Array(whole ? String(repeating: " ", count: name.text.count) : head + String(repeating: " ", count: tail.count)))
                    let wrapped = whole ? [feed + pad + head, String(row), pad + tail] : [feed + String(row), pad + tail]
                    out.replaceSubrange(i...i, with: wrapped)
                } else if case .twoSided = spec.shape {
                    guard let name = tokens.dropFirst().first(where: { $0.text.hasSuffix("支出") && $0.text.count >= 8 }),
                          let next = tokens.first(where: { $0.x > name.x }), BudgetTableReader.isFigure(next) else { continue }
                    var row = plain
                    let cut = name.x + name.text.count - 2
                    row.replaceSubrange(cut..<(cut + 2), with: Array("    "))
                    out.replaceSubrange(i...i, with: [feed + String(row), String(repeating: " ", count: cut) + "支出"])
                }
            }
        }
        return out
    }

    /// Zero cells of the tables printed as "-", "—" or a bare "0", each right-aligned in its cell.
    static func emptyCells(_ lines: [String]) -> [String] {
        var out = lines, k = 0
        for (_, range) in tables(lines) {
            for i in (range.lowerBound - 1)..<range.upperBound {
                let tokens = BudgetTableReader.tokens(out[i], line: i + 1)
                var chars = Array(out[i])
                for token in tokens where ["0", "0.00", "0.0"].contains(token.text.replacingOccurrences(of: "\u{0C}", with: "")) {
                    let options = token.text.hasSuffix(".00") ? ["-", "0", "—"] : ["-", "—"]
                    let cell = options[k % options.count]
                    k += 1
                    let padded = String(repeating: " ", count: token.text.count - cell.count) + cell
                    chars.replaceSubrange(token.x..<(token.x + token.text.count), with: Array(padded))
                }
                out[i] = String(chars)
            }
        }
        return out
    }

    // MARK: order, scope, year and unit

    /// The order of the Jiangsu 2017 disclosures (财政拨款支出 before 财政拨款收支总表, 政府性基金
    /// seventh, 三公 eleventh), by title; any other text's tables reversed.
    static let jiangsu2017Order = ["收支预算总表", "收入预算总表", "支出预算总表", "财政拨款支出预算表", "财政拨款收支预算总表",
                                   "财政拨款基本支出预算表", "政府性基金支出预算表", "一般公共预算支出预算表",
                                   "一般公共预算基本支出预算表", "一般公共预算机关运行经费支出预算表",
                                   "“三公”经费、会议费、培训费支出预算表", "政府采购预算表"]

    static func tableOrder(_ lines: [String]) -> [String] {
        let found = tables(lines)
        guard found.count >= 2, let first = found.first?.range.lowerBound, let last = found.last?.range.upperBound else { return lines }
        var blocks = found.enumerated().map { k, table in
            (spec: table.spec, lines: Array(lines[(table.range.lowerBound - 1)..<(k + 1 < found.count ? found[k + 1].range.lowerBound - 1 : last)]))
        }
        let current = blocks.map(\.spec.title)
        let target = jiangsu2017Order.filter(current.contains)
        if target.count == current.count, target != current {
            blocks.sort { target.firstIndex(of: $0.spec.title)! < target.firstIndex(of: $1.spec.title)! }
        } else {
            blocks.reverse()
        }
        return Array(lines[..<(first - 1)]) + blocks.flatMap(\.lines) + Array(lines[last...])
    }

    /// A 部门预算 worded as a 单位预算 (cover, unit line, table titles, 编制 line), and back; the
    /// 部门预算经济分类 of a table title is the classification's name and stays.
    static func otherScope(_ lines: [String]) -> [String] {
        guard lines.prefix(40).contains(where: { $0.contains("预算主管部门：") || $0.contains("预算单位：") }) else { return lines }
        let isUnit = lines.prefix(40).contains { $0.replacingOccurrences(of: " ", with: "").hasSuffix("单位预算") }
        let pairs: [(String, String)] = [(#"部门预算(?=\s*$|表|编制|安排)"#, "单位预算"), ("预算主管部门：", "预算单位："),
                                         (#"年部门(?!预算)"#, "年预算单位"), ("编制部门：", "编制单位："), ("部门“三公”", "单位“三公”")]
        let reverse: [(String, String)] = [(#"单位预算(?=\s*$|表|编制|安排)"#, "部门预算"), ("预算单位：", "预算主管部门："),
                                           ("年预算单位", "年部门"), ("编制单位：", "编制部门："), ("单位“三公”", "部门“三公”")]
        return lines.map { line in
            (isUnit ? reverse : pairs).reduce(line) { text, pair in
                text.replacingOccurrences(of: pair.0, with: pair.1, options: .regularExpression)
            }
        }
    }

    /// Every year before 年 moved by `yearShift`; the province or district replaced by another
    /// (江苏 → 浙江, a Shanghai district → 长宁), and the unit's full name by another unit's.
    static func otherYearAndUnit(_ lines: [String]) -> [String] {
        let year = try! NSRegularExpression(pattern: #"(?<![0-9,.])(20[0-9]{2})(?=\s*年)"#)
        let district = try! NSRegularExpression(pattern: #"上海市(\p{Han}{2})区"#)
        var text = lines.joined(separator: "\n")
        var result = "", last = text.startIndex
        for m in year.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let r = Range(m.range, in: text)!
            result += text[last..<r.lowerBound] + String(Int(text[r])! + yearShift)
            last = r.upperBound
        }
        text = result + text[last...]
        if let m = district.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
           let name = Range(m.range(at: 1), in: text).map({ String(text[$0]) }), name != "长宁" {
            text = text.replacingOccurrences(of: name, with: "长宁")
        }
        text = text.replacingOccurrences(of: "江苏", with: "浙江").replacingOccurrences(of: "苏财", with: "浙财")
        // The unit's own name (after its region) wherever its full name is printed.
        let unitLine = try! NSRegularExpression(pattern: #"(?m)^\s*(?:预算主管部门|预算单位|编制部门|编制单位|部门名称|部门)[：:]\s*(\p{Han}{6,})"#)
        let names = Set(unitLine.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        })
        for name in names.sorted(by: { $0.count > $1.count }) {
            let region = DocumentIdentity.region(ofUnit: name)
            guard region.count < name.count - 2, name.hasPrefix(region) else { continue }
            text = text.replacingOccurrences(of: name, with: region + "绿化和市容管理局")
        }
        return text.components(separatedBy: "\n")
    }

    /// A SourceText of raw lines as the decoder gives it: form feeds removed, pages kept.
    static func source(_ lines: [String], name: String) -> SourceText {
        let data = Array(lines.joined(separator: "\n").utf8)
        return SourceText(lines: lines.map { $0.replacingOccurrences(of: "\u{0C}", with: "") }, sourceFile: name,
                          sha256: SHA256.hex(data), encoding: "UTF-8", pageStarts: TextDecoder.pageStarts(lines))
    }
}
