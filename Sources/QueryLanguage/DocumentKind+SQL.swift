import Core

/// How the compiled SQL reads one kind of document.
extension DocumentKind {
    /// The fact column the document's own figures stand in: 决算数 (`actual`) or 预算数 (`budget`).
    var amountColumn: String { self == .final ? "actual" : "budget" }

    /// Ordering keys put before `SQLBuilder.precedence`: among budgets of the same year the
    /// 部门预算 before the 单位预算 (as `execution` reads them); nothing for the final account.
    var precedencePrefix: String { self == .budget ? "abs(vd.year - vf.year), vd.scope != '部门', " : "" }
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
