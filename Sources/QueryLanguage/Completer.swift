import Core

/// Tab-completion candidates for the REPL: verbs and meta-commands at the start of a line,
/// then what the statement can take next — subjects (Chinese and English), fields, codes
/// (with their names), units, projects and keywords — all from the open catalog.
public struct Completer: Sendable {
    public struct Candidate: Hashable, Sendable {
        /// What replaces the word being completed.
        public var text: String
        /// What a list of matches shows (a code with its name).
        public var display: String
    }

    let catalog: Catalog
    let metaCommands: [String]

    public init(catalog: Catalog, metaCommands: [String]) {
        self.catalog = catalog
        self.metaCommands = metaCommands
    }

    /// Candidates for `word`, the text just before the cursor back to the last space;
    /// `before` is the line before that word.
    public func candidates(before: String, word: String) -> [Candidate] {
        let previous = before.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "　" }).map(String.init)
        let statementWords = Array(previous.split(separator: ";", omittingEmptySubsequences: false).last ?? [])
        let verb = statementWords.first.map(Keyword.asciiLowercased)
        let last = previous.last.map(Keyword.asciiLowercased)
        var pool: [Candidate] = []
        if statementWords.isEmpty || before.hasSuffix(";") {
            pool = Keyword.verbs.map { plain($0.rawValue) } + [plain("help")] + metaCommands.map(plain)
        } else if verb == "help" || verb == ".help" {
            pool = Keyword.verbs.map { plain($0.rawValue) }
        } else {
            switch last {
            case "for": pool = units(word)
            case "use": pool = units(word) + [plain("all")] + years() + kinds
            case "of": pool = projects(word)
            case "fund": pool = catalog.funds.map { plain($0.nameZh) } + catalog.funds.map { plain($0.id) }
            case "in", "from", "to": pool = years() + kinds
            // After a document kind (`预算 2025`, `from 预算 2023`): a year.
            case _ where last.flatMap(DocumentKind.init(word:)) != nil && Self.takesYearAfterKind(statementWords):
                pool = years() + (verb == "compare" ? DocumentKind.words.keys.sorted().map(plain) : [])
            case "with": pool = [plain("budget")]
            default:
                pool = subjects() + codes() + keywords(for: verb)
                if verb == "projects" || verb == "indicators" { pool += fields(for: verb) + projects(word) }
            }
        }
        return matches(pool, word: word)
    }

    /// The longest common prefix of the candidates, by Character (never a partial UTF-8
    /// sequence, unlike libedit's bytewise prefix).
    public static func commonPrefix(_ candidates: [Candidate]) -> String {
        guard var prefix = candidates.first.map({ Array($0.text) }) else { return "" }
        for candidate in candidates.dropFirst() {
            let characters = Array(candidate.text)
            var length = 0
            while length < min(prefix.count, characters.count) && prefix[length] == characters[length] { length += 1 }
            prefix = Array(prefix.prefix(length))
        }
        return String(prefix)
    }

    private func matches(_ pool: [Candidate], word: String) -> [Candidate] {
        let key = Keyword.asciiLowercased(word)
        var seen: Set<String> = []
        return pool.filter { Keyword.asciiLowercased($0.text).hasPrefix(key) && seen.insert($0.text).inserted }
    }

    private func plain(_ text: String) -> Candidate { Candidate(text: text, display: text) }

    private func years() -> [Candidate] { catalog.years.map { plain(String($0)) } }

    /// The kinds a year may be qualified with (`预算 2025`).
    private var kinds: [Candidate] { [plain("预算"), plain("决算")] }

    /// True when the statement so far ends with a document kind that a year follows: every
    /// statement with a year but `execution`; in `trend` only after `from` or `to` (a kind
    /// after its subject stands alone).
    private static func takesYearAfterKind(_ words: [String]) -> Bool {
        switch words.first.map(Keyword.asciiLowercased) {
        case "summary", "compare", "breakdown", "top", "source", "use": return true
        case "trend": return words.count >= 2 && ["from", "to"].contains(Keyword.asciiLowercased(words[words.count - 2]))
        default: return false
        }
    }

    private func subjects() -> [Candidate] {
        catalog.measures.flatMap { [$0.nameZh, $0.nameEn.contains(" ") ? nil : $0.nameEn].compactMap { $0 } + $0.aliases }
            .filter { !$0.contains(" ") }.map(plain)
    }

    private func codes() -> [Candidate] {
        catalog.codes.keys.sorted().map { Candidate(text: $0, display: "\($0) \(catalog.codes[$0] ?? "")") }
    }

    /// Unit or project names read for one completion: the first ones in order, never all.
    public static let nameLimit = 200

    private func units(_ word: String) -> [Candidate] {
        catalog.unitNames(prefix: word, limit: Self.nameLimit).map(plain)
    }

    private func projects(_ word: String) -> [Candidate] {
        catalog.projectNames(prefix: word, limit: Self.nameLimit).map(plain)
    }

    private func fields(for verb: String?) -> [Candidate] {
        (verb == "indicators" ? FieldSet.indicators : FieldSet.projects).allNames.map(plain)
    }

    private func keywords(for verb: String?) -> [Candidate] {
        let words: [String]
        switch verb {
        case "breakdown": words = ["in", "depth", "basic", "project", "with", "fund", "for", "预算", "budget"]
        case "trend": words = ["from", "to", "for", "with", "预算"]
        case "summary": words = ["for", "预算", "决算", "budget", "final"]
        case "compare": words = ["for", "预算", "决算", "budget", "final"]
        case "top": words = ["units", "by", "in", "预算", "决算"]
        case "source": words = ["for", "预算", "决算"]
        case "projects": words = ["where", "order", "by", "asc", "desc", "limit", "for", "and", "or", "not"]
        case "indicators": words = ["of", "where", "for", "and", "or", "not"]
        case "codes": words = ["like"]
        case "check": words = ["where", "for", "and", "or", "not"]
        default: words = ["for"]
        }
        return words.map(plain)
    }
}
