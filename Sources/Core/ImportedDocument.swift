/// What a template reader extracts from one disclosure: the model values of schema.sql
/// (facts, statements, projects, paragraphs) with their provenance, before they reach the
/// database. References between them use local ids (indexes into this document's arrays),
/// which the store maps to row ids when it writes the document in one transaction.
public struct ImportedDocument: Hashable, Sendable {
    public var unit: ImportedUnit
    /// 二级单位 the document lists (机构设置), stored as units under `unit`.
    public var subunits: [String]
    public var year: Int
    /// 决算 or 预算.
    public var kind: String
    /// 部门 (the department's consolidated document) or 单位 (one budget unit's own).
    public var scope: String
    /// 'sichuan', 'shanghai', …
    public var template: String
    public var title: String
    public var sourceFile: String
    public var sha256: String
    public var moneyUnit: MoneyUnit
    public var lineCount: Int
    public var facts: [ImportedFact]
    public var statements: [ImportedStatement]
    public var projects: [ImportedProject]
    public var paragraphs: [ImportedParagraph]
    /// The tables read, each with its status (a quarantined table's facts carry that status).
    public var tables: [ImportedTable]

    public init(unit: ImportedUnit, subunits: [String] = [], year: Int, kind: String = "决算", scope: String = "部门",
                template: String, title: String,
                sourceFile: String, sha256: String, moneyUnit: MoneyUnit = .tenThousandYuan, lineCount: Int,
                facts: [ImportedFact] = [], statements: [ImportedStatement] = [], projects: [ImportedProject] = [],
                paragraphs: [ImportedParagraph] = [], tables: [ImportedTable] = []) {
        self.unit = unit
        self.subunits = subunits
        self.year = year
        self.kind = kind
        self.scope = scope
        self.template = template
        self.title = title
        self.sourceFile = sourceFile
        self.sha256 = sha256
        self.moneyUnit = moneyUnit
        self.lineCount = lineCount
        self.facts = facts
        self.statements = statements
        self.projects = projects
        self.paragraphs = paragraphs
        self.tables = tables
    }
}

/// Whether a table's figures can be trusted (a row of `source_table`, and `fact.status`).
public enum TableStatus: String, Hashable, Sendable {
    /// The table's identities hold (up to rounding), or too few could be checked to tell.
    case ok
    /// Most of the table's identities fail (columns shifted, rows misread): its figures are
    /// kept, marked, and left out of the audit's arithmetic; the audit reports the table once.
    case quarantined
}

/// One table as read: its printed title, lines, status and, when quarantined, why and its raw cells.
public struct ImportedTable: Hashable, Sendable {
    public var title: String
    public var lineFrom: Int
    public var lineTo: Int
    public var status: TableStatus
    /// Why the table is quarantined (identities checked and failed), in Chinese.
    public var reason: String?
    /// The cells as printed, one row per line ("key<TAB>cell<TAB>cell…"), kept for a quarantined table.
    public var rawCells: String?

    public init(title: String, lineFrom: Int, lineTo: Int, status: TableStatus = .ok, reason: String? = nil,
                rawCells: String? = nil) {
        self.title = title
        self.lineFrom = lineFrom
        self.lineTo = lineTo
        self.status = status
        self.reason = reason
        self.rawCells = rawCells
    }
}

/// The disclosing unit as the document names it.
public struct ImportedUnit: Hashable, Sendable {
    /// The fullest name the document prints.
    public var name: String
    /// Other spellings printed in the document.
    public var aliases: [String]
    public var region: String

    public init(name: String, aliases: [String] = [], region: String) {
        self.name = name
        self.aliases = aliases
        self.region = region
    }
}

/// 1-based lines of the file as given, and what kind of source they are.
public struct Provenance: Hashable, Sendable {
    /// table, text, chart (residue only for paragraphs).
    public var kind: String
    public var lineFrom: Int
    public var lineTo: Int
    /// For a table figure: the table's title, the row label and the column heading as printed
    /// (the row's code first when it has one), and the page (1-based) the figure is on.
    public var table: String?
    public var rowLabel: String?
    public var columnLabel: String?
    public var page: Int?

    public init(_ kind: String, _ lineFrom: Int, _ lineTo: Int? = nil) {
        self.kind = kind
        self.lineFrom = lineFrom
        self.lineTo = lineTo ?? lineFrom
    }
}

/// One printed occurrence of a figure (a row of `fact`).
public struct ImportedFact: Hashable, Sendable {
    /// A catalog measure id, or nil for a classification code.
    public var measureID: String?
    public var code: String?
    public var fund: String
    /// actual, basic, project, budget_initial, …
    public var column: String
    public var year: Int
    public var amountFen: Int64?
    public var quantity: Int64?
    /// The number as printed; nil for a derived fact.
    public var printed: String?
    public var printedUnit: String?
    public var provenance: Provenance
    /// For a derived fact: value = Σ sign × value(input).
    public var inputs: [DerivationInput]
    /// The status of the table the figure was read from (`.ok` for text and charts).
    public var status: TableStatus = .ok

    public init(measureID: String? = nil, code: String? = nil, fund: String, column: String = "actual", year: Int,
                amountFen: Int64? = nil, quantity: Int64? = nil, printed: String?, printedUnit: String?,
                provenance: Provenance, inputs: [DerivationInput] = []) {
        self.measureID = measureID
        self.code = code
        self.fund = fund
        self.column = column
        self.year = year
        self.amountFen = amountFen
        self.quantity = quantity
        self.printed = printed
        self.printedUnit = printedUnit
        self.provenance = provenance
        self.inputs = inputs
    }

