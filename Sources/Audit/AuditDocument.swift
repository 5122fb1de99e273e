import Core
import Store

/// One printed (or derived) occurrence of a figure, as the audit reads it.
public struct AuditFact: Hashable, Sendable {
    public var id: Int64
    public var measureID: String?
    public var code: String?
    public var fund: String
    public var column: String
    public var year: Int
    public var amountFen: Int64?
    public var quantity: Int64?
    public var printed: String?
    public var printedUnit: String?
    public var derived: Bool
    public var sourceKind: String
    public var lineFrom: Int
    public var lineTo: Int
    /// The printed title of the table the figure was read from, when quarantined (its
    /// identities failed wholesale, so the reading is uncertain); nil when trusted.
    public var quarantinedIn: String? = nil
    /// The row's code and label as the table prints it (e.g. "2010601 行政运行"); nil for text.
    public var rowLabel: String? = nil
    /// The title of the table the figure was read from, when the importer recorded it.
    public var table: String? = nil

    /// The figure for a finding, labelled with what it is.
    public func figure(_ label: String) -> FindingFigure {
        FindingFigure(label: label, printed: printed, sourceKind: sourceKind, lineFrom: lineFrom, lineTo: lineTo)
    }
}

/// A stated rate or change, as the audit reads it.
public struct AuditStatement: Hashable, Sendable {
    public var id: Int64
    public var kind: String
    public var printed: String
    public var direction: String?
    public var rateScaled: Int64?
    public var rateDecimals: Int?
    public var amountFen: Int64?
    public var partFactID: Int64?
    public var baseFactID: Int64?
    public var basis: String?
    public var sourceKind: String
    public var lineFrom: Int
    public var lineTo: Int
}

public struct AuditProject: Hashable, Sendable {
    public var id: Int64
    public var seq: Int
    public var code: String?
    public var name: String
    public var hasForm: Bool
    public var lineFrom: Int
    public var lineTo: Int
    /// The form's figures and indicator rows, as the importer reads them.
    public var figures: [ImportedProjectFigure]
    public var indicators: [ImportedIndicator]
}

/// A figure whose reading is not certain, with why (AuditLoader.uncertainty decides).
public struct UncertainFact: Hashable, Sendable {
    public var fact: AuditFact
    public var reason: String

    public init(fact: AuditFact, reason: String) {
        self.fact = fact
        self.reason = reason
    }
}

/// Everything one disclosure says, loaded once, for the rules to read. Rules never touch
/// SQLite: they see these values only.
public struct AuditDocument: Sendable {
    public var disclosureID: Int64
    public var unitID: Int64
    public var unitName: String
    public var year: Int
    public var template: String
    public var moneyUnit: MoneyUnit
    /// 决算 (final account) or 预算 (budget): which rules apply (AuditRule.kinds).
    public var kind: String = DocumentKind.final.rawValue
    /// 部门 or 单位.
    public var scope: String = "部门"
    /// The figures whose reading is certain: the only ones rules see.
    public var facts: [AuditFact]
    /// Figures read with doubt, kept out of `facts`: a rule whose outcome would depend on
    /// one of them could not be evaluated (Auditor.evaluate).
    public var uncertain: [UncertainFact] = []
    /// The tables whose figures are all uncertain (quarantined on import).
    public var quarantinedTables: [ImportedTable] = []
    /// The titles of the tables the document prints with figures (any reading status): the
    /// tables recorded on import and those its figures were read from. A table printed without
    /// a figure leaves no title here.
    public var tableTitles: Set<String> = []
    /// The titles of the tables the document prints without a figure (本年度没有…，故本表无数据),
    /// recorded on import as tables no figure was read from.
    public var emptyTableTitles: Set<String> = []
    public var statements: [AuditStatement]
    public var projects: [AuditProject]
    public var paragraphs: [ImportedParagraph]
    /// The measure catalog (parent links and relation decide which sums are identities).
    public var measures: [String: Catalog.Measure]
    /// Names of classification codes (for messages).
    public var codeNames: [String: String]
    /// The same unit's own disclosure of the year before, when loaded (at most one; for the
    /// across-years rule).
    public var previousYear: [AuditDocument] = []
    /// For a final account: the same unit's budget of the same year and scope, when loaded (at
    /// most one; for the restatement rule Y2).
    public var sameYearBudget: [AuditDocument] = []

    /// Whether the document is a budget (预算).
    public var isBudget: Bool { kind == DocumentKind.budget.rawValue }

    /// The column the document states its own figures in: 决算数 of a final account, 预算数 of a budget.
    public var ownColumn: String { isBudget ? "budget" : "actual" }

    /// The document as it would read if its uncertain figures were taken as printed.
    public var withUncertainFigures: AuditDocument {
        var document = self
        document.facts = (facts + uncertain.map(\.fact)).sorted { ($0.lineFrom, $0.id) < ($1.lineFrom, $1.id) }
        document.uncertain = []
        return document
    }

    /// Every occurrence of a measure's figure, in source order.
    public func facts(measure: String, column: String = "actual", year: Int? = nil) -> [AuditFact] {
        facts.filter { $0.measureID == measure && $0.column == column && $0.year == (year ?? self.year) }
    }

    /// Every occurrence of a code's figure in a fund and column, in source order.
    public func facts(code: String, fund: String, column: String = "actual", year: Int? = nil) -> [AuditFact] {
        facts.filter { $0.code == code && $0.fund == fund && $0.column == column && $0.year == (year ?? self.year) }
    }

    public func fact(id: Int64?) -> AuditFact? {
        guard let id else { return nil }
        return facts.first { $0.id == id }
    }

    /// What a fact is, in Chinese, for messages: the measure's name or the code and its name.
    public func label(_ fact: AuditFact) -> String {
        if let id = fact.measureID { return measures[id]?.nameZh ?? id }
        let code = fact.code ?? ""
        return codeNames[code].map { "\(code) \($0)" } ?? code
    }
}
