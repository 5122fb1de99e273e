import Core

/// How the compiled SQL reads one kind of document.
extension DocumentKind {
    /// The fact column the document's own figures stand in: 决算数 (`actual`) or 预算数 (`budget`).
    var amountColumn: String { self == .final ? "actual" : "budget" }

    /// How a budget query ranks a key's printed occurrences (a final account's are chosen by
    /// the writer, `fact.chosen`): the year's own budget first, the 部门预算 before the 单位预算
    /// (as `execution` reads them), then table > text > chart, printed before derived, the
    /// earliest line.
    static let budgetPrecedence = """
        abs(vd.year - vf.year), vd.scope != '部门', CASE vf.source_kind WHEN 'table' THEN 0 WHEN 'text' THEN 1 ELSE 2 END, \
        vf.derived, vf.line_from, vf.id
        """
}

/// A year and the document its figures are read from.
struct DocumentYear: Hashable, Sendable {
    var year: Int
    var kind: DocumentKind

    init(_ year: Int, _ kind: DocumentKind = .final) {
        self.year = year
        self.kind = kind
    }
}
