import Core

/// 封面、目录和部分标题所写单位须为本单位：“第X部分 ……概况”“第X部分 ……N年度部门决算表/情况说明”
/// 所写单位与封面上的单位不同，是套用其他单位文本的残留，警告级。只核对与本单位同一地区开头
/// （前三个字相同）的名称，“部门概况”一类不写单位的标题不核对；文件未保留封面时不适用。
enum R10UnitResidue: AuditRule {
    static let id = "R10.unit-residue"
    static let family = "R"
    static let invariant = "目录和部分标题所写单位与封面一致"

    /// Words a part title's unit name stops before.
    static let nameEnds = ["概况", "部门决算", "单位决算", "决算"]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let unit = compact(document.unitName)
        let text = document.paragraphs.filter { $0.kind == "text" }
        guard text.contains(where: { $0.section == "封面" }), unit.count >= 4 else { return .notApplicable("未保留封面") }
        var findings: [Finding] = [], checked = 0
        for paragraph in text where paragraph.section != "封面" {
            guard let name = printedUnit(paragraph.body), name.count >= 4, name.prefix(3) == unit.prefix(3) else { continue }
            checked += 1
            if name == unit { continue }
            findings.append(Finding(ruleID: id, family: family, severity: .warning,
                                    message: "标题所写单位“\(name)”与封面“\(unit)”不同（疑为套用其他单位的文本）",
                                    figures: [FindingFigure(label: "标题中的单位", printed: name, sourceKind: "text",
                                                            lineFrom: paragraph.line(of: String(name.prefix(3))))],
                                    expected: unit, stated: name, difference: nil, disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("部分标题未写单位") : .pass(checked: checked)
    }

    static func compact(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }))
    }

    /// The unit a part title names: after “第X部分”, up to the year or 概况/部门决算; nil for
    /// anything but a part title.
    static func printedUnit(_ body: String) -> String? {
        let compact = self.compact(body)
        guard compact.hasPrefix("第"), compact.count <= 60, let part = compact.firstRange(of: "部分"),
              compact[compact.index(after: compact.startIndex)..<part.lowerBound].allSatisfy({ "一二三四五六七八九十".contains($0) })
        else { return nil }
        var name = compact[part.upperBound...]
        if let digit = name.firstIndex(where: { $0.isASCII && $0.isNumber }) { name = name[..<digit] }
        for end in nameEnds { if let r = name.firstRange(of: end) { name = name[..<r.lowerBound] } }
        return String(name)
    }
}
