/// C6 三公经费各项决算数（财政拨款，含基本和项目支出）不小于基本支出决算表中对应的经济分类款：
/// 30212 因公出国（境）费用 ≤ 因公出国（境）费，30217 公务接待费 ≤ 公务接待费，
/// 30231 公务用车运行维护费 ≤ 公务用车运行维护费，31013 公务用车购置 ≤ 公务用车购置费。经济分类款
/// 大于三公经费中的对应部分，超出印出精度的舍入范围即为错误（部分不能大于它所属的整体），
/// 在舍入范围内为提示。
enum C6SangongEconomic: AuditRule {
    static let id = "C6.sangong-economic"
    static let family = "C"
    static let invariant = "三公经费各项 ≥ 基本支出中对应的经济分类款（30212、30217、30231、31013）"

    static let pairs = [("30212", "sangong_abroad"), ("30217", "sangong_reception"),
                        ("30231", "vehicle_operation"), ("31013", "vehicle_purchase")]

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        guard let table = TableRuleSupport.codeTables(document).first(where: \.isEconomic) else {
            return .notApplicable("没有按经济分类列示的基本支出")
        }
        func sangong(_ measure: String) -> AuditFact? {
            TableRuleSupport.first(document, measure: measure, source: "table")
                ?? TableRuleSupport.first(document, measure: measure, source: "text")
        }
        var findings: [Finding] = [], checked = 0
        for (code, measure) in pairs {
            guard let econ = table.facts.first(where: { $0.code == code && $0.column == "basic" }), let e = econ.amountFen,
                  let part = sangong(measure), let s = part.amountFen else { continue }
            checked += 1
            guard e > s else { continue }
            let money = { TableRuleSupport.money($0, document) }
            let beyondRounding = PrintedInterval.of(econ, unit: document.moneyUnit).flatMap { a in
                PrintedInterval.of(part, unit: document.moneyUnit).map { b in !a.overlaps(b) }
            } ?? true
            var finding = Finding(
                ruleID: id, family: family, severity: beyondRounding ? .error : .info,
                message: "基本支出中\(document.label(econ)) \(money(e))（第 \(econ.lineFrom) 行）大于三公经费中的\(document.label(part)) \(money(s))（第 \(part.lineFrom) 行）",
                figures: [TableRuleSupport.figure(econ, in: document), TableRuleSupport.figure(part, in: document)],
                expected: "≤ " + money(s), stated: money(e), difference: money(e - s), disclosureID: document.disclosureID)
            finding.expectedFen = s
            finding.statedFen = e
            findings.append(finding)
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked > 0 ? .pass(checked: checked) : .notApplicable("三公经费或对应的经济分类款未列出")
    }
}
