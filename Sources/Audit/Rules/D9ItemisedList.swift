import Core

/// 正文逐项说明（一般公共预算财政拨款支出具体情况、政府性基金支出）与表一致：表中决算数不为 0
/// 的每个项都列出（缺项为警告）、正文所列的项都在表中（警告）；各项决算数（及年初预算数）之和等于
/// 同一段落前所述的合计（之和超出合计的舍入区间为错误，不足为警告——疑有缺项，区间内为 info）；一项的决算数与年初预算数不同而其后
/// 直到下一项都没有说明原因为警告；一项之后的“决算数大于/小于预算数”“决算数与预算数持平”与该项
/// 数字相反为错误。各项与表中同一科目的数字是否一致由 C3 核对。
enum D9ItemisedList: AuditRule {
    static let id = "D9.itemised-list"
    static let family = "D"
    static let invariant = "正文逐项说明的项与表一致：不缺项、各项之和等于所述合计、有差异的项说明原因"

    /// The funds whose 项 the narrative itemises, with the measure of the stated total.
    static let funds: [(fund: String, total: String)] = [("general", "general_expenditure"), ("gov_fund", "gov_fund_expenditure")]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        var checks: [TableRuleSupport.Check] = []
        for (fund, total) in funds {
            let items = itemFacts(document, fund: fund, column: "actual")
            guard !items.isEmpty else { continue }
            let missing = coverage(document, fund: fund, items: items, checks: &checks)
            var notes: [Note] = []
            for column in ["actual", "budget_initial"] {
                let parts = column == "actual" ? items : itemFacts(document, fund: fund, column: column)
                guard !parts.isEmpty else { continue }
                checks.append(sum(document, total: total, column: column, parts: parts, missing: missing, notes: &notes))
            }
            if !notes.isEmpty {
                // The list's rounding notes (决算 and 年初预算) are one note.
                checks.append(.findings(TableRuleSupport.grouped(self, document, table: "正文逐项说明", notes: notes)))
            }
            checks += reasons(document, items: items, budgets: itemFacts(document, fund: fund, column: "budget_initial"))
        }
        guard !checks.isEmpty else { return .notApplicable("正文没有逐项说明各项支出") }
        return TableRuleSupport.outcome(checks)
    }

    /// The 项 (7-digit codes) the text states in one fund and column, first occurrence of each code.
    static func itemFacts(_ document: AuditDocument, fund: String, column: String) -> [AuditFact] {
        var seen = Set<String>()
        return document.facts.filter { fact in
            guard fact.sourceKind == "text", !fact.derived, fact.amountFen != nil, fact.year == document.year,
                  fact.fund == fund, fact.column == column, let code = fact.code, code.utf8.count == 7 else { return false }
            return seen.insert(code).inserted
        }
    }

    /// Table 项 with a non-zero 决算数 the text leaves out, and text 项 the table lacks.
    /// Returns the codes left out.
    static func coverage(_ document: AuditDocument, fund: String, items: [AuditFact], checks: inout [TableRuleSupport.Check]) -> Set<String> {
        let table = document.facts.filter {
            $0.sourceKind == "table" && !$0.derived && $0.fund == fund && $0.column == "actual" && $0.year == document.year
                && ($0.code?.utf8.count ?? 0) == 7
        }
        guard !table.isEmpty else { return [] }
        let listed = Set(items.compactMap(\.code)), printed = Set(table.compactMap(\.code))
        var seen = Set<String>(), missing = Set<String>()
        let fundName = TableRuleSupport.fundNames[fund] ?? fund
        for fact in table {
            guard let code = fact.code, seen.insert(code).inserted else { continue }
            if listed.contains(code) { checks.append(.ok); continue }
            guard (fact.amountFen ?? 0) != 0 else { continue }
            // The list may print the item under its 项 name with other 类/款 names (so it was not
            // tied to the code): its 决算 then decides whether it agrees with the table.
            if let entry = ListedByName.entry(document, name: itemName(fact, document)) {
                if entry.fen == fact.amountFen { checks.append(.ok); continue }
                let name = TableRuleSupport.label(fact, in: document)
                checks.append(.findings([Finding(
                    ruleID: id, family: family, severity: .error,
                    message: "正文逐项说明所列“\(entry.name)”决算 \(entry.printed)，表中\(name)为 \(TableRuleSupport.money(fact.amountFen ?? 0, document))",
                    figures: [FindingFigure(label: entry.name, printed: entry.printed, sourceKind: "text", lineFrom: entry.line),
                              TableRuleSupport.figure(fact, in: document)],
                    expected: TableRuleSupport.money(fact.amountFen ?? 0, document), stated: entry.printed,
                    difference: TableRuleSupport.money((entry.fen ?? 0) - (fact.amountFen ?? 0), document),
                    disclosureID: document.disclosureID)]))
                continue
            }
            missing.insert(code)
            let name = TableRuleSupport.label(fact, in: document)
            checks.append(.findings([Finding(
                ruleID: id, family: family, severity: .warning,
                message: "表中\(name) \(TableRuleSupport.money(fact.amountFen ?? 0, document))，正文逐项说明未列此项",
                figures: [TableRuleSupport.figure(fact, in: document)],
                expected: "列出 \(code)", stated: "未列", disclosureID: document.disclosureID)]))
        }
        for item in items where !printed.contains(item.code ?? "") {
            checks.append(.findings([Finding(
                ruleID: id, family: family, severity: .warning,
                message: "正文逐项说明列出\(TableRuleSupport.label(item, in: document)) \(item.printed ?? "")，\(fundName)支出表中没有此项",
                figures: [TableRuleSupport.figure(item, in: document)],
                expected: "表中有 \(item.code ?? "")", stated: "表中没有", disclosureID: document.disclosureID)]))
        }
        return missing
    }

    /// The 项 name a table row prints (without its code), else the catalog's.
    static func itemName(_ fact: AuditFact, _ document: AuditDocument) -> String {
        let printed = String((fact.rowLabel ?? "").drop { $0.isASCII && ($0.isNumber || $0 == " ") }).withoutSpaces
        return printed.isEmpty ? document.codeNames[fact.code ?? ""] ?? "" : printed
    }

    /// Σ items of a column against the total the text states before the first item (the
    /// nearest one). With items left out, only a sum above the total is decided.
    typealias Note = (stated: AuditFact, parts: [AuditFact], judgement: TableRuleSupport.SumJudgement, wording: String)

    static func sum(_ document: AuditDocument, total: String, column: String, parts: [AuditFact], missing: Set<String>,
                    notes: inout [Note]) -> TableRuleSupport.Check {
        let first = parts.map(\.lineFrom).min() ?? 0
        let stated = document.facts.last {
            $0.measureID == total && $0.column == column && $0.year == document.year && $0.sourceKind == "text"
                && !$0.derived && $0.amountFen != nil && $0.lineFrom <= first
        }
        let what = "\(TableRuleSupport.name(total, document))\(TableRuleSupport.columnNames[column] ?? column)"
        guard let stated else { return .unknown("正文逐项说明之前未述\(what)合计") }
        guard let judgement = TableRuleSupport.judge(stated: stated, parts: parts, unit: document.moneyUnit) else {
            return .unknown("\(what)无法读出金额")
        }
        if judgement.verdict == .equal { return .ok }
        if !missing.isEmpty && judgement.expectedFen < judgement.statedFen { return .ok }
        let wording = "正文所列 \(parts.count) 项之和"
        if judgement.verdict == .rounding {
            notes.append((stated, parts, judgement, wording))
            return .ok
        }
        var finding = TableRuleSupport.sumFinding(self, document, stated: stated, parts: parts, partsWording: wording, judgement: judgement)
        if judgement.verdict == .error && judgement.expectedFen < judgement.statedFen {
            // Fewer than the total: most likely 项 left out of the list (a missing disclosure).
            finding.severity = .warning
            finding.message += "，疑有项未列出"
        }
        return .findings([finding])
    }

    /// Each item whose 决算数 differs from its 年初预算数 explains why before the next item;
    /// a comparison word after an item agrees with its figures.
    static func reasons(_ document: AuditDocument, items: [AuditFact], budgets: [AuditFact]) -> [TableRuleSupport.Check] {
        let budgetByCode = Dictionary(budgets.map { ($0.code ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let starts = items.map { item in min(item.lineFrom, budgetByCode[item.code ?? ""]?.lineFrom ?? item.lineFrom) }.sorted()
        let text = document.paragraphs.filter { $0.kind == "text" }
        var checks: [TableRuleSupport.Check] = []
        for item in items {
            guard let budget = budgetByCode[item.code ?? ""], let actualFen = item.amountFen, let budgetFen = budget.amountFen else { continue }
            let start = min(item.lineFrom, budget.lineFrom)
            let end = starts.first { $0 > start } ?? Int.max
            let span = self.span(text, from: start, before: end)
            let sign = actualFen > budgetFen ? 1 : actualFen < budgetFen ? -1 : 0
            let name = TableRuleSupport.label(item, in: document)
            let money = { TableRuleSupport.money($0, document) }
            // “预算数” against a 全年/调整后 budget the item's 年初预算 is not: not compared.
            let otherBudget = TextSearch.containsAny(span, ["全年预算", "调整后预算", "调整预算"])
            if !otherBudget, let (phrase, stated) = D8ComparativeWords.phrases.first(where: { TextSearch.contains(span, $0.0) }), stated != sign {
                let relation = sign > 0 ? "大于" : sign < 0 ? "小于" : "等于"
                checks.append(.findings([Finding(
                    ruleID: id, family: family, severity: .error,
                    message: "\(name)：正文写“\(phrase)”，但决算 \(money(actualFen))\(relation)年初预算 \(money(budgetFen))",
                    figures: [TableRuleSupport.figure(item, in: document), TableRuleSupport.figure(budget, in: document)],
                    expected: "决算数\(relation)预算数", stated: phrase, disclosureID: document.disclosureID)]))
                continue
            }
            guard sign != 0 else { checks.append(.ok); continue }
            if TextSearch.containsAny(span, E6SangongReasons.markers) { checks.append(.ok); continue }
            checks.append(.findings([Finding(
                ruleID: id, family: family, severity: .warning,
                message: "\(name)决算 \(money(actualFen))，年初预算 \(money(budgetFen))，未说明差异原因",
                figures: [TableRuleSupport.figure(item, in: document), TableRuleSupport.figure(budget, in: document)],
                expected: "说明决算数与预算数差异的原因", stated: "未说明", disclosureID: document.disclosureID)]))
        }
        return checks
    }

    /// The text from the paragraph holding line `start` up to (not including) line `end` or
    /// the next heading, without spaces.
    static func span(_ text: [ImportedParagraph], from start: Int, before end: Int) -> String {
        guard let first = text.lastIndex(where: { $0.line <= start }) else { return "" }
        var body = String(text[first].text(fromLine: start, beforeLine: end))
        var index = first + 1
        while index < text.count, text[index].line < end, !E6SangongReasons.isHeading(text[index].body) {
            body += text[index].text(fromLine: text[index].line, beforeLine: end)
            index += 1
        }
        return String(body.unicodeScalars.filter { $0 != " " })
    }
}
