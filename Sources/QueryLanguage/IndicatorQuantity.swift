/// An indicator's 指标值 or 完成值 read as a number with a unit, in SQL over the printed text:
/// hundredths of the printed number (`80` → 8000, `0.5` → 50, `100%` → 10000), NULL when
/// the text is not a plain number with at most two decimals; the unit is `%` when the text
/// ends with a percent sign, else the indicator's 度量单位. The text itself stays as printed.
enum IndicatorQuantity {
    /// The value and unit SQL of column `column` of indicator `i`.
    static func field(named name: String, column: String) -> Field {
        let text = "trim(\(column))"
        let number = "trim(replace(replace(\(text), '％', ''), '%', ''))"
        let value = """
            (CASE WHEN length(\(number)) BETWEEN 1 AND 15 AND \(number) GLOB '[0-9]*' AND \(number) NOT GLOB '*[^0-9.]*' \
            AND \(number) NOT GLOB '*.*.*' AND \(number) NOT GLOB '*.' THEN \
            CASE WHEN instr(\(number), '.') = 0 THEN CAST(\(number) AS INTEGER) * 100 \
            WHEN length(\(number)) - instr(\(number), '.') = 1 THEN CAST(replace(\(number), '.', '') AS INTEGER) * 10 \
            WHEN length(\(number)) - instr(\(number), '.') = 2 THEN CAST(replace(\(number), '.', '') AS INTEGER) END END)
            """
        let unit = "(CASE WHEN substr(\(text), -1) IN ('%', '％') THEN '%' ELSE replace(coalesce(trim(i.unit), ''), '％', '%') END)"
        return Field(name: name, sql: value, type: .quantity, unitSQL: unit)
    }
}
