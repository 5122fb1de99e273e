/// The finding a judged rate calls for (D2 shares, D3 growth, D4 completion): the same
/// severities, expected/stated/difference and figures, in each rule's own words.
enum RateFinding {
    /// How a rule words its findings; `rounding` and `outside` get the expected rate as printed.
    struct Wording {
        var zeroBase: String
        var zeroBaseExpected: String
        var rounding: (String) -> String
        var outside: (String) -> String
    }

    /// nil when the printed rate is exact. `severity` is that of a wrong rate (an error, or a
    /// warning for a chart's); a rounding note is always information.
    static func make<Rule: AuditRule>(_ rule: Rule.Type, _ verdict: RateArithmetic.Verdict, rate: Int64, decimals: Int,
                                      figures: [FindingFigure], severity: Severity = .error, document: AuditDocument,
                                      wording: Wording) -> Finding? {
        let stated = RateArithmetic.formatRate(rate, decimals: decimals)
        func finding(_ severity: Severity, _ message: String, expected: String, difference: String?) -> Finding {
            Finding(ruleID: rule.id, family: rule.family, severity: severity, message: message, figures: figures,
                    expected: expected, stated: stated, difference: difference, disclosureID: document.disclosureID)
        }
        switch verdict {
        case .exact:
            return nil
        case .zeroBase:
            return finding(severity, wording.zeroBase, expected: wording.zeroBaseExpected, difference: nil)
        case .roundingNote(let expected):
            let e = RateArithmetic.formatRate(expected, decimals: decimals)
            return finding(.info, wording.rounding(e), expected: e,
                           difference: RateArithmetic.formatRate(rate - expected, decimals: decimals))
        case .outside(let expected):
            let e = expected.map { RateArithmetic.formatRate($0, decimals: decimals) } ?? "?"
            return finding(severity, wording.outside(e), expected: e,
                           difference: expected.map { RateArithmetic.formatRate(rate - $0, decimals: decimals) })
        }
    }
}
