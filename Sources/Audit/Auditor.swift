import Core
import Store

/// Runs every rule, in the order of `AuditRules.all`, over the disclosures asked for.
public enum Auditor {
    /// One rule's outcome on one disclosure.
    public struct Result: Hashable, Sendable {
        public var ruleID: String
        public var family: String
        public var invariant: String
        public var disclosureID: Int64
        public var outcome: RuleOutcome
    }

    public struct Report: Sendable {
        public var results: [Result]

        public init(results: [Result]) { self.results = results }
        /// Every finding, one per root cause (RootCauses), by disclosure, then source line,
        /// then rule order.
        public var findings: [Finding] { RootCauses.merge(ungroupedFindings) }

        /// Every finding of every rule, as the rules report them.
        public var ungroupedFindings: [Finding] {
            results.enumerated().flatMap { index, result -> [(Int, Finding)] in
                guard case .fail(let findings) = result.outcome else { return [] }
                return findings.map { (index, $0) }
            }
            .sorted { ($0.1.disclosureID, $0.1.line, $0.0) < ($1.1.disclosureID, $1.1.line, $1.0) }
            .map(\.1)
        }

        /// How the rule outcomes ended: passed, not applicable, could not evaluate, failed.
        public var outcomeCounts: (passed: Int, notApplicable: Int, couldNotEvaluate: Int, failed: Int) {
            var counts = (passed: 0, notApplicable: 0, couldNotEvaluate: 0, failed: 0)
            for result in results {
                switch result.outcome {
                case .pass: counts.passed += 1
                case .notApplicable: counts.notApplicable += 1
                case .couldNotEvaluate: counts.couldNotEvaluate += 1
                case .fail: counts.failed += 1
                }
            }
            return counts
        }

        /// Rules that could not be evaluated, with why.
        public var unchecked: [Result] {
            results.filter { if case .couldNotEvaluate = $0.outcome { return true } else { return false } }
        }
    }

    public static func run(_ database: Database, disclosureIDs: [Int64], rules: [AuditRule.Type] = AuditRules.all) throws -> Report {
        var results: [Result] = []
        try forEach(database, disclosureIDs: disclosureIDs, rules: rules) { results += $0 }
        return Report(results: results)
    }

    /// Runs every rule over each disclosure in turn and hands that disclosure's results to
    /// `each` before the next one is loaded, so a caller that keeps none of them runs in
    /// memory independent of the number of disclosures.
    public static func forEach(_ database: Database, disclosureIDs: [Int64], rules: [AuditRule.Type] = AuditRules.all,
                               _ each: ([Result]) throws -> Void) throws {
        // One catalog per run: measures and code names do not change between documents.
        let catalog = try CatalogLoader.open(database)
        for id in disclosureIDs {
            try each(evaluate(try AuditLoader.load(database, disclosureID: id, catalog: catalog), rules: rules))
        }
    }

    /// Every rule's outcome on one loaded document. Where the document has uncertain figures,
    /// each rule also runs with them taken as printed: a rule whose outcome changes needed
    /// one of them, and keeps only the findings both readings agree on and that cite no
    /// uncertain figure, or else could not be evaluated, with the figures and reasons.
    /// Rules that do not audit the document's kind (AuditRule.kinds) are not run.
    public static func evaluate(_ document: AuditDocument, rules: [AuditRule.Type] = AuditRules.all) -> [Result] {
        let alternative = document.uncertain.isEmpty ? nil : document.withUncertainFigures
        return rules.filter { $0.applies(to: document.kind) }.map { rule in
            var outcome = rule.evaluate(document)
            if let alternative {
                let other = rule.evaluate(alternative)
                if other != outcome { outcome = settled(outcome, other, uncertain: document.uncertain) }
            }
            return Result(ruleID: rule.id, family: rule.family, invariant: rule.invariant, disclosureID: document.disclosureID,
                          outcome: outcome)
        }
    }

    static func settled(_ certain: RuleOutcome, _ other: RuleOutcome, uncertain: [UncertainFact]) -> RuleOutcome {
        let lines = Set(uncertain.map(\.fact.lineFrom))
        if case .fail(let findings) = certain, case .fail(let alsoThere) = other {
            let kept = findings.filter { finding in
                alsoThere.contains(finding) && !finding.figures.contains { lines.contains($0.lineFrom) }
            }
            if !kept.isEmpty { return .fail(kept) }
        }
        var needed = uncertain
        if case .fail(let findings) = other {
            let cited = Set(findings.flatMap(\.figures).map(\.lineFrom))
            let named = uncertain.filter { cited.contains($0.fact.lineFrom) }
            if !named.isEmpty { needed = named }
        }
        var reasons: [String] = []
        for reason in needed.map(\.reason) where !reasons.contains(reason) { reasons.append(reason) }
        return .couldNotEvaluate("需用读数不确定的数字：" + reasons.joined(separator: "；"))
    }
}
