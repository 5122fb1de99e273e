import Core

/// How much a finding matters: an error is a figure that cannot be right; a warning needs a
/// reviewer's judgement; info is a rounding note or an observation.
public enum Severity: String, CaseIterable, Comparable, Sendable {
    case error, warning, info

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
}

/// A figure a finding involves, as printed, with where it is printed.
public struct FindingFigure: Hashable, Sendable {
    /// What the figure is (主题 or 科目 and column), in Chinese.
    public var label: String
    /// The text as printed (nil for a derived or computed figure).
    public var printed: String?
    /// table, text, chart, residue.
    public var sourceKind: String
    public var lineFrom: Int
    public var lineTo: Int

    public init(label: String, printed: String?, sourceKind: String, lineFrom: Int, lineTo: Int? = nil) {
        self.label = label
        self.printed = printed
        self.sourceKind = sourceKind
        self.lineFrom = lineFrom
        self.lineTo = lineTo ?? lineFrom
    }
}

/// One thing that does not add up.
public struct Finding: Hashable, Sendable {
    public var ruleID: String
    /// A–G as in DOMAIN.md §6, R for template residue and completeness, Y for across years.
    public var family: String
    public var severity: Severity
    /// One line in Chinese.
    public var message: String
    public var figures: [FindingFigure]
    /// The recomputed value and the stated one, as text in the document's unit.
    public var expected: String?
    public var stated: String?
    public var difference: String?
    /// The same comparison in 分 when it is between two amounts (for machine formats).
    public var expectedFen: Int64?
    public var statedFen: Int64?
    public var differenceFen: Int64? {
        guard let expectedFen, let statedFen else { return nil }
        return statedFen - expectedFen
    }
    public var disclosureID: Int64
    /// Other rules whose identities the same root cause breaks (RootCauses.merge).
    public var relatedRules: [String] = []
    /// How many identities the finding stands for (1 unless merged).
    public var identities: Int = 1

    /// The rule and the related ones, as `check` lists them.
    public var rules: String { ([ruleID] + relatedRules).joined(separator: ",") }

    public init(ruleID: String, family: String, severity: Severity, message: String, figures: [FindingFigure],
                expected: String? = nil, stated: String? = nil, difference: String? = nil, disclosureID: Int64) {
        self.ruleID = ruleID
        self.family = family
        self.severity = severity
        self.message = message
        self.figures = figures
        self.expected = expected
        self.stated = stated
        self.difference = difference
        self.disclosureID = disclosureID
    }

    /// The first line the finding points at (findings are listed in source order).
    public var line: Int { figures.map(\.lineFrom).min() ?? 0 }
}

/// How a rule ended for one disclosure (ISSUE: every rule ends in exactly one of these).
public enum RuleOutcome: Hashable, Sendable {
    /// Every instance of the invariant holds; `checked` says how many were checked.
    case pass(checked: Int)
    case fail([Finding])
    /// The rule does not apply to this document (e.g. no 三公 table), with the reason.
    case notApplicable(String)
    /// Data needed for the rule is missing or was not parsed, with what is missing.
    case couldNotEvaluate(String)
}

/// A rule of the audit: one invariant, one file.
public protocol AuditRule: SendableMetatype {
    /// English id, e.g. "B1.class-sum".
    static var id: String { get }
    /// A–G, R or Y.
    static var family: String { get }
    /// The invariant, in Chinese, as `check` lists it.
    static var invariant: String { get }
    /// The kinds of document (DocumentKind) the rule audits; final accounts unless it says otherwise.
    static var kinds: Set<String> { get }
    static func evaluate(_ document: AuditDocument) -> RuleOutcome
}

extension AuditRule {
    public static var kinds: Set<String> { [DocumentKind.final.rawValue] }

    /// Whether the rule audits documents of `kind`.
    public static func applies(to kind: String) -> Bool { kinds.contains(kind) }
}

/// The kinds a rule that audits both final accounts and budgets declares.
let bothKinds: Set<String> = [DocumentKind.final.rawValue, DocumentKind.budget.rawValue]
/// The kinds a budget-only rule declares.
let budgetOnly: Set<String> = [DocumentKind.budget.rawValue]
