import Foundation
import Core

/// `codes`, `units`, `years`, `subjects` and `find`: what is loaded and searchable.
extension SQLCompiler {
    func codes(_ prefix: String?, _ like: String?, _ b: inout SQLBuilder) -> SQLQuery {
        var conditions: [String] = []
        if let prefix { conditions.append("substr(c.code, 1, \(b.bind(prefix.count))) = \(b.bind(prefix))") }
        if let like { conditions.append("instr(c.name, \(b.bind(like))) > 0") }
        let text = """
            SELECT c.code, c.name, c.scheme, c.level FROM (
                SELECT code, name, '功能分类' AS scheme, level FROM func_code WHERE to_year IS NULL
                UNION ALL
                SELECT code, name, '经济分类', level FROM econ_code WHERE to_year IS NULL
            ) c
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY c.code
            """
        let columns = [
            ResultColumn(name: "code", title: "科目编码", kind: .text),
            ResultColumn(name: "name", title: "科目名称", kind: .text),
            ResultColumn(name: "scheme", title: "分类", kind: .text),
        ]
        return SQLQuery(text: text, parameters: b.parameters, shape: ResultShape(columns: columns, hasLevels: true),
                        layout: RowLayout(level: 3))
    }

    func unitList() -> SQLQuery {
        let text = """
            SELECT u.name, u.region, u.kind, parent.name,
                   (SELECT group_concat(alias, '、') FROM (SELECT alias FROM unit_alias a WHERE a.unit_id = u.id ORDER BY alias)),
                   (SELECT group_concat(label, '、') FROM (
                      SELECT d.year || CASE d.kind WHEN '决算' THEN '' ELSE d.scope || d.kind END
                             || CASE d.template WHEN 'partial' THEN '（部分）' ELSE '' END AS label FROM disclosure d
                      WHERE d.unit_id = u.id GROUP BY label ORDER BY min(d.year), min(d.kind = '预算'), min(d.scope = '单位'))),
                   CASE WHEN u.parent_id IS NULL THEN 1 ELSE 2 END
            FROM unit u LEFT JOIN unit parent ON parent.id = u.parent_id
            ORDER BY coalesce(u.parent_id, u.id), u.parent_id IS NOT NULL, u.name, u.id
            """
        let columns = [
            ResultColumn(name: "name", title: "单位", kind: .text),
            ResultColumn(name: "region", title: "地区", kind: .text),
            ResultColumn(name: "kind", title: "类型", kind: .text),
            ResultColumn(name: "parent", title: "上级部门", kind: .text),
            ResultColumn(name: "aliases", title: "别名", kind: .text),
            ResultColumn(name: "years", title: "已载入年度", kind: .text),
        ]
        return SQLQuery(text: text, parameters: [], shape: ResultShape(columns: columns, hasLevels: true), layout: RowLayout(level: 6))
    }

    func yearList() -> SQLQuery {
        let text = """
            SELECT d.year, count(DISTINCT d.unit_id), count(*),
                   (SELECT group_concat(label, '、') FROM (
                     SELECT u.name || CASE WHEN max(x.kind = '预算' OR x.partial) THEN '（' || group_concat(x.label, '、') || '）' ELSE '' END AS label
                     FROM (SELECT unit_id, kind, template = 'partial' AS partial,
                                  CASE kind WHEN '决算' THEN '决算' ELSE scope || kind END
                                  || CASE template WHEN 'partial' THEN '，部分' ELSE '' END AS label FROM disclosure
                           WHERE year = d.year ORDER BY kind = '预算', scope = '单位') x
                     JOIN unit u ON u.id = x.unit_id GROUP BY u.id ORDER BY u.name))
            FROM disclosure d GROUP BY d.year ORDER BY d.year
            """
        let columns = [
            ResultColumn(name: "year", title: "年度", kind: .integer),
            ResultColumn(name: "units", title: "单位数", kind: .integer),
            ResultColumn(name: "disclosures", title: "文件数", kind: .integer),
            ResultColumn(name: "unit_names", title: "单位", kind: .text),
        ]
        return SQLQuery(text: text, parameters: [], shape: ResultShape(columns: columns), layout: RowLayout())
    }

