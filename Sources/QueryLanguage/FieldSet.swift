import Core

/// The fields a statement's conditions and `order by` may name, with their Chinese aliases.
struct FieldSet {
    let entries: [(names: [String], field: Field)]
    /// Numeric readings of text fields (by field name), used where a comparison needs a number.
    var quantities: [String: Field] = [:]

    func field(named name: String) -> Field? {
        let key = NameFold.fold(name)
        return entries.first { $0.names.contains { NameFold.fold($0) == key } }?.field
    }

    var allNames: [String] { entries.flatMap(\.names) }

    private static func entry(_ names: [String], _ sql: String, _ type: ValueType) -> (names: [String], field: Field) {
        (names, Field(name: names[0], sql: sql, type: type))
    }

    /// `projects`: columns of project_value `p` and unit `u`; money fields read the 总额 row.
    static let projects = FieldSet(entries: [
        entry(["initial", "年初预算", "年初预算数"], "p.initial_fen", .money),
        entry(["adjusted", "调整后预算", "调整后预算数"], "p.adjusted_fen", .money),
        entry(["executed", "执行数", "预算执行数"], "p.executed_fen", .money),
        entry(["rate", "执行率", "预算执行率"], "p.rate_e2", .percent),
        entry(["score", "得分", "自评得分"], "p.score_centi", .points),
        entry(["weight", "权重"], "p.weight_centi", .points),
        entry(["name", "项目名称", "名称"], "p.name", .text),
        entry(["code", "项目编码", "编码"], "p.code", .text),
        entry(["unit", "单位"], "u.name", .text),
        entry(["year", "年度", "年份"], "p.year", .integer),
    ])

    /// `indicators`: columns of indicator `i`, project `p`, disclosure `d` and unit `u`.
    static let indicators = FieldSet(entries: [
        entry(["project", "项目", "项目名称"], "p.name", .text),
        entry(["level1", "一级指标"], "i.level1", .text),
        entry(["level2", "二级指标"], "i.level2", .text),
        entry(["name", "level3", "三级指标", "指标"], "i.level3", .text),
        entry(["operator", "指标性质"], "i.operator_printed", .text),
        entry(["target", "指标值"], "i.target", .text),
        entry(["measure_unit", "度量单位"], "i.unit", .text),
        entry(["actual", "完成值"], "i.actual", .text),
        entry(["weight", "权重"], "i.weight_centi", .points),
        entry(["score", "得分"], "i.score_centi", .points),
        entry(["reason", "未完成原因", "原因"], "i.reason", .text),
        entry(["unit", "单位"], "u.name", .text),
        entry(["year", "年度", "年份"], "d.year", .integer),
    ])

    /// `indicators`: `target` and `actual` compare as numbers with units (`actual < target`).
    static let indicatorsWithQuantities: FieldSet = {
        var set = indicators
        set.quantities = ["target": IndicatorQuantity.field(named: "target", column: "i.target"),
                          "actual": IndicatorQuantity.field(named: "actual", column: "i.actual")]
        return set
    }()

    /// `check where`: fields of a finding.
    static let findings = FieldSet(entries: [
        entry(["severity", "严重程度"], "severity", .text),
        entry(["rule", "规则"], "rule", .text),
        entry(["family", "类别"], "family", .text),
        entry(["message", "说明"], "message", .text),
        entry(["unit", "单位"], "unit", .text),
        entry(["year", "年度", "年份"], "year", .integer),
    ])
}
