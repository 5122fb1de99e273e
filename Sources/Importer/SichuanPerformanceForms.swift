import Core

/// Reads the 部门预算项目支出绩效自评表 of a Sichuan document. In the Word text each cell is a
/// line starting with a TAB (an empty cell is a line holding only the tab); a blank line
/// ends a table row.
enum SichuanPerformanceForms {
    struct Cell {
        var line: Int
        var text: String
    }

    static let formTitle = SichuanPattern(#"^部门预算项目支出绩效自评表"#)
    static let projectCode = SichuanPattern(#"^([0-9A-Za-z]{10,})[-－—](.+)$"#)

    static let fundingRows: [String: String] = [
        "总额": "total", "其中：财政资金": "fiscal", "财政资金": "fiscal", "财政专户管理资金": "special_account",
        "单位资金": "unit_funds", "其他资金": "other",
    ]
    static let operators: [String: String] = [
        "＝": "=", "=": "=", "＞": ">", ">": ">", "＜": "<", "<": "<", "≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=",
        "定性": "qualitative",
    ]

    /// The forms in document order, and the lines they cover.
    static func read(_ lines: [String]) -> (projects: [ImportedProject], lines: Set<Int>) {
        var projects: [ImportedProject] = []
        var covered: Set<Int> = []
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var formStart: Int?

        func endRow() {
            if !row.isEmpty { rows.append(row); row = [] }
        }
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            guard raw.hasPrefix("\t") else {
                if formStart != nil { endRow() }
                continue
            }
            let text = String(raw.dropFirst()).sichuanTrimmed
            if formTitle.matches(text) {
                formStart = number
                rows = []
                row = []
                continue
            }
            guard let start = formStart else { continue }
            row.append(Cell(line: number, text: text))
            if text.hasPrefix("财务负责人") {
                endRow()
                if let project = project(rows: rows, from: start, to: number) { projects.append(project) }
                covered.formUnion(start...number)
                formStart = nil
            }
        }
        return (projects, covered)
    }

    static func project(rows: [[Cell]], from start: Int, to end: Int) -> ImportedProject? {
        let cells = rows.flatMap { $0 }
        func after(_ label: (String) -> Bool) -> Cell? {
            guard let index = cells.firstIndex(where: { label($0.text) }) else { return nil }
            return cells[(index + 1)...].first { !$0.text.isEmpty }
        }
        guard let nameCell = after({ $0 == "项目名称" }) else { return nil }
        var project: ImportedProject
        if let m = projectCode.first(in: nameCell.text) {
            project = ImportedProject(code: m[1], name: m[2]!.sichuanTrimmed, hasForm: true, lineFrom: start, lineTo: end)
        } else {
            project = ImportedProject(name: nameCell.text, hasForm: true, lineFrom: start, lineTo: end)
        }
        project.department = after { $0 == "主管部门" }?.text
        project.implementer = after { $0.hasPrefix("实施单位") }?.text
        if let index = cells.firstIndex(where: { $0.text == "年度目标完成情况" }) {
            let values = cells[(index + 1)...].prefix { !$0.text.hasPrefix("2.项目实施内容") }.filter { !$0.text.isEmpty }
            project.annualGoal = values.first?.text
            project.goalAchieved = values.dropFirst().first?.text
        }
        project.overview = after { $0.hasPrefix("2.项目实施内容") }?.text
        project.conclusion = after { $0 == "评价结论" }?.text
        project.problems = after { $0 == "存在问题" }?.text
        project.improvements = after { $0 == "改进措施" }?.text
        project.owner = cells.first { $0.text.hasPrefix("项目负责人") }.map { value(afterColon: $0.text) }
        project.financeOwner = cells.first { $0.text.hasPrefix("财务负责人") }.map { value(afterColon: $0.text) }

        // 预算执行情况 rows, then 绩效指标 rows.
        var section = ""
        var level1: String?
        var level2: String?
        for row in rows {
            let first = row.first { !$0.text.isEmpty }?.text ?? ""
            if first.hasPrefix("预算执行情况") { section = "budget"; continue }
            if first.hasPrefix("绩效指标") { section = "indicators"; continue }
            if ["评价结论", "存在问题", "改进措施"].contains(first) || first.hasPrefix("项目负责人") { section = ""; continue }
            switch section {
            case "budget":
                guard let labelIndex = row.firstIndex(where: { fundingRows[$0.text] != nil }) else { continue }
                let fundingRow = fundingRows[row[labelIndex].text]!
                let fields = ["initial", "adjusted", "executed", "rate", "weight", "score"]
                for (offset, field) in fields.enumerated() {
                    let position = labelIndex + 1 + offset
                    guard position < row.count else { break }
                    let cell = row[position]
                    guard !cell.text.isEmpty, cell.text != "/" else { continue }
                    if let figure = figure(fundingRow: fundingRow, field: field, cell: cell) { project.figures.append(figure) }
                }
            case "indicators":
                let seq = project.indicators.count
                _ = seq
                if first == "合计" {
                    let index = row.firstIndex { $0.text == "合计" }!
                    let rest = Array(row[(index + 1)...])
                    let last = row.last { !$0.text.isEmpty }!
                    project.indicators.append(ImportedIndicator(
                        level1: "合计", weightCenti: rest.first.flatMap { SichuanNumbers.centi($0.text) },
                        scoreCenti: rest.dropFirst().first.flatMap { SichuanNumbers.centi($0.text) },
                        reason: rest.dropFirst(2).first.flatMap { $0.text.isEmpty ? nil : $0.text },
                        isTotal: true, lineFrom: row[index].line, lineTo: last.line))
                    continue
                }
                func text(_ i: Int) -> String? { i < row.count && !row[i].text.isEmpty ? row[i].text : nil }
                if let l1 = text(1) { level1 = l1; level2 = nil }
                if let l2 = text(2) { level2 = l2 }
                let printedOperator = text(4)
                guard let last = row.last(where: { !$0.text.isEmpty }) else { continue }
                project.indicators.append(ImportedIndicator(
                    level1: level1, level2: level2, level3: text(3), operatorPrinted: printedOperator,
                    normalizedOperator: printedOperator.flatMap { operators[$0] }, target: text(5), unit: text(6), actual: text(7),
                    weightCenti: text(8).flatMap(SichuanNumbers.centi), scoreCenti: text(9).flatMap(SichuanNumbers.centi),
                    reason: text(10), lineFrom: row[0].line, lineTo: last.line))
            default:
                continue
            }
        }
        return project
    }

    static func value(afterColon text: String) -> String {
        if let index = text.firstIndex(where: { $0 == "：" || $0 == ":" }) {
            return String(text[text.index(after: index)...]).sichuanTrimmed
        }
        return text
    }

    static func figure(fundingRow: String, field: String, cell: Cell) -> ImportedProjectFigure? {
        let provenance = Provenance("table", cell.line)
        switch field {
        case "rate":
            guard let (scaled, decimals) = SichuanNumbers.rate(cell.text) else { return nil }
            return ImportedProjectFigure(fundingRow: fundingRow, field: field, rateScaled: scaled, rateDecimals: decimals,
                                         printed: cell.text, provenance: provenance)
        case "weight", "score":
            guard let centi = SichuanNumbers.centi(cell.text) else { return nil }
            return ImportedProjectFigure(fundingRow: fundingRow, field: field, pointsCenti: centi, printed: cell.text, provenance: provenance)
        default:
            guard let fen = SichuanNumbers.fen(cell.text) else { return nil }
            return ImportedProjectFigure(fundingRow: fundingRow, field: field, amountFen: fen, printed: cell.text, provenance: provenance)
        }
    }
}
