/// B3 行内平衡：支出表每一科目行 合计 = 基本支出 + 项目支出（+ 上缴上级、经营、对附属单位补助，已列时）；
/// 收入决算表每行 本年收入合计 = 各来源栏之和；财政拨款总表每行 合计 = 一般公共预算 + 政府性基金 + 国有资本经营；
/// 政府性基金（国有资本经营）表每行 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出。
/// 只核对合计与主要组成栏都已列出的行。
enum B3RowIdentity: AuditRule {
    static let id = "B3.row-identity"
    static let family = "B"
    static let invariant = "每行：合计 = 基本支出 + 项目支出；本年收入合计 = Σ 来源；财政拨款 = 一般公共预算 + 基金 + 国资；年末结余 = 年初 + 收入 − 支出"
    static let kinds = bothKinds

    static let expenditureParts = ["basic", "project", "remit_superior", "operating", "affiliated_subsidy"]
    static let incomeParts = ["income_fiscal", "income_superior", "income_business", "income_operating", "income_affiliated", "income_other"]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let tables = TableRuleSupport.codeTables(document).filter { !$0.isEconomic }
        // A budget prints a row's 合计 (and its income total) in its 预算数 column.
        let total = document.ownColumn, incomeTotal = document.isBudget ? document.ownColumn : "income_total"
        var findings: [Finding] = [], checked = 0
        for table in tables {
            var notes: [(stated: AuditFact, parts: [AuditFact], judgement: TableRuleSupport.SumJudgement, wording: String)] = []
            func check(_ stated: AuditFact?, _ parts: [AuditFact], _ wording: String, signs: [Int]? = nil) {
                guard let stated, !parts.isEmpty,
                      let judgement = TableRuleSupport.judge(stated: stated, parts: parts,
                                                             signs: signs ?? parts.map { _ in 1 }, unit: document.moneyUnit) else { return }
                checked += 1
                switch judgement.verdict {
                case .equal: break
                case .rounding: notes.append((stated, parts, judgement, wording))
                case .error:
                    findings.append(TableRuleSupport.sumFinding(self, document, stated: stated, parts: parts,
                                                                partsWording: wording, judgement: judgement))
                }
            }
            let splitsUses = table.facts.contains { $0.column == "basic" } && table.facts.contains { $0.column == "project" }
            for code in table.codes {
                for fund in Set(table.facts.filter { $0.code == code }.map(\.fund)).sorted() {
                    // 合计 = 基本 + 项目 (+ the other expenditure columns).
                    // A budget's row leaves the cell of the use it has no money for blank (read as none), in
                    // a table whose columns are 基本支出 and 项目支出 (not 人员经费 / 公用经费 / 项目支出).
                    let uses = ["basic", "project"].compactMap { table.fact(code, fund: fund, column: $0) }
                    if uses.count == 2 || document.isBudget && splitsUses && !uses.isEmpty {
                        let others = expenditureParts.dropFirst(2).compactMap { table.fact(code, fund: fund, column: $0) }
                        check(table.fact(code, fund: fund, column: total), uses + others, "本行各栏之和")
                    }
                    // 本年收入合计 = Σ sources.
                    let sources = incomeParts.compactMap { table.fact(code, fund: fund, column: $0) }
                    check(table.fact(code, fund: fund, column: incomeTotal), sources, "本行各收入来源之和")
                    // 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 (all four printed).
                    let balance = ["opening_balance", "income_total", "actual"].compactMap { table.fact(code, fund: fund, column: $0) }
                    if balance.count == 3 {
                        check(table.fact(code, fund: fund, column: "closing_balance"), balance, "年初结转和结余加本年收入减本年支出",
                              signs: [1, 1, -1])
                    }
                }
                // 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营.
                if let fiscal = table.fact(code, fund: "fiscal", column: total) {
                    let parts = ["general", "gov_fund", "soe"].compactMap { table.fact(code, fund: $0, column: total) }
                    check(fiscal, parts, "本行各类财政拨款之和")
                }
            }
            findings += TableRuleSupport.grouped(self, document, table: table.name, notes: notes)
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked > 0 ? .pass(checked: checked) : .notApplicable("没有同时列出合计与分栏数的科目行")
    }
}
