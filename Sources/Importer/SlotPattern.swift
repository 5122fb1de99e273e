/// The words of a sentence rule with named slots: `⟨name⟩` is a printed decimal number
/// (`12.50`), `(?<name>…)` any words the group matches. Other groups are numbered as usual;
/// everything else is `TextPattern` syntax.
///
///     SlotPattern("本年收入合计⟨amount⟩万元")
///     SlotPattern("(?<label>基本支出|项目支出)⟨amount⟩万元(?:，(?<share>占⟨rate⟩\\s*%))?")
struct SlotPattern: Sendable {
    let pattern: SichuanPattern
    /// Slot name → capture index (1-based; 0 is the whole match).
    let slots: [String: Int]

    init(_ words: String) {
        let (plain, slots) = Self.named(words)
        pattern = SichuanPattern(plain)
        self.slots = slots
    }

    /// The pattern with every `⟨name⟩` written out and `(?<name>` made a plain group, and the
    /// capture index of each name.
    static func named(_ words: String) -> (String, [String: Int]) {
        let number = "[0-9]+(?:\\.[0-9]+)?"
        var scalars = Array(words.unicodeScalars)
        // ⟨name⟩ → (?<name>number)
        var expanded: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            if scalars[i] == "⟨", let close = scalars[(i + 1)...].firstIndex(of: "⟩") {
                expanded += "(?<".unicodeScalars + scalars[(i + 1)..<close] + ">".unicodeScalars + number.unicodeScalars + [")"]
                i = close + 1
            } else {
                expanded.append(scalars[i])
                i += 1
            }
        }
        scalars = expanded
        var out = ""
        var slots: [String: Int] = [:]
        var group = 0
        var inClass = false
        i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\\", i + 1 < scalars.count {
                out.unicodeScalars.append(s)
                out.unicodeScalars.append(scalars[i + 1])
                i += 2
                continue
            }
            if inClass {
                if s == "]" { inClass = false }
            } else if s == "[" {
                inClass = true
            } else if s == "(" {
                let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                if next == "?", i + 2 < scalars.count, scalars[i + 2] == "<",
                   let close = scalars[(i + 3)...].firstIndex(of: ">") {
                    group += 1
                    slots[String(String.UnicodeScalarView(scalars[(i + 3)..<close]))] = group
                    out.unicodeScalars.append("(")
                    i = close + 1
                    continue
                }
                if next != "?" { group += 1 }
            }
            out.unicodeScalars.append(s)
            i += 1
        }
        return (out, slots)
    }

    func first(in text: String) -> SlotMatch? {
        pattern.first(in: text).map { SlotMatch(captures: $0, slots: slots) }
    }

    func all(in text: String) -> [SlotMatch] {
        pattern.all(in: text).map { SlotMatch(captures: $0, slots: slots) }
    }

    /// Every match in a text's scalars, with character offsets (`characterOffsets`: of each scalar).
    func all(in scalars: [Unicode.Scalar], characterOffsets: [Int]) -> [SlotMatch] {
        pattern.compiled.allMatches(in: scalars).map { ranges in
            SlotMatch(captures: ranges.map { $0.map { String(String.UnicodeScalarView(scalars[$0])) } }, slots: slots,
                      offsets: ranges.map { $0.map { characterOffsets[$0.lowerBound] } },
                      end: ranges[0].map { characterOffsets[$0.upperBound] } ?? 0)
        }
    }
}

/// One match of a rule's words: its words by slot name (with, in joined text, the character
/// offset of each and where the match ends).
struct SlotMatch {
    let captures: [String?]
    let slots: [String: Int]
    var offsets: [Int?] = []
    var end = 0

    /// The character offset of slot `name` in joined text.
    func offset(_ name: String) -> Int? {
        guard let index = slots[name], index < offsets.count else { return nil }
        return offsets[index]
    }

    /// The words of slot `name`, nil when the slot took no part (or the rule has no such slot).
    subscript(_ name: String) -> String? {
        guard let index = slots[name], index < captures.count else { return nil }
        return captures[index]
    }

    /// The whole match.
    var words: String { captures[0] ?? "" }
}