    public var isDerived: Bool { printed == nil }
}

/// One input of a derived fact: a fact or a statement of the same document (by index).
public struct DerivationInput: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        case fact(Int)
        case statement(Int)
    }

    public var sign: Int
    public var source: Source

    public init(sign: Int, _ source: Source) {
        self.sign = sign
        self.source = source
    }
}

/// A rate or change as printed (a row of `statement`).
public struct ImportedStatement: Hashable, Sendable {
    /// share, growth, change, completion, execution.
    public var kind: String
    public var printed: String
    public var direction: String?
    public var rateScaled: Int64?
    public var rateDecimals: Int?
    public var amountFen: Int64?
    /// Index into `facts` of what the statement is about, and of its base.
    public var partFact: Int?
    public var baseFact: Int?
    /// 年初, 调整后, 未说明 (completion only).
    public var basis: String?
    public var provenance: Provenance

    public init(kind: String, printed: String, direction: String? = nil, rateScaled: Int64? = nil, rateDecimals: Int? = nil,
                amountFen: Int64? = nil, partFact: Int? = nil, baseFact: Int? = nil, basis: String? = nil,
                provenance: Provenance) {
        self.kind = kind
        self.printed = printed
        self.direction = direction
        self.rateScaled = rateScaled
        self.rateDecimals = rateDecimals
        self.amountFen = amountFen
        self.partFact = partFact
        self.baseFact = baseFact
        self.basis = basis
        self.provenance = provenance
    }
}

/// A performance project with its figures and indicators (rows of `project`,
/// `project_figure`, `indicator`). Field meanings as in schema.sql.
public struct ImportedProject: Hashable, Sendable {
    public var code: String?
    public var name: String
    public var department: String?
    public var implementer: String?
    public var annualGoal: String?
    public var goalAchieved: String?
    public var overview: String?
    public var conclusion: String?
    public var problems: String?
    public var improvements: String?
    public var owner: String?
    public var financeOwner: String?
    public var hasForm: Bool
    public var lineFrom: Int
    public var lineTo: Int
    public var figures: [ImportedProjectFigure]
    public var indicators: [ImportedIndicator]

    public init(code: String? = nil, name: String, hasForm: Bool, lineFrom: Int, lineTo: Int) {
        self.code = code
        self.name = name
        self.hasForm = hasForm
        self.lineFrom = lineFrom
        self.lineTo = lineTo
        figures = []
        indicators = []
    }
}

public struct ImportedProjectFigure: Hashable, Sendable {
    public var fundingRow: String
    public var field: String
    public var amountFen: Int64?
    public var rateScaled: Int64?
    public var rateDecimals: Int?
    public var pointsCenti: Int64?
    public var printed: String
    public var provenance: Provenance

    public init(fundingRow: String, field: String, amountFen: Int64? = nil, rateScaled: Int64? = nil, rateDecimals: Int? = nil,
                pointsCenti: Int64? = nil, printed: String, provenance: Provenance) {
        self.fundingRow = fundingRow
        self.field = field
        self.amountFen = amountFen
        self.rateScaled = rateScaled
        self.rateDecimals = rateDecimals
        self.pointsCenti = pointsCenti
        self.printed = printed
        self.provenance = provenance
    }
}

public struct ImportedIndicator: Hashable, Sendable {
    public var level1: String?
    public var level2: String?
    public var level3: String?
    public var operatorPrinted: String?
    public var normalizedOperator: String?
    public var target: String?
    public var unit: String?
    public var actual: String?
    public var weightCenti: Int64?
    public var scoreCenti: Int64?
    public var reason: String?
    public var isTotal: Bool
    public var lineFrom: Int
    public var lineTo: Int

    public init(level1: String? = nil, level2: String? = nil, level3: String? = nil, operatorPrinted: String? = nil,
                normalizedOperator: String? = nil, target: String? = nil, unit: String? = nil, actual: String? = nil,
                weightCenti: Int64? = nil, scoreCenti: Int64? = nil, reason: String? = nil, isTotal: Bool = false,
                lineFrom: Int, lineTo: Int) {
        self.level1 = level1
        self.level2 = level2
        self.level3 = level3
        self.operatorPrinted = operatorPrinted
        self.normalizedOperator = normalizedOperator
        self.target = target
        self.unit = unit
        self.actual = actual
        self.weightCenti = weightCenti
        self.scoreCenti = scoreCenti
        self.reason = reason
        self.isTotal = isTotal
        self.lineFrom = lineFrom
        self.lineTo = lineTo
    }
}

/// A paragraph of prose with the heading path above it (a row of `paragraph`): one physical
/// line, or several when the text was hard-wrapped (see `ParagraphLines`).
public struct ImportedParagraph: Hashable, Sendable {
    public var section: String
    public var body: String
    /// text or residue.
    public var kind: String
    /// The first line of the paragraph; `lineTo` its last (a paragraph wrapped over several
    /// physical lines is one paragraph).
    public var line: Int
    public var lineTo: Int
    /// Where each physical line after the first begins in `body`.
    public var lineStarts: [LineStart]

    public init(section: String, body: String, kind: String, line: Int, lineTo: Int? = nil, lineStarts: [LineStart] = []) {
        self.section = section
        self.body = body
        self.kind = kind
        self.line = line
        self.lineTo = max(line, lineTo ?? line, lineStarts.last?.line ?? line)
        self.lineStarts = lineStarts
    }
}
