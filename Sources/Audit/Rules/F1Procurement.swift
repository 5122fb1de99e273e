import Core

/// 政府采购：支出总额 = 货物 + 工程 + 服务（按印出精度的区间核算）；授予中小企业合同金额
/// ≤ 采购总额；其中小微企业 ≤ 中小企业；预算面向中小企业预留的同样如此。
enum F1Procurement: AuditRule {
    static let id = "F1.procurement"
    static let family = "F"
    static let invariant = "政府采购总额 = 货物 + 工程 + 服务；中小企业 ≤ 总额；小微 ≤ 中小"
    static let kinds = bothKinds

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        var findings: [Finding] = []
        var checked = 0
        let sum = RateArithmetic.checkSum(document, total: "procurement",
                                          parts: ["procurement_goods", "procurement_works", "procurement_services"], rule: self,
                                          requireAllParts: true)
        switch sum {
        case .fail(let f): findings += f
        case .pass(let n): checked += n
        case .notApplicable: return sum
        case .couldNotEvaluate: break
        }
        let unit = document.moneyUnit
        let column = document.isBudget ? "budget" : "actual"
        for (small, large) in [("procurement_sme", "procurement"), ("procurement_micro", "procurement_sme"),
                               ("procurement_sme_reserved", "procurement"), ("procurement_micro_reserved", "procurement_sme_reserved")] {
            guard let s = RateArithmetic.primary(document, measure: small, column: column),
                  let l = RateArithmetic.primary(document, measure: large, column: column),
                  let sf = s.amountFen, let lf = l.amountFen else { continue }
            checked += 1
            guard sf > lf else { continue }
            findings.append(Finding(ruleID: id, family: family, severity: .error,
                                    message: "\(document.label(s))\(RateArithmetic.money(sf, unit))大于\(document.label(l))\(RateArithmetic.money(lf, unit))",
                                    figures: [s.figure(document.label(s)), l.figure(document.label(l))],
                                    expected: "≤ \(RateArithmetic.money(lf, unit))", stated: RateArithmetic.money(sf, unit),
                                    difference: RateArithmetic.money(sf - lf, unit), disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .couldNotEvaluate("政府采购的组成部分未读到") : .pass(checked: checked)
    }
}