    func subjectList() -> SQLQuery {
        let text = """
            WITH RECURSIVE tree(id, level, path) AS (
                SELECT id, 1, printf('%06d', sort_order) FROM measure WHERE parent_id IS NULL
                UNION ALL
                SELECT m.id, t.level + 1, t.path || '.' || printf('%06d', m.sort_order) FROM measure m JOIN tree t ON m.parent_id = t.id
            )
            SELECT m.name_zh, m.name_en,
                   (SELECT group_concat(alias, '、') FROM (SELECT alias FROM measure_alias a WHERE a.measure_id = m.id ORDER BY alias)),
                   f.name_zh,
                   CASE m.value_kind WHEN 'money' THEN '金额' WHEN 'points' THEN '分值' ELSE '数量（' || m.count_unit || '）' END,
                   t.level
            FROM tree t JOIN measure m ON m.id = t.id JOIN fund f ON f.id = m.fund_id
            ORDER BY t.path
            """
        let columns = [
            ResultColumn(name: "name", title: "主题", kind: .text),
            ResultColumn(name: "name_en", title: "英文名", kind: .text),
            ResultColumn(name: "aliases", title: "别名", kind: .text),
            ResultColumn(name: "fund", title: "资金范围", kind: .text),
            ResultColumn(name: "kind", title: "数值类型", kind: .text),
        ]
        return SQLQuery(text: text, parameters: [], shape: ResultShape(columns: columns, hasLevels: true), layout: RowLayout(level: 5))
    }

    /// The paragraphs of the units in scope that contain `text`, found through the trigram
    /// full-text index or by a scan of those units' paragraphs (`ParagraphSearch`).
    func find(_ units: UnitScope, _ text: String, _ b: inout SQLBuilder) -> SQLQuery {
        let scope = b.scopeCTE(units)
        let match: String
        switch ParagraphSearch(units: units, text: text) {
        case .fullText:
            // Doubled per scalar: a `"` followed by a combining mark is one Character, which a
            // Character replacement would miss, ending the phrase early.
            var phrase = String.UnicodeScalarView([Unicode.Scalar(0x22)!])
            for scalar in text.unicodeScalars {
                phrase.append(scalar)
                if scalar == "\"" { phrase.append(scalar) }
            }
            phrase.append("\"")
            // `+p.id`: membership in the materialized search result, never a driver of the
            // join (which would read the matches once per unit in scope).
            match = "+p.id IN (SELECT rowid FROM paragraph_fts WHERE paragraph_fts MATCH \(b.bind(String(phrase))))"
        case .scan:
            match = "instr(p.body, \(b.bind(text))) > 0"
        }
        let needle = b.bind(text)
        let at = "max(instr(p.body, \(needle)), 1)"
        let excerpt = """
            CASE WHEN \(at) > 21 THEN '…' ELSE '' END || substr(p.body, max(1, \(at) - 20), length(\(needle)) + 40)
             || CASE WHEN \(at) + length(\(needle)) + 20 <= length(p.body) THEN '…' ELSE '' END
            """
        // The line the match is on: the last line start (`line_starts`, 'offset:line' pairs read
        // as one flat JSON array) at or before it, else the paragraph's first line.
        let starts = "'[' || replace(p.line_starts, ':', ',') || ']'"
        let line = """
            coalesce((SELECT l.value FROM json_each(\(starts)) o JOIN json_each(\(starts)) l ON l.key = o.key + 1 \
            WHERE o.key % 2 = 0 AND o.value <= \(at) - 1 ORDER BY o.key DESC LIMIT 1), p.line_from)
            """
        let sql = """
            WITH \(scope)
            SELECT d.year, \(line), CASE p.source_kind WHEN 'residue' THEN '批注' ELSE '正文' END,
                   \(excerpt), p.section, u.name
            FROM scope s
            CROSS JOIN disclosure d ON d.unit_id = s.unit_id
            CROSS JOIN paragraph p ON p.disclosure_id = d.id
            JOIN unit u ON u.id = s.unit_id
            WHERE \(match)
            ORDER BY s.ord, d.year, p.line_from, p.id
            """
        let columns = [
            ResultColumn(name: "year", title: "年度", kind: .integer),
            ResultColumn(name: "line", title: "行号", kind: .integer),
            ResultColumn(name: "kind", title: "类型", kind: .text),
            ResultColumn(name: "excerpt", title: "摘录", kind: .text),
            ResultColumn(name: "section", title: "章节", kind: .text),
        ]
        return SQLQuery(text: sql, parameters: b.parameters, shape: ResultShape(columns: columns, hasBlocks: true),
                        layout: RowLayout(block: 5))
    }
}
