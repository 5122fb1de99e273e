/// B2 表的合计 = Σ 类：每张功能分类表、每一栏的合计行（本年支出合计、基本支出、一般公共预算财政拨款支出……）
/// 等于该栏各类之和（收入支出决算总表：本年支出合计 = Σ 类）。
enum B2TableTotal: AuditRule {
    static let id = "B2.table-total"
    static let family = "B"
    static let invariant = "表的合计 = Σ 类（每一栏）"
    static let kinds = bothKinds

    /// The measure a table's 合计 row holds in a fund and column.
    static func totalMeasure(table: String, fund: String, column: String, budget: Bool = false) -> String? {
        // A budget's 预算数 column plays the 决算数 column's part; its income table's 合计 is the income total.
        if budget && column == "budget" {
            if fund == "all" { return table.contains("收入") ? "income_total" : "expenditure_total" }
            return totalMeasure(table: table, fund: fund, column: "actual")
        }
        switch (fund, column) {
        case ("all", "actual"): return table == "收入决算表" ? nil : "expenditure_total"
        case ("all", "basic"): return "basic"
        case ("all", "project"): return "project"
        case ("all", "remit_superior"): return "remit_superior"
        case ("all", "operating"): return "operating_expenditure"
        case ("all", "affiliated_subsidy"): return "affiliated_subsidy"
        case ("all", "income_total"): return "income_total"
        case ("all", "income_superior"): return "income_superior"
        case ("all", "income_business"): return "income_business"
        case ("all", "income_operating"): return "income_operating"
        case ("all", "income_affiliated"): return "income_affiliated"
        case ("all", "income_other"): return "income_other"
        case ("all", "income_fiscal"): return "fiscal_income"
        case ("fiscal", "actual"): return "fiscal_expenditure"
        case ("general", "actual"): return "general_expenditure"
        case ("general", "basic"): return "general_basic"
        case ("general", "project"): return "general_project"
        case ("gov_fund", "actual"): return "gov_fund_expenditure"
        case ("gov_fund", "basic"): return "gov_fund_basic"
        case ("gov_fund", "project"): return "gov_fund_project"
        case ("gov_fund", "income_total"): return "income_gov_fund"
        case ("gov_fund", "opening_balance"): return "gov_fund_opening_balance"
        case ("gov_fund", "closing_balance"): return "gov_fund_closing_balance"
        case ("soe", "actual"): return "soe_expenditure"
        case ("soe", "basic"): return "soe_basic"
        case ("soe", "project"): return "soe_project"
        case ("soe", "income_total"): return "income_soe"
        case ("soe", "opening_balance"): return "soe_opening_balance"
        case ("soe", "closing_balance"): return "soe_closing_balance"
        default: return nil
        }
    }

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let tables = TableRuleSupport.codeTables(document).filter { !$0.isEconomic }
        guard !tables.isEmpty else { return .notApplicable("没有按功能分类列示的科目") }
        let source = TableRuleSupport.primarySource(document)
        let totals = TableRuleSupport.printed(document, source: source).filter { $0.measureID != nil }
        var findings: [Finding] = [], checked = 0
        for table in tables {
            var notes: [(stated: AuditFact, parts: [AuditFact], judgement: TableRuleSupport.SumJudgement, wording: String)] = []
            for key in table.keys {
                guard let measure = totalMeasure(table: table.name, fund: key.fund, column: key.column, budget: document.isBudget)
                else { continue }
                let classes = table.facts.filter { $0.fund == key.fund && $0.column == key.column && $0.code?.count == 3 }
                guard !classes.isEmpty else { continue }
                // The 合计 printed nearest the table (within 20 lines; a budget's, in the table itself).
                func distance(_ fact: AuditFact) -> Int {
                    fact.lineFrom < table.firstLine ? table.firstLine - fact.lineFrom : max(0, fact.lineFrom - table.lastLine)
                }
                func near(_ fact: AuditFact) -> Bool { document.isBudget ? fact.table == table.name : distance(fact) <= 20 }
                guard let stated = totals.filter({ $0.measureID == measure && $0.column == document.ownColumn && near($0) })
                    .min(by: { distance($0) < distance($1) }),
                      let judgement = TableRuleSupport.judge(stated: stated, parts: classes, unit: document.moneyUnit) else { continue }
                checked += 1
                switch judgement.verdict {
                case .equal: break
                case .rounding: notes.append((stated, classes, judgement, "\(table.name)各类之和"))
                case .error:
                    findings.append(TableRuleSupport.sumFinding(self, document, stated: stated, parts: classes,
                                                                partsWording: "\(table.name)各类之和", judgement: judgement))
                }
            }
            findings += TableRuleSupport.grouped(self, document, table: table.name, notes: notes)
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked > 0 ? .pass(checked: checked) : .couldNotEvaluate("各表的合计行未列出或无法对应")
    }
}
