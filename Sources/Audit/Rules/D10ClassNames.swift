import Core

/// 正文所写的类/款/项名称与表中（表未列时与科目表中）的名称一致：带编码时与该编码的名称比较；
/// 只写“（类）（款）（项）”时须是表或科目表中该类（款）之下的某一名称。写成已更名科目的旧名称、
/// 或名称与表和科目表都不符，为警告（名称不符使读者无从对应表中的数字）。
enum D10ClassNames: AuditRule {
    static let id = "D10.class-names"
    static let family = "D"
    static let invariant = "正文所写类/款/项名称与表、科目表一致（含已更名科目的旧名称）"
    static let kinds = bothKinds

    /// Former names of renamed 类 and 款 of 支出功能分类, with the code they now carry.
    static let formerNames: [String: String] = [
        "文化体育与传媒支出": "207", "医疗卫生与计划生育支出": "210", "国土海洋气象等支出": "220",
        "资源勘探信息等支出": "215", "行政事业单位离退休": "20805", "国土资源事务": "22001",
        "其他国土资源事务支出": "2200199",
    ]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let mentions = ClassMentions.scan(document.paragraphs)
        guard !mentions.isEmpty else { return .notApplicable("正文没有写出类/款/项名称") }
        let names = knownNames(document)
        var findings: [Finding] = [], checked = 0
        for mention in mentions {
            var parent = ""
            for (level, printed) in mention.names.enumerated() {
                let code = mention.codes[level]
                guard let result = resolve(printed, level: level, code: code, parent: parent, names: names) else { break }
                checked += 1
                switch result {
                case .matched(let resolved):
                    parent = resolved
                    continue
                case .former(let resolved):
                    findings.append(finding(document, mention, printed: printed, level: level,
                                            why: "是已更名科目的旧名称，现名“\(names[resolved] ?? "")”（\(resolved)）", expected: names[resolved] ?? resolved))
                case .differs(let expected, let resolved):
                    let source = names.fromTable.contains(resolved) ? "表和科目表中" : "科目表中"
                    findings.append(finding(document, mention, printed: printed, level: level,
                                            why: "与\(source) \(resolved) 的名称“\(expected)”不同", expected: expected))
                case .unknown(let candidates):
                    // A 款 labelled （类） (“行政事业单位离退休（类）…（项）”): say which 款 it names.
                    if level < 2, let lower = names.code(named: normalized(printed), length: [5, 7][level]) {
                        findings.append(finding(document, mention, printed: printed, level: level,
                                                why: "是\(levelNames[level + 1]) \(lower) 的名称，却标为（\(levelNames[level])）",
                                                expected: "\(printed)（\(levelNames[level + 1])）"))
                        break
                    }
                    let under = parent.isEmpty ? "支出功能分类的类" : "\(parent) 之下的\(levelNames[level])"
                    findings.append(finding(document, mention, printed: printed, level: level,
                                            why: "不是表或科目表中\(under)（有：\(candidates.prefix(6).joined(separator: "、"))）",
                                            expected: candidates.first ?? ""))
                }
                break
            }
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("正文所写科目名称无从对照") : .pass(checked: checked)
    }

    static let levelNames = ["类", "款", "项"]

    enum Resolution {
        case matched(String)
        case former(String)
        case differs(expected: String, code: String)
        case unknown([String])
    }

