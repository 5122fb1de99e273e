import Core

/// Interval arithmetic for stated rates and sums (SPEC §8), shared by the text rules (D–F).
/// Amount intervals are in half-分 (PrintedInterval); a rate printed with d decimals stands
/// for rate ± half a unit of its last digit.
enum RateArithmetic {
    /// A numerator/denominator pair at one corner of the inputs' box, in half-分.
    struct Corner { var numerator: Int64; var denominator: Int64 }

    enum Verdict: Equatable {
        /// The printed rate is the 四舍五入 of the exact ratio.
        case exact
        /// Attainable from the printed inputs but not the rounded value of the exact ratio.
        case roundingNote(expected: Int64)
        /// Outside every value the printed inputs allow.
        case outside(expected: Int64?)
        /// The base is (or may be) zero: no rate is defined.
        case zeroBase
    }

    /// Is the printed rate (rateScaled / 10^decimals %) attainable from the corners?
    /// The ratio is monotone in each input, so its extremes over the box are at corners.
    static func attainable(_ corners: [Corner], rateScaled: Int64, decimals: Int) -> Bool {
        guard !corners.isEmpty else { return true }
        if corners.contains(where: { $0.denominator <= 0 }) { return true }
        let scale = Int128(200) * Int128(ExactDecimal.powerOfTen(decimals) ?? 1)
        let low = Int128(2 * rateScaled - 1), high = Int128(2 * rateScaled + 1)
        // 100·n/d (percent) vs r/10^dec ± ½·10^-dec  ⇔  200·10^dec·n vs (2r ∓ 1)·d
        let someAbove = corners.contains { scale * Int128($0.numerator) >= low * Int128($0.denominator) }
        let someBelow = corners.contains { scale * Int128($0.numerator) <= high * Int128($0.denominator) }
        return someAbove && someBelow
    }

    /// Judges a printed rate against exact inputs (分) and the corners of their intervals.
    static func judge(numerator: Int64, denominator: Int64, corners: [Corner], rateScaled: Int64, decimals: Int) -> Verdict {
        guard denominator != 0 else { return .zeroBase }
        let expected = Rounding.percent(numerator, of: denominator, decimals: decimals)
        if expected == rateScaled { return .exact }
        if attainable(corners, rateScaled: rateScaled, decimals: decimals) { return .roundingNote(expected: expected ?? 0) }
        return .outside(expected: expected)
    }

    /// The corners of a ratio part / base over the two intervals.
    static func shareCorners(_ part: PrintedInterval, _ base: PrintedInterval) -> [Corner] {
        [part.low, part.high].flatMap { p in [base.low, base.high].map { Corner(numerator: p, denominator: $0) } }
    }

    /// growth = change / (current − change), over the change's and the current figure's intervals.
    static func growthCornersFromChange(change: PrintedInterval, current: PrintedInterval) -> [Corner] {
        [change.low, change.high].flatMap { c in [current.low, current.high].map { Corner(numerator: c, denominator: $0 - c) } }
    }

    /// growth = (current − prior) / prior, over both printed figures' intervals.
    static func growthCornersFromPrior(current: PrintedInterval, prior: PrintedInterval) -> [Corner] {
        [current.low, current.high].flatMap { v in [prior.low, prior.high].map { Corner(numerator: v - $0, denominator: $0) } }
    }

    /// "81.71%".
    static func formatRate(_ scaled: Int64, decimals: Int) -> String {
        guard decimals > 0, let power = ExactDecimal.powerOfTen(decimals) else { return "\(scaled)%" }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let fraction = String(magnitude % UInt64(power))
        return "\(sign)\(magnitude / UInt64(power)).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)%"
    }

    /// A rate printed with a direction word: "下降5%" is stored as 5 with direction 减少.
    static func signedRate(_ statement: AuditStatement) -> Int64? {
        guard let rate = statement.rateScaled else { return nil }
        return statement.direction == "减少" && rate > 0 ? -rate : rate
    }

    /// A change printed with a direction word: "减少56.95万元" is stored as 56.95 with 减少.
    static func signedChange(_ statement: AuditStatement) -> Int64? {
        guard let amount = statement.amountFen else { return nil }
        return statement.direction == "减少" && amount > 0 ? -amount : amount
    }

    /// The first decimal number in a printed phrase ("增长44.34万元" → "44.34").
    static func firstNumber(in text: String) -> String? {
        var out = ""
        for ch in text {
            if ch.isASCII && (ch.isNumber || (ch == "." && !out.isEmpty) || ch == ",") { out.append(ch) }
            else if !out.isEmpty { break }
        }
        while out.hasSuffix(".") || out.hasSuffix(",") { out.removeLast() }
        return out.isEmpty ? nil : out.replacingOccurrences(of: ",", with: "")
    }

    /// Every decimal number printed in a phrase, in order, without thousands separators.
    static func numberRuns(in text: String) -> [String] {
        var runs: [String] = [], current = ""
        for ch in text + " " {
            if ch.isASCII && (ch.isNumber || ((ch == "." || ch == ",") && !current.isEmpty)) { current.append(ch); continue }
            while current.hasSuffix(".") || current.hasSuffix(",") { current.removeLast() }
            if !current.isEmpty { runs.append(current.replacingOccurrences(of: ",", with: "")) }
            current = ""
        }
        return runs
    }

