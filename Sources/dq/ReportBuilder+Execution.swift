import Core
import Render

/// 预算执行: for a unit and year with both a final account and a budget, each key figure as
/// `execution SUBJECT Y` reads it — the budget document's 预算数, the 年初预算 the final
/// account prints, the 决算数, their difference, the execution rate and the restatement —
/// one row per subject, every number sourced in the document it comes from.
extension ReportBuilder {
    /// The subjects of the section, in the order of the summary, 三公 by part.
    static let executionSubjects = ["本年收入合计", "本年支出合计", "基本支出", "项目支出", "财政拨款支出", "一般公共预算财政拨款支出",
                                    "三公经费", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费", "机关运行经费"]

    /// The section, nil unless `loaded` holds both a 决算 and a 预算 of the disclosure's unit and year.
    func executionTable(_ disclosure: Disclosure, among loaded: [Disclosure]) -> AuditReport.Table? {
        let same = loaded.filter { $0.unitID == disclosure.unitID && $0.year == disclosure.year }
        guard let final = same.first(where: { $0.kind == "决算" }), let budget = ReportKind.budgetRead(for: disclosure, among: same)
        else { return nil }
        let year = disclosure.year
        let printed = (try? occurrences(unitID: disclosure.unitID)) ?? [:]
        var shape: ResultShape?
        var rows: [ResultRow] = []
        var sources: [[AuditReport.Provenance?]] = []
        for subject in Self.executionSubjects {
            guard let (resultShape, result) = try? collect("execution \(subject) \(year) \(Self.unitClause(disclosure))"),
                  let row = result.first else { continue }
            shape = resultShape
            var cells = row.cells
            cells[0] = .text(subject)
            rows.append(ResultRow(cells: cells, derivedCells: row.derivedCells))
            let figures = printed[measureName(subject) ?? subject] ?? []
            sources.append(resultShape.columns.enumerated().map { index, column -> AuditReport.Provenance? in
                guard index < cells.count, case .integer(let value) = cells[index] else { return nil }
                return executionSource(column.name, value: value, year: year, figures: figures, final: final, budget: budget)
            })
        }
        guard var shape, !rows.isEmpty else { return nil }
        shape.columns[0] = ResultColumn(name: "item", title: "项目", kind: .text)
        return AuditReport.Table(
            title: "预算执行（\(budget.document) 与 \(final.document)）", statement: "execution 主题 \(year)（主题依次为：\(Self.executionSubjects.joined(separator: "、"))）",
            shape: shape, rows: rows, sources: sources, chart: false)
    }

    /// Where one cell of an execution row comes from: the budget document's 预算数, the final
    /// account's 年初预算 (年初预算数 column, else 预算数) or 决算数, or how it is computed.
    private func executionSource(_ column: String, value: Int64, year: Int, figures: [Occurrence],
                                 final: Disclosure, budget: Disclosure) -> AuditReport.Provenance {
        func printed(in disclosure: Disclosure, columns: [String], note: String) -> AuditReport.Provenance {
            for name in columns {
                if let figure = figures.first(where: { $0.disclosureID == disclosure.id && $0.column == name && $0.year == year && $0.value == value }) {
                    return AuditReport.Provenance(sourceKind: figure.sourceKind, lineFrom: figure.lineFrom, lineTo: figure.lineTo,
                                                  note: figure.derived ? note + "；推算" : note)
                }
            }
            if let other = figures.first(where: { $0.kind == disclosure.kind && $0.year == year && $0.value == value && columns.contains($0.column) }) {
                return AuditReport.Provenance(sourceKind: other.sourceKind, lineFrom: other.lineFrom, lineTo: other.lineTo,
                                              note: "\(other.disclosureYear)年" + (other.kind == "预算" ? other.scope : "") + other.kind)
            }
            return AuditReport.Provenance(sourceKind: nil, lineFrom: nil, lineTo: nil, note: "未找到此数在文件中的出处")
        }
        switch column {
        case "budget_document": return printed(in: budget, columns: ["budget"], note: budget.document)
        case "budget_initial": return printed(in: final, columns: ["budget_initial", "budget"], note: "决算所载年初预算")
        case "amount": return printed(in: final, columns: ["actual"], note: final.document)
        case "difference": return Self.computed("计算：决算数 − 预算（预算文件，没有时为年初预算）")
        case "execution": return Self.computed("计算：决算数 ÷ 预算（预算文件，没有时为年初预算），四舍五入到 0.01%")
        case "restated": return Self.computed("计算：年初预算（决算所载）− 预算（预算文件）")
        default: return Self.computed("计算")
        }
    }

    private static func computed(_ note: String) -> AuditReport.Provenance {
        AuditReport.Provenance(sourceKind: nil, lineFrom: nil, lineTo: nil, note: note)
    }
}
