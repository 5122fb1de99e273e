import Core

/// A clause found where a statement's clauses may stand.
enum Clause: Equatable {
    case year
    case keyword(Keyword)
}

/// The clauses a statement allows and those already seen (each may appear once).
struct ClauseTracker {
    /// Keywords that start a clause of this statement.
    let allowed: [Keyword]
    /// True when a bare year is a clause (`summary 2023`, `source 201 2023`).
    let acceptsYear: Bool
    /// True when a year qualified by its document is a clause (`summary 预算 2025`,
    /// `breakdown 201 预算 2025`).
    let acceptsDocumentYear: Bool
    /// Where a statement refuses a qualified year at a clause position: the hint saying why.
    let kindRefusal: String?
    private var seen: Set<String> = []

    init(allowed: [Keyword], acceptsYear: Bool = false, acceptsDocumentYear: Bool = false, kindRefusal: String? = nil) {
        self.allowed = allowed
        self.acceptsYear = acceptsYear
        self.acceptsDocumentYear = acceptsDocumentYear
        self.kindRefusal = kindRefusal
    }

    /// The keywords at which a name inside this statement stops.
    var stops: Set<Keyword> { Set(allowed) }

    /// The name under which a clause keyword is tracked; `basic` and `project` are one clause.
    static func name(of keyword: Keyword) -> String {
        keyword == .basic || keyword == .project || keyword == .with ? "basic/project" : keyword.rawValue
    }

    /// True when the clause `name` was given.
    func hasSeen(_ name: String) -> Bool { seen.contains(name) }

    /// Records a clause, throwing Q108 when it was already given.
    mutating func record(_ name: String, at span: SourceSpan) throws(SyntaxError) {
        guard seen.insert(name).inserted else { throw .duplicateClause(name, at: span) }
    }

    /// "年份、「in」、「for」或语句结束" — what may still stand at a clause position, for messages.
    var expected: String {
        let year = acceptsYear && !seen.contains("年份") ? ["年份"] : []
        let keywords = allowed.filter { !seen.contains(ClauseTracker.name(of: $0)) }
        let items = year + keywords.map { "「\($0.rawValue)」" }
        return items.isEmpty ? "语句结束" : items.joined(separator: "、") + "或语句结束"
    }
}
