import Core

/// How `find` picks the paragraphs that contain its text. The trigram full-text index
/// answers for every paragraph of the database at once, at a cost that grows with the
/// database; the paragraphs of a few units are cheaper to read through the index
/// `paragraph_disclosure` and test with instr(), at a cost that grows with the units
/// (bench/README.md, "find over named units"). Both give the same rows.
enum ParagraphSearch: Equatable {
    /// `paragraph_fts MATCH` the text as one phrase.
    case fullText
    /// instr() on the body of every paragraph of the units in scope.
    case scan

    /// The most disclosures (a unit's loaded 决算 years, at least one a unit) whose
    /// paragraphs are scanned rather than searched through the full-text index. Measured
    /// (bench/README.md): the scan costs about 0.05 ms more per disclosure of ~110 paragraphs
    /// than reading the index's matches, so at this limit it loses at most ~3 ms, to a word
    /// the index rules out at once; a common word's index search costs 6 ms on 2,000
    /// disclosures and 38 ms on a national database, and that is what the scan saves.
    static let scanLimit = 64

    /// Texts of one or two characters always scan (a trigram index cannot match them);
    /// longer ones scan over named units of at most `scanLimit` disclosures when instr()
    /// finds exactly what the index finds.
    init(units: UnitScope, text: String) {
        guard text.count >= 3 else {
            self = .scan
            return
        }
        guard case .units(let named) = units, Self.disclosures(named) <= Self.scanLimit, Self.matchesAsIndexed(text) else {
            self = .fullText
            return
        }
        self = .scan
    }

    /// The disclosures a scan of `units` reads, as the catalog counts them.
    static func disclosures(_ units: [Catalog.Unit]) -> Int {
        units.reduce(0) { $0 + max($1.years.count, 1) }
    }

    /// Whether instr() finds `text` where the trigram index does. The tokenizer folds case
    /// (`abc` matches `ABC`, `ａ` matches `Ａ`) and reads U+FFFE and U+FFFF as U+FFFD, so a
    /// text without a cased character or one of those three matches the same substrings
    /// either way (no other character folds to an uncased one).
    static func matchesAsIndexed(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy {
            !$0.properties.isCased && !$0.properties.changesWhenCaseMapped && !(0xFFFD...0xFFFF).contains($0.value)
        }
    }
}
