import Core

/// What a disclosure of an unrecognized template says about itself: its unit, year, kind
/// (决算/预算) and scope (部门/单位), read from its title or cover, its headings and its
/// “编制单位：” line — never assumed.
///
/// A text is taken for a disclosure only when its cover or a heading names a 决算 or 预算; a
/// disclosure whose unit or year cannot be read is refused, naming what is missing.
struct PartialIdentity: Equatable {
    var unit: String
    var aliases: [String]
    var year: Int
    var kind: String
    var scope: String
    /// The title as the cover prints it, and its first line.
    var title: String
    var titleLine: Int

    /// What the text tells, each part possibly missing.
    struct Reading: Equatable {
        var isDisclosure = false
        var unit: String?
        var namedUnit: String?
        var year: Int?
        var kind = "决算"
        var scope = "部门"
        var title: String?
        var titleLine = 1
    }

    /// `YYYY年(度)…决算/预算`: the year and, within a few characters, the kind (单位/部门 before it).
    static let titled = SichuanPattern(#"^(.*?)(\d{4})\s*年度?(.{0,12}?)(决算|预算)"#)
    /// A heading that names the kind without a year before it ("部门决算", "“三公”经费预算情况").
    static let kindWord = SichuanPattern(#"(决算|预算)"#)
    /// `编制单位：X` / `单位名称：X` / `部门：X` (`单位：万元` names a money unit, not the unit).
    static let namedUnit = SichuanPattern(#"^(?:编制单位|填报单位|单位名称|部门名称|公开单位|部门|单位)\s*[:：]\s*([^\s:：]{4,40})"#)
    static let moneyUnits: Set<String> = ["元", "万元", "千元", "亿元"]

    /// The cover: up to six lines of text before the contents, the first part or the first
    /// numbered heading, joined without spaces, with the number of their first line.
    static func cover(_ lines: [String]) -> (text: String, line: Int)? {
        var text = "", first: Int?, taken = 0
        for (i, raw) in lines.enumerated() where !raw.hasPrefix("#") && !raw.hasPrefix("[PDF page") {
            let s = raw.withoutSpaces
            if s.isEmpty { continue }
            if s == "目录" || s.hasPrefix("第一部分") || ParagraphJoiner.opensWithMarker(s) || s.count > 60 { break }
            if s.contains("：") || s.contains(":") { break }   // 编制单位：… and dates end the title
            text += s
            if first == nil { first = i + 1 }
            taken += 1
            if taken == 6 { break }
        }
        return first.map { (text, $0) }
    }

    /// A heading: a short line without a full stop (part headings, numbered or not).
    static func isHeading(_ s: String) -> Bool {
        s.count <= 40 && !s.contains("。") && !s.contains("，") && !s.contains("：") && !s.contains(":")
    }

    static func read(_ lines: [String]) -> Reading {
        var reading = Reading()
        if let cover = cover(lines) {
            reading.titleLine = cover.line
            if let m = titled.first(in: cover.text) {
                reading.isDisclosure = true
                reading.year = Int(m[2] ?? "")
                reading.kind = m[4] ?? "决算"
                reading.scope = (m[3] ?? "").hasSuffix("单位") ? "单位" : "部门"
                let unit = trimmedUnit(m[1] ?? "")
                reading.unit = unit.isEmpty ? nil : unit
                reading.title = cover.text
            } else if kindWord.matches(cover.text) {
                reading.isDisclosure = true
                reading.kind = kindWord.first(in: cover.text)?[1] ?? "决算"
                reading.title = cover.text
            }
        }
        for (i, raw) in lines.enumerated() where !raw.hasPrefix("#") {
            let s = raw.withoutSpaces
            guard !s.isEmpty else { continue }
            // On the line as printed: the name ends where the spaces before the next field begin.
            if reading.namedUnit == nil, let m = namedUnit.first(in: raw.sichuanTrimmed), let name = m[1], !moneyUnits.contains(name),
               name.unicodeScalars.contains(where: { $0.value >= 0x4E00 }) {
                reading.namedUnit = trimmedUnit(name)
            }
            // A heading naming the year and the kind gives what the cover left out.
            if reading.year == nil, isHeading(s), let m = titled.first(in: s), let year = Int(m[2] ?? "") {
                reading.isDisclosure = true
                reading.year = year
                reading.kind = m[4] ?? reading.kind
                if (m[3] ?? "").hasSuffix("单位") { reading.scope = "单位" }
                if reading.title == nil { reading.title = s; reading.titleLine = i + 1 }
            }
        }
        return reading
    }

    /// The unit's name without what may surround it on a cover ("关于", quotes, a trailing 的).
    static func trimmedUnit(_ name: String) -> String {
        var s = name
        for prefix in ["关于"] where s.hasPrefix(prefix) { s.removeFirst(prefix.count) }
        while let last = s.last, "的（(“\"".contains(last) { s.removeLast() }
        return s
    }

    /// The identity, or the error that names what is missing; nil when the text names no
    /// 决算 or 预算 at all (not a disclosure).
    static func identify(_ lines: [String], file: String, overrides: ImportOverrides) throws -> PartialIdentity? {
        let reading = read(lines)
        guard reading.isDisclosure else { return nil }
        let unit = overrides.unit ?? reading.unit ?? reading.namedUnit, year = overrides.year ?? reading.year
        guard let unit, let year else {
            let missing = [unit == nil ? "单位名称" : nil, year == nil ? "年度" : nil].compactMap { $0 }.joined(separator: "和")
            throw ImportError.unidentified(file: file, missing: missing + "（应在标题或封面写明，如“某某局某年度部门决算”，或有“编制单位：”行）")
        }
        var aliases: [String] = []
        for alias in [reading.unit, reading.namedUnit].compactMap({ $0 }) where alias != unit && !aliases.contains(alias) {
            aliases.append(alias)
        }
        let title = reading.title ?? "\(unit)\(year)年度\(reading.scope)\(reading.kind)"
        return PartialIdentity(unit: unit, aliases: aliases, year: year, kind: reading.kind, scope: reading.scope, title: title,
                               titleLine: reading.titleLine)
    }
}
