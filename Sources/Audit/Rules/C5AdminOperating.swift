/// C5 机关运行经费 ≤ 公用经费（机关运行经费是一般公共预算财政拨款基本支出中的公用经费部分）。
/// 按印出精度的区间比较（预算的公用经费以元列示、机关运行经费以万元列示）。预算的机关运行经费表
/// 按经济科目列出明细时，若有基本支出表没有（或少于该表）的科目，其口径含基本支出以外的经费，不作比较。
enum C5AdminOperating: AuditRule {
    static let id = "C5.admin-operating"
    static let family = "C"
    static let invariant = "机关运行经费 ≤ 公用经费"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        func value(_ measure: String) -> AuditFact? {
            TableRuleSupport.first(document, measure: measure, source: "table")
                ?? TableRuleSupport.first(document, measure: measure, source: "text")
        }
        guard let admin = value("admin_operating") else { return .notApplicable("未列机关运行经费") }
        if let item = outsideBasic(document) {
            return .notApplicable("机关运行经费表列有基本支出表没有的支出（\(item)），口径含基本支出以外的经费")
        }
        guard let funds = value("public_funds"), let a = admin.amountFen, let f = funds.amountFen,
              let adminRange = PrintedInterval.of(admin, unit: document.moneyUnit),
              let fundsRange = PrintedInterval.of(funds, unit: document.moneyUnit) else {
            return .couldNotEvaluate("未列公用经费")
        }
        guard adminRange.low > fundsRange.high else { return .pass(checked: 1) }
        let money = { TableRuleSupport.money($0, document) }
        return .fail([Finding(
            ruleID: id, family: family, severity: .warning,
            message: "机关运行经费 \(money(a))（第 \(admin.lineFrom) 行）大于公用经费 \(money(f))（第 \(funds.lineFrom) 行），超出 \(money(a - f))",
            figures: [TableRuleSupport.figure(admin, in: document), TableRuleSupport.figure(funds, in: document)],
            expected: "≤ " + money(f), stated: money(a), difference: money(a - f), disclosureID: document.disclosureID)])
    }

    /// The first item of a budget's itemised 机关运行经费 (column `admin_operating`) that the
    /// 一般公共预算基本支出 经济分类 does not print, or prints smaller: "31002 办公设备购置 143.40".
    static func outsideBasic(_ document: AuditDocument) -> String? {
        let items = document.facts.filter { $0.column == "admin_operating" && $0.code != nil }
        guard !items.isEmpty else { return nil }
        var basic: [String: Int64] = [:]
        for fact in document.facts where fact.fund == "general" && fact.column == "budget" && fact.sourceKind == "table" {
            guard let code = fact.code, code.hasPrefix("3"), let fen = fact.amountFen, basic[code] == nil else { continue }
            basic[code] = fen
        }
        for item in items.sorted(by: { $0.lineFrom < $1.lineFrom }) {
            guard let code = item.code, let fen = item.amountFen else { continue }
            if let stated = basic[code], stated >= fen { continue }
            return [item.rowLabel ?? code, item.printed ?? ""].joined(separator: " ")
        }
        return nil
    }
}