    /// The interval of a change statement's amount, from its printed number when it has one.
    static func changeInterval(_ statement: AuditStatement, unit: MoneyUnit) -> PrintedInterval? {
        guard let amount = signedChange(statement) else { return nil }
        let printedUnit: MoneyUnit = statement.printed.contains("万元") ? .tenThousandYuan
            : (statement.printed.contains("元") ? .yuan : unit)
        // The printed number worth the amount, else the first (a budget's
        // "比2024年预算增加24,491.71万元" prints a year first).
        let numbers = numberRuns(in: statement.printed)
        let worth = numbers.first { PrintedInterval.of(printed: $0, unit: printedUnit)?.contains(fen: abs(amount)) ?? false }
        if let number = worth ?? numbers.first, let interval = PrintedInterval.of(printed: number, unit: printedUnit) {
            return amount < 0 ? PrintedInterval(low: -interval.high, high: -interval.low) : interval
        }
        return .exact(amount)
    }

    /// Σ parts against a total with interval arithmetic: nil when they agree exactly,
    /// .info when only rounding separates them, .error otherwise.
    static func sumVerdict(total: AuditFact, parts: [AuditFact], unit: MoneyUnit) -> Severity? {
        guard let totalFen = total.amountFen ?? total.quantity else { return nil }
        let values = parts.compactMap { $0.amountFen ?? $0.quantity }
        guard values.count == parts.count else { return nil }
        let sum = values.reduce(0, +)
        if sum == totalFen { return nil }
        if total.amountFen == nil { return .error }   // counts: no rounding
        guard let t = interval(total, unit: unit) else { return .error }
        var s = PrintedInterval.exact(0)
        for part in parts { guard let p = interval(part, unit: unit) else { return .error }; s = s + p }
        return s.overlaps(t) ? .info : .error
    }

    /// A fact's interval; a printed 0 means nothing was spent and is exact.
    static func interval(_ fact: AuditFact, unit: MoneyUnit) -> PrintedInterval? {
        if fact.amountFen == 0 { return .exact(0) }
        return PrintedInterval.of(fact, unit: unit)
    }

    static func money(_ fen: Int64, _ unit: MoneyUnit) -> String { Amount(fen: fen).formatted(in: unit) }

    /// A figure's value as text: money in the document's unit, counts as printed.
    static func value(_ fact: AuditFact, _ unit: MoneyUnit) -> String {
        if let fen = fact.amountFen { return money(fen, unit) }
        return "\(fact.quantity ?? 0)"
    }

    /// The first occurrence of a measure's figure, preferring tables, then text (never a chart).
    static func primary(_ document: AuditDocument, measure: String, column: String = "actual", year: Int? = nil) -> AuditFact? {
        let all = document.facts(measure: measure, column: column, year: year).filter { $0.sourceKind != "chart" }
        return all.first { $0.sourceKind == "table" } ?? all.first { !$0.derived } ?? all.first
    }

    /// The (column, year) pairs in which a measure is stated (not charts).
    static func columnsAndYears(_ document: AuditDocument, measure: String) -> [(String, Int)] {
        var seen = Set<String>()
        var out: [(String, Int)] = []
        for fact in document.facts where fact.measureID == measure && fact.sourceKind != "chart" {
            if seen.insert("\(fact.column)|\(fact.year)").inserted { out.append((fact.column, fact.year)) }
        }
        return out
    }

    static func columnName(_ column: String) -> String {
        switch column {
        case "actual": return "决算数"
        case "budget", "budget_initial": return "预算数"
        case "budget_adjusted": return "调整后预算数"
        default: return column
        }
    }

    /// Checks total = Σ parts for every column and year the total is stated in.
    static func checkSum(_ document: AuditDocument, total: String, parts: [String], rule: AuditRule.Type,
                         requireAllParts: Bool = false) -> RuleOutcome {
        let unit = document.moneyUnit
        var findings: [Finding] = []
        var checked = 0
        for (column, year) in columnsAndYears(document, measure: total) {
            guard let totalFact = primary(document, measure: total, column: column, year: year) else { continue }
            let partFacts = parts.compactMap { primary(document, measure: $0, column: column, year: year) }
            if partFacts.isEmpty || (partFacts.count < parts.count && (requireAllParts || partFacts.count < 2)) { continue }
            checked += 1
            guard let severity = sumVerdict(total: totalFact, parts: partFacts, unit: unit) else { continue }
            let sum = partFacts.map { $0.amountFen ?? $0.quantity ?? 0 }.reduce(0, +)
            let stated = totalFact.amountFen ?? totalFact.quantity ?? 0
            let isMoney = totalFact.amountFen != nil
            let show: (Int64) -> String = { isMoney ? money($0, unit) : "\($0)" }
            let names = partFacts.map { document.label($0) }.joined(separator: "＋")
            let note = severity == .info ? "（差额在印出精度的舍入范围内）" : ""
            findings.append(Finding(
                ruleID: rule.id, family: rule.family, severity: severity,
                message: "\(year)年\(document.label(totalFact))\(columnName(column))\(show(stated))不等于\(names)之和\(show(sum))\(note)",
                figures: [totalFact.figure(document.label(totalFact))] + partFacts.map { $0.figure(document.label($0)) },
                expected: show(sum), stated: show(stated), difference: show(stated - sum), disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        if checked == 0 {
            if columnsAndYears(document, measure: total).isEmpty {
                return .notApplicable("未读到\(document.measures[total]?.nameZh ?? total)")
            }
            return .couldNotEvaluate("\(document.measures[total]?.nameZh ?? total)的组成部分未读到")
        }
        return .pass(checked: checked)
    }
}
