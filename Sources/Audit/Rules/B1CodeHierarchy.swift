/// B1 功能分类层级：每张表、每个资金口径、每一栏中，类 = Σ 款，款 = Σ 项（正文只列类和项时，类 = Σ 项）。
/// 表中下级科目行已列而本栏空白的按无计；类或款没有列出任何下级科目的不核对。
enum B1CodeHierarchy: AuditRule {
    static let id = "B1.code-hierarchy"
    static let family = "B"
    static let invariant = "类 = Σ 款 = Σ 项（每张表、每一栏）"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let tables = TableRuleSupport.codeTables(document).filter { !$0.isEconomic }
        guard !tables.isEmpty else { return .notApplicable("没有按功能分类列示的科目") }
        var findings: [Finding] = [], checked = 0
        for table in tables {
            let isText = table.facts.first?.sourceKind == "text"
            var notes: [(stated: AuditFact, parts: [AuditFact], judgement: TableRuleSupport.SumJudgement, wording: String)] = []
            for key in table.keys {
                let keyCodes = Set(table.facts.filter { $0.fund == key.fund && $0.column == key.column }.compactMap(\.code))
                let rows = isText ? keyCodes : Set(table.codes(fund: key.fund))
                for parent in table.codes where parent.count < 7 {
                    guard let stated = table.fact(parent, fund: key.fund, column: key.column) else { continue }
                    let kids = TableRuleSupport.children(of: parent, among: rows)
                    guard !kids.isEmpty else { continue }
                    let parts = kids.compactMap { table.fact($0, fund: key.fund, column: key.column) }
                    guard let judgement = TableRuleSupport.judge(stated: stated, parts: parts, unit: document.moneyUnit) else { continue }
                    checked += 1
                    let wording = kids.first.map { $0.count == 5 ? "所列款之和" : "所列项之和" } ?? "下级科目之和"
                    switch judgement.verdict {
                    case .equal: break
                    case .rounding: notes.append((stated, parts, judgement, wording))
                    case .error:
                        var finding = TableRuleSupport.sumFinding(self, document, stated: stated, parts: parts,
                                                                  partsWording: wording, judgement: judgement)
                        if isText && judgement.expectedFen < judgement.statedFen {
                            finding.severity = .warning
                            finding.message += "（正文可能未列出全部下级科目）"
                        }
                        if !isText { cite(blank: kids, of: table, key: key, in: &finding, document) }
                        findings.append(finding)
                    }
                }
            }
            findings += TableRuleSupport.grouped(self, document, table: table.name, notes: notes)
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked > 0 ? .pass(checked: checked) : .notApplicable("没有同时列出上下级科目的表")
    }

    /// Names the child rows the table prints whose cell in this column is blank (read as none):
    /// a lost or unfilled cell is the likeliest cause of the gap.
    static func cite(blank kids: [String], of table: TableRuleSupport.CodeTable, key: (fund: String, column: String),
                     in finding: inout Finding, _ document: AuditDocument) {
        let blank = kids.compactMap { kid -> AuditFact? in
            guard table.fact(kid, fund: key.fund, column: key.column) == nil else { return nil }
            return table.facts.first { $0.code == kid && $0.fund == key.fund } ?? table.facts.first { $0.code == kid }
        }
        guard !blank.isEmpty else { return }
        let column = TableRuleSupport.columnNames[key.column] ?? key.column
        finding.message += "（\(blank.compactMap(\.code).joined(separator: "、")) 的“\(column)”栏空白，按无计）"
        finding.figures += blank.map {
            FindingFigure(label: "\(document.label($0))（\(column)，空白）", printed: nil, sourceKind: "table", lineFrom: $0.lineFrom, lineTo: $0.lineTo)
        }
    }
}
