import Core

/// 无数字的单元格按表的写法填 0.00：一张表在某栏中以“0.00”（或“0”）填写无数字的单元格，
/// 同一栏中另有科目行空白，为前后不一的模板填写（提示级；整张表都以空白表示无数字的不报）。
/// 一张表的空白单元格合为一条。
enum R9BlankCells: AuditRule {
    static let id = "R9.blank-cells"
    static let family = "R"
    static let invariant = "表中以 0.00 填写的栏目里没有空白单元格"

    static func evaluate(_ document: AuditDocument) -> RuleOutcome {
        let tables = TableRuleSupport.codeTables(document).filter { $0.facts.first?.sourceKind == "table" }
        guard !tables.isEmpty else { return .notApplicable("没有按科目列示的表") }
        var findings: [Finding] = [], checked = 0
        for table in tables {
            // The columns in which this table writes a zero out.
            let zeroColumns = Set(table.facts.filter { $0.amountFen == 0 && $0.printed != nil }.map { $0.fund + "|" + $0.column })
            guard !zeroColumns.isEmpty else { continue }
            var blanks: [(row: AuditFact, column: String)] = []
            for key in table.keys where zeroColumns.contains(key.fund + "|" + key.column) {
                for code in table.codes(fund: key.fund) {
                    checked += 1
                    guard table.fact(code, fund: key.fund, column: key.column) == nil,
                          let row = table.facts.first(where: { $0.code == code && $0.fund == key.fund }) else { continue }
                    blanks.append((row, key.column))
                }
            }
            guard !blanks.isEmpty else { continue }
            let cells = blanks.map { blank in
                "\(document.label(blank.row))的“\(TableRuleSupport.columnNames[blank.column] ?? blank.column)”（第 \(blank.row.lineFrom) 行）"
            }
            findings.append(Finding(
                ruleID: id, family: family, severity: .info,
                message: "\(table.name)在同一栏中以 0.00 填写无数字的单元格，却有 \(blanks.count) 处空白：" + cells.joined(separator: "；"),
                figures: blanks.map { FindingFigure(label: document.label($0.row) + "（空白）", printed: nil, sourceKind: "table",
                                                   lineFrom: $0.row.lineFrom, lineTo: $0.row.lineTo) },
                expected: "0.00", stated: "空白", disclosureID: document.disclosureID))
        }
        if !findings.isEmpty { return .fail(findings) }
        return checked == 0 ? .notApplicable("表中无数字的单元格均为空白（表的写法），不核对") : .pass(checked: checked)
    }
}
