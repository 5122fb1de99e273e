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

    /// The most named units scanned rather than searched through the full-text index:
    /// scanning costs about 0.2 ms per unit, the index tens of milliseconds on a national
    /// database (bench/README.md).
    static let scanLimit = 32

    /// Texts of one or two characters always scan (a trigram index cannot match them);
    /// longer ones scan over at most `scanLimit` named units when instr() finds exactly
    /// what the index finds.
    init(units: UnitScope, text: String) {
        guard text.count >= 3 else {
            self = .scan
            return
        }
        guard case .units(let named) = units, named.count <= Self.scanLimit, Self.matchesAsIndexed(text) else {
            self = .fullText
            return
        }
        self = .scan
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
