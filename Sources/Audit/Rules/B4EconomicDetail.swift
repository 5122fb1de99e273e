/// B4 经济分类明细：基本支出决算表中每个经济分类类（301、302、303、310……）= 其所列款（301xx……）之和。
enum B4EconomicDetail: AuditRule {
    static let id = "B4.economic-detail"
    static let family = "B"
    static let invariant = "经济分类 类 = Σ 款（301 = Σ 301xx 等）"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let tables = TableRuleSupport.codeTables(document).filter(\.isEconomic)
        guard !tables.isEmpty else { return .notApplicable("没有按经济分类列示的基本支出") }
        var findings: [Finding] = [], checked = 0
        for table in tables {
            var notes: [(stated: AuditFact, parts: [AuditFact], judgement: TableRuleSupport.SumJudgement, wording: String)] = []
            for key in table.keys {
                let rows = Set(table.codes(fund: key.fund))
                for parent in table.codes where parent.count == 3 {
                    guard let stated = table.fact(parent, fund: key.fund, column: key.column) else { continue }
                    let kids = TableRuleSupport.children(of: parent, among: rows)
                    guard !kids.isEmpty else { continue }
                    let parts = kids.compactMap { table.fact($0, fund: key.fund, column: key.column) }
                    guard let judgement = TableRuleSupport.judge(stated: stated, parts: parts, unit: document.moneyUnit) else { continue }
                    checked += 1
                    switch judgement.verdict {
                    case .equal: break
                    case .rounding: notes.append((stated, parts, judgement, "所列明细之和"))
                    case .error:
                        findings.append(TableRuleSupport.sumFinding(self, document, stated: stated, parts: parts,
                                                                    partsWording: "所列明细之和", judgement: judgement))
                    }
                }
            }
            findings += TableRuleSupport.grouped(self, document, table: table.name, notes: notes)
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked > 0 ? .pass(checked: checked) : .notApplicable("经济分类类下没有列出款")
    }
}
