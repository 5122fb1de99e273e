import Core
import QueryLanguage

/// Which kind of document `dq report` covers: 决算 (final accounts) or 预算 (budgets).
///
/// `--kind` names it (决算/final, 预算/budget). Without it the scope decides: the kind it
/// holds when it holds one; 决算 when every budget in it has the final account of the same
/// unit and year (whose 预算执行 section sets the two side by side); otherwise the request is
/// ambiguous and refused, naming a budget without its final account.
enum ReportKind {
    /// The request names no kind and the scope holds budgets apart from its final accounts.
    struct Ambiguous: Error, CustomStringConvertible {
        let finals: Int
        let budgets: Int
        /// A budget with no final account of its unit and year (2025年部门预算 of a unit).
        let example: String

        var description: String {
            "范围内既有决算（\(finals) 份）又有预算（\(budgets) 份），且\(example)没有同年决算；"
                + "请用 --kind 决算 或 --kind 预算 指明底稿所用的文件（也可用 --for、--year 缩小范围）"
        }
    }

    /// The kind `text` names as the language names it (决算, 预算, or final, budget), nil for
    /// anything else.
    static func parse(_ text: String) -> String? {
        DocumentKind(word: text)?.rawValue
    }

    /// The kind the report covers among the scope's `disclosures`.
    static func choose(_ asked: String?, among disclosures: [ReportBuilder.Disclosure]) throws -> String {
        if let asked { return asked }
        let finals = disclosures.filter { $0.kind == "决算" }
        let budgets = disclosures.filter { $0.kind == "预算" }
        if budgets.isEmpty { return "决算" }
        if finals.isEmpty { return "预算" }
        let unpaired = budgets.first { budget in !finals.contains { $0.unitID == budget.unitID && $0.year == budget.year } }
        guard let unpaired else { return "决算" }
        throw Ambiguous(finals: finals.count, budgets: budgets.count, example: "「\(unpaired.unit)」\(unpaired.document)")
    }

    /// The budget the language reads for the disclosure's unit and year (the 部门预算, else
    /// the 单位预算: `summary 预算 Y` and the other statements read that one).
    static func budgetRead(for disclosure: ReportBuilder.Disclosure, among disclosures: [ReportBuilder.Disclosure]) -> ReportBuilder.Disclosure? {
        disclosures.filter { $0.kind == "预算" && $0.unitID == disclosure.unitID && $0.year == disclosure.year }
            .min { ($0.scope != "部门" ? 1 : 0, $0.id) < ($1.scope != "部门" ? 1 : 0, $1.id) }
    }
}