    /// Names by code: the catalog's, then the document's table labels (a label read from a
    /// wrapped cell may be garbled, so a name agrees when it matches either).
    struct Names {
        var byCode: [String: [String]]
        var fromTable: Set<String>
        /// The name to show: the catalog's where it has one.
        subscript(code: String) -> String? { byCode[code]?.first }
        func all(_ code: String) -> [String] { byCode[code] ?? [] }
        /// The one code of `length` digits that carries `name`, if exactly one does.
        func code(named name: String, length: Int) -> String? {
            let codes = byCode.filter { $0.key.utf8.count == length && $0.value.contains(name) }.map(\.key)
            return codes.count == 1 ? codes[0] : nil
        }
        func children(of parent: String, length: Int) -> [(String, [String])] {
            byCode.filter { $0.key.utf8.count == length && $0.key.hasPrefix(parent) && (length != 3 || $0.key.hasPrefix("2")) }
                .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    static func knownNames(_ document: AuditDocument) -> Names {
        var byCode: [String: [String]] = [:], fromTable = Set<String>()
        for (code, name) in document.codeNames where !name.isEmpty && [3, 5, 7].contains(code.utf8.count) { byCode[code] = [normalized(name)] }
        for fact in document.facts + document.uncertain.map(\.fact) where fact.sourceKind == "table" {
            guard let code = fact.code, let label = fact.rowLabel, label.hasPrefix(code) else { continue }
            let name = normalized(String(label.dropFirst(code.count)))
            guard !name.isEmpty, !(byCode[code] ?? []).contains(name) else { continue }
            byCode[code, default: []].append(name)
            fromTable.insert(code)
        }
        return Names(byCode: byCode, fromTable: fromTable)
    }

    /// Which code a printed name stands for, at a level, under a parent; nil when nothing
    /// can be said (the code's name and the parent's children are all unknown).
    static func resolve(_ printed: String, level: Int, code: String?, parent: String, names: Names) -> Resolution? {
        let name = normalized(printed)
        let length = [3, 5, 7][level]
        if let code {
            if let expected = names[code] {
                if names.all(code).contains(where: { same(name, $0, level: level) }) { return .matched(code) }
                if formerCode(name, level: level) == code { return .former(code) }
                return .differs(expected: expected, code: code)
            }
            return nil
        }
        let candidates = names.children(of: parent, length: length)
        if level == 0 {
            // A 类 name may follow other words (“用于一般公共服务支出（类）”): the longest known name it ends with.
            let endings = candidates.flatMap { code, names in names.map { (code, $0) } }
                .filter { name.hasSuffix($0.1) || name.hasSuffix(stripped($0.1)) }
            if let ending = endings.max(by: { $0.1.count < $1.1.count }) { return .matched(ending.0) }
            if let former = formerNames.first(where: { name.hasSuffix($0.key) && $0.value.utf8.count == 3 }) { return .former(former.value) }
        } else if let match = candidates.first(where: { $0.1.contains { same(name, $0, level: level) } }) {
            return .matched(match.0)
        }
        if let code = formerCode(name, level: level), code.hasPrefix(parent) { return .former(code) }
        guard !candidates.isEmpty else { return nil }
        // The nearest name first (most characters in common), for the message's expectation.
        let ranked = candidates.compactMap(\.1.first).enumerated().sorted { a, b in
            (-common(name, a.element), a.offset) < (-common(name, b.element), b.offset)
        }
        return .unknown(ranked.map(\.element))
    }

    /// How many characters two names share (as multisets).
    static func common(_ a: String, _ b: String) -> Int {
        var counts: [Character: Int] = [:]
        for c in b { counts[c, default: 0] += 1 }
        var shared = 0
        for c in a where (counts[c] ?? 0) > 0 { counts[c]! -= 1; shared += 1 }
        return shared
    }

    static func formerCode(_ name: String, level: Int) -> String? {
        formerNames.first { (level == 0 ? name.hasSuffix($0.key) : name == $0.key) && $0.value.utf8.count == [3, 5, 7][level] }?.value
    }

    /// Equal names; a 类 may be printed without its closing 支出 (一般公共服务 for 一般公共服务支出).
    static func same(_ a: String, _ b: String, level: Int) -> Bool {
        a == b || (level == 0 && stripped(a) == stripped(b))
    }

    static func stripped(_ name: String) -> String { name.hasSuffix("支出") ? String(name.dropLast(2)) : name }

    static func normalized(_ name: String) -> String {
        String(name.compactMap { c -> Character? in
            c == " " || c == "\u{3000}" || c == "\n" ? nil : c == "(" ? "（" : c == ")" ? "）" : c
        })
    }

    static func finding(_ document: AuditDocument, _ mention: ClassMention, printed: String, level: Int, why: String, expected: String) -> Finding {
        Finding(ruleID: id, family: family, severity: .warning,
                message: "正文第 \(mention.line) 行的\(levelNames[level])名称“\(printed)”\(why)",
                figures: [FindingFigure(label: "\(levelNames[level])名称", printed: printed, sourceKind: "text", lineFrom: mention.line, lineTo: mention.line)],
                expected: expected, stated: printed, disclosureID: document.disclosureID)
    }
}
