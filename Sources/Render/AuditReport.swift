import Core

/// A working paper (审计底稿): for each disclosure, the statements' results with the source
/// of every number, their charts, and the audit's findings with excerpts of the document.
/// `HTMLReportWriter` and `MarkdownReportWriter` write it; the command line fills it.
public struct AuditReport: Sendable {
    public var title: String
    /// What the report covers, one line (units and years).
    public var scope: String
    public var unit: MoneyUnit
    /// The kind of document it covers (决算 or 预算), as the empty report names it.
    public var kind: String
    public var disclosures: [Disclosure]

    public init(title: String, scope: String, unit: MoneyUnit, kind: String = "决算", disclosures: [Disclosure]) {
        self.title = title
        self.scope = scope
        self.unit = unit
        self.kind = kind
        self.disclosures = disclosures
    }

    /// One unit's year.
    public struct Disclosure: Sendable {
        public var unit: String
        public var year: Int
        public var title: String
        public var tables: [Table]
        public var findings: [Finding]
        /// Rules that could not be evaluated, with the reason.
        public var unchecked: [String]
        /// The document beside the year in headings (2025年部门预算); nil: the year alone (a 决算).
        public var document: String?
        /// What the reader should know about the section (a document it does not tabulate, say).
        public var notes: [String]

        public init(unit: String, year: Int, title: String, tables: [Table], findings: [Finding], unchecked: [String],
                    document: String? = nil, notes: [String] = []) {
            self.unit = unit
            self.year = year
            self.title = title
            self.tables = tables
            self.findings = findings
            self.unchecked = unchecked
            self.document = document
            self.notes = notes
        }

        /// 上海市普陀区商务委员会 2025年部门预算, or 某单位 2023年 for a final account.
        public var heading: String { "\(unit) \(year)年" + (document ?? "") }
    }

    /// One statement's result: its rows, the source of each number cell, and whether to chart it.
    public struct Table: Sendable {
        public var title: String
        /// The dq statement that produced it.
        public var statement: String
        public var shape: ResultShape
        public var rows: [ResultRow]
        /// `sources[row][column]`: where a number cell comes from (nil for text and blank cells).
        public var sources: [[Provenance?]]
        public var chart: Bool

        public init(title: String, statement: String, shape: ResultShape, rows: [ResultRow], sources: [[Provenance?]], chart: Bool) {
            self.title = title
            self.statement = statement
            self.shape = shape
            self.rows = rows
            self.sources = sources
            self.chart = chart
        }
    }

    /// Where a number comes from: printed in the document (table, text or chart lines), or
    /// computed (by dq, or derived from a stated change), with how.
    public struct Provenance: Hashable, Sendable {
        /// table, text, chart, or nil when computed.
        public var sourceKind: String?
        public var lineFrom: Int?
        public var lineTo: Int?
        /// How a computed figure is obtained, or what the printed one is.
        public var note: String?

        public init(sourceKind: String?, lineFrom: Int?, lineTo: Int?, note: String?) {
            self.sourceKind = sourceKind
            self.lineFrom = lineFrom
            self.lineTo = lineTo
            self.note = note
        }

        /// 表格 第1193行 / 正文 第56行 / 计算：… — the text of a title attribute or footnote.
        public var description: String {
            var parts: [String] = []
            if let sourceKind, let lineFrom {
                let kind = ["table": "表格", "text": "正文", "chart": "图表"][sourceKind] ?? sourceKind
                let to = lineTo ?? lineFrom
                parts.append(to > lineFrom ? "\(kind) 第\(lineFrom)–\(to)行" : "\(kind) 第\(lineFrom)行")
            }
            if let note { parts.append(note) }
            return parts.joined(separator: "；")
        }

        /// A short mark for print: 正56, 表1193, 算.
        public var mark: String {
            guard let sourceKind, let lineFrom else { return "算" }
            return (["table": "表", "text": "正", "chart": "图"][sourceKind] ?? sourceKind) + String(lineFrom)
        }
    }

    /// A finding of the audit, with the lines it points at.
    public struct Finding: Sendable {
        public var severity: String
        public var ruleID: String
        public var message: String
        public var figures: [Figure]
        public var expected: String?
        public var stated: String?
        public var difference: String?
        public var excerpt: [ExcerptLine]

        public init(severity: String, ruleID: String, message: String, figures: [Figure], expected: String?, stated: String?,
                    difference: String?, excerpt: [ExcerptLine]) {
            self.severity = severity
            self.ruleID = ruleID
            self.message = message
            self.figures = figures
            self.expected = expected
            self.stated = stated
            self.difference = difference
            self.excerpt = excerpt
        }
    }

    /// A figure a finding involves, as printed, with its source.
    public struct Figure: Sendable {
        public var label: String
        public var printed: String?
        public var source: Provenance

        public init(label: String, printed: String?, source: Provenance) {
            self.label = label
            self.printed = printed
            self.source = source
        }
    }

    /// One line of the document; `text` is nil when the report has no copy of it.
    public struct ExcerptLine: Sendable {
        public var number: Int
        public var text: String?
        /// Figures to highlight in the line.
        public var highlights: [String]

        public init(number: Int, text: String?, highlights: [String]) {
            self.number = number
            self.text = text
            self.highlights = highlights
        }
    }

    /// The severities in the order the report lists them, with their Chinese names.
    public static let severities: [(id: String, name: String)] = [("error", "错误"), ("warning", "警告"), ("info", "提示")]
}
