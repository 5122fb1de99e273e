import Foundation
import QueryLanguage
import Store

/// Tab completion by context: a meta-command's argument (formats, units, on/off, file
/// names, tables), table and column names inside `sql`, statements after `explain`, and
/// otherwise the language's own candidates — only those that the parser reads back as one
/// name (an alias such as `"三公"经费` is left out).
struct ShellCompleter: Sendable {
    /// What replaces the word being completed, and what a list of matches shows.
    struct Suggestion: Hashable, Sendable {
        var text: String
        var display: String
    }

    let language: Completer
    /// Each table and view of the open database with its columns.
    let tables: [String: [String]]

    init(language: Completer, database: Database) {
        self.language = language
        var tables: [String: [String]] = [:]
        let rows = (try? database.query("""
            SELECT m.name, p.name FROM (\(Self.userTables)) AS m JOIN pragma_table_info(m.name) AS p
            """)) ?? []
        for row in rows {
            guard row.count == 2, case .text(let table) = row[0], case .text(let column) = row[1] else { continue }
            tables[table, default: []].append(column)
        }
        self.tables = tables
    }

    /// The tables (a full-text index counts as one, its shadow tables not) and views a user's
    /// SQL may name: `name`, `type`.
    static let userTables = """
        SELECT name, CASE type WHEN 'view' THEN 'view' ELSE 'table' END AS type FROM pragma_table_list \
        WHERE schema = 'main' AND type IN ('table', 'view', 'virtual') AND name NOT LIKE 'sqlite_%'
        """

    static let sqlKeywords = ["SELECT", "FROM", "WHERE", "JOIN", "LEFT", "ON", "GROUP", "BY", "ORDER", "HAVING", "LIMIT",
                              "AS", "AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "DISTINCT", "COUNT", "SUM", "WITH"]

    func candidates(before: String, word: String) -> [Suggestion] {
        let words = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return parseable(language(before, word)) }
        if first.hasPrefix(".") {
            guard let command = MetaCommand.named(first) else { return [] }
            return argument(of: command, before: words.dropFirst().joined(separator: " "), word: word)
        }
        switch first.lowercased() {
        case "sql": return sql(words: Array(words.dropFirst()), word: word)
        case "explain":
            let rest = words.dropFirst().joined(separator: " ")
            return statement(before: rest.isEmpty ? "" : rest + " ", word: word)
        default: return parseable(language(before, word))
        }
    }

    private func argument(of command: MetaCommand, before: String, word: String) -> [Suggestion] {
        switch command.completion {
        case .nothing: return []
        case .words(let options): return matching(options, word)
        case .files: return before.isEmpty ? Self.files(matching: word) : []
        case .tables: return before.isEmpty ? matching(tables.keys.sorted(), word) : []
        case .statements: return statement(before: before.isEmpty ? "" : before + " ", word: word)
        }
    }

    /// A statement (no meta-commands) completed as at the start of a line.
    private func statement(before: String, word: String) -> [Suggestion] {
        parseable(language(before, word)).filter { !$0.text.hasPrefix(".") }
    }

    private func sql(words: [String], word: String) -> [Suggestion] {
        let previous = words.last?.uppercased()
        if ["FROM", "JOIN", "INTO", "TABLE", "UPDATE"].contains(previous) { return matching(tables.keys.sorted(), word) }
        let mentioned = words.filter { tables[$0] != nil }
        let columns = (mentioned.isEmpty ? Array(tables.keys) : mentioned).flatMap { tables[$0] ?? [] }
        let keywords = word.first?.isLowercase == true ? Self.sqlKeywords.map { $0.lowercased() } : Self.sqlKeywords
        return matching(Array(Set(columns)).sorted() + tables.keys.sorted() + keywords, word)
    }

    /// Keeps candidates the lexer reads back as exactly one word, number or code.
    private func parseable(_ candidates: [Suggestion]) -> [Suggestion] {
        candidates.filter { candidate in
            if candidate.text.hasPrefix(".") { return true }
            let tokens = Lexer.tokenize(candidate.text).tokens.filter { $0.kind != .end }
            guard tokens.count == 1, let token = tokens.first else { return false }
            return token.kind != .string && token.kind != .symbol
        }
    }

    private func language(_ before: String, _ word: String) -> [Suggestion] {
        language.candidates(before: before, word: word).map { Suggestion(text: $0.text, display: $0.display) }
    }

    private func matching(_ options: [String], _ word: String) -> [Suggestion] {
        var seen: Set<String> = []
        return options.filter { $0.lowercased().hasPrefix(word.lowercased()) && seen.insert($0).inserted }
            .map { Suggestion(text: $0, display: $0) }
    }

    /// Files and directories (with `/`) whose path starts with `word`; hidden ones only when
    /// the name typed so far starts with a dot.
    static func files(matching word: String) -> [Suggestion] {
        let slash = word.lastIndex(of: "/")
        let directory = slash.map { String(word[...$0]) } ?? ""
        let prefix = slash.map { String(word[word.index(after: $0)...]) } ?? word
        let listed = directory.isEmpty ? "." : (directory.hasPrefix("~/") ? NSHomeDirectory() + directory.dropFirst() : directory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: listed) else { return [] }
        return names.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: listed + "/" + name, isDirectory: &isDirectory)
            let text = directory + name + (isDirectory.boolValue ? "/" : "")
            return Suggestion(text: text, display: name + (isDirectory.boolValue ? "/" : ""))
        }
    }
}
