import Core

/// Notes for a year whose column is blank for a unit (SPEC §6 "Nothing silent").
extension SQLCompiler {
    /// Rows `columns` (SQL over `n.unit_id` and `n.ord`) then a note, one for each unit in
    /// `scope` for which `hasValue` (a condition on `s.unit_id`) is false: a budget year
    /// without a budget document covering it, or a document (of `year`'s kind, covering it)
    /// that prints no figure of `title`. A missing 决算 is noted before the query runs
    /// (ScopeNotes), so it gets no row here.
    /// `after`: columns after the note (e.g. the ordering a statement sorts by).
    static func blankYearNotes(_ year: DocumentYear, year bound: String, title: String, hasValue: String, columns: String,
                               after: String = "") -> String {
        let kind = year.kind.rawValue
        func has(_ offset: String) -> String {
            "EXISTS (SELECT 1 FROM disclosure vd WHERE vd.unit_id = s.unit_id AND vd.kind = '\(kind)' AND vd.year = \(bound)\(offset))"
        }
        let uncovered = year.kind == .budget ? "'「' || u.name || '」没有 ' || \(bound) || ' 年的预算文件（部门预算或单位预算）'" : "NULL"
        return """
            SELECT \(columns), n.note\(after.isEmpty ? "" : ", " + after) FROM (
                SELECT s.unit_id, s.ord,
                       CASE WHEN \(has("")) THEN '「' || u.name || '」的 ' || \(bound) || ' 年\(kind)没有「' || \(title) || '」的数值'
                            WHEN \(has(" + 1")) THEN '「' || u.name || '」没有 ' || \(bound) || ' 年的\(kind)，其 ' || (\(bound) + 1)
                                 || ' 年\(kind)也未列出「' || \(title) || '」的上年数值'
                            ELSE \(uncovered) END AS note
                FROM scope s JOIN unit u ON u.id = s.unit_id
                WHERE NOT (\(hasValue))
            ) n WHERE n.note IS NOT NULL
            """
    }
}
