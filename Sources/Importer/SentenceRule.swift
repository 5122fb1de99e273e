/// One sentence rule of a narrative template: the words that find the sentence (with named
/// slots) and what the sentence states, in the catalog's vocabulary (measure ids, funds, fact
/// columns). `NarrativeEngine` reads a template's rules; what each emission makes of a slot
/// (a figure in 万元, a count, a rate) is the same for every template.
struct SentenceRule: Sendable {
    let words: RuleWords
    let emits: [Emission]

    /// A rule found by a pattern with named slots (`SlotPattern`).
    init(_ words: String, _ emits: [Emission]) {
        self.words = .pattern(SlotPattern(words))
        self.emits = emits
    }

    /// A rule found by a label followed (within `within` characters of the same clause) by an
    /// amount in 万元 or 元: slot `amount`.
    init(label: String, within: Int = 12, _ emits: [Emission]) {
        words = .label(label, within: within)
        self.emits = emits
    }

    /// A rule found by a label followed directly by a count and its unit character: slot `count`.
    init(count label: String, unit: Character, _ emits: [Emission]) {
        words = .countAfter(label, unit: unit)
        self.emits = emits
    }
}

/// How a rule finds its sentence. Labels compare characters by `CharacterKey` (a variant form
/// of a character is the character) and are read in a document's joined text
/// (`NarrativeEngine.readText`); patterns are read in both kinds of text.
enum RuleWords: Sendable {
    case pattern(SlotPattern)
    case label(String, within: Int)
    case countAfter(String, unit: Character)
}

/// A measure a rule names: one id, or the id the words of a slot choose.
enum MeasureName: Sendable, ExpressibleByStringLiteral {
    case id(String)
    /// The measure `ids[words]` of the words slot `slot` captured (nothing when they name none).
    case byWords(String, [String: String])

    init(stringLiteral value: String) { self = .id(value) }

    func resolve(_ words: (String) -> String?) -> String? {
        switch self {
        case .id(let id): id
        case .byWords(let slot, let ids): words(slot).flatMap { ids[$0] }
        }
    }
}

/// A fact an emission is about: one an earlier emission of the rule (or of the rule it is
/// part of) named with `as:`, or the latest fact of a measure read so far.
enum FactRef: Sendable, ExpressibleByStringLiteral {
    case named(String)
    case latest(String)

    init(stringLiteral value: String) { self = .named(value) }
}

/// The words of a sentence a part of a rule reads: all of them, or the words around the
/// first `mark`.
enum RuleScope: Sendable {
    case whole
    /// The words before the first mark (all of them without one).
    case before(String)
    /// The mark and the words after it; nothing without a mark.
    case from(String)
    /// The words after the mark; nothing without a mark.
    case following(String)
    /// The words after the mark, or all of them when nothing follows it.
    case after(String)

    func words(of text: String) -> String? {
        switch self {
        case .whole: return text
        case .before(let mark): return text.split(separator: mark, maxSplits: 1).first.map(String.init) ?? ""
        case .from(let mark):
            let parts = text.split(separator: mark, maxSplits: 1)
            return parts.count > 1 ? mark + parts[1] : nil
        case .following(let mark):
            let parts = text.split(separator: mark, maxSplits: 1)
            return parts.count > 1 ? String(parts[1]) : nil
        case .after(let mark): return String(text.split(separator: mark, maxSplits: 1).last ?? "")
        }
    }
}

/// A printed unit: fixed, or the words of a slot.
enum UnitName: Sendable, ExpressibleByStringLiteral {
    case fixed(String)
    case slot(String)

    init(stringLiteral value: String) { self = .fixed(value) }

    func resolve(_ words: (String) -> String?) -> String? {
        switch self {
        case .fixed(let unit): unit
        case .slot(let slot): words(slot)
        }
    }
}

/// A classification code a rule states: the 类 a slot names, or codes of slots written together.
enum CodeName: Sendable {
    case className(String)
    case joined([String])
}

/// What a sentence states. Slots name the words of the rule's `SlotPattern`; an emission
/// whose slots took no part states nothing.
indirect enum Emission: Sendable {
    /// A figure of a measure in the money unit (万元, or the unit a slot prints), in a fact column.
    /// The fund is the measure's (`MeasureFunds`) unless the rule names one.
    case fact(MeasureName, amount: String, fund: String? = nil, column: String = "actual", unit: UnitName = "万元",
              as: String? = nil)
    /// A figure of a classification code of a fund.
    case code(CodeName, fund: String, amount: String, as: String? = nil)
    /// A count (个, 辆, 人次 …) of a measure.
    case count(MeasureName, count: String, unit: UnitName, fund: String? = nil)
    /// Points (a score) of a measure.
    case points(MeasureName, points: String)
    /// `printed` states that `part` is `rate`% of `base`.
    case share(printed: String, rate: String, part: FactRef, base: FactRef)
    /// The change against the prior year the sentence states about a fact (the template's
    /// change words), with the prior-year figure it implies.
    case change(of: FactRef)
    /// The completion rate (完成预算 R%) the sentence states about a fact.
    case completion(of: FactRef)
    /// `printed` states that `part` equals its budget `base` (basis 年初 …).
    case completionEqual(printed: String, part: FactRef, base: FactRef, basis: String)
    /// The sentence repeats the comparison of the latest completion (决算数与预算数持平 …):
    /// the words of slot `comparison`.
    case completionAgain(comparison: String)
    /// `printed` states the execution rate `rate` of a budget fact.
    case execution(printed: String, rate: String, of: FactRef)
    /// An adjustment (调增/调减 in slot `verb`) of a measure's budget.
    case adjustment(MeasureName, verb: String, amount: String)
    /// Each match of other words in the scope, with the emissions for it.
    case each(SlotPattern, in: RuleScope = .whole, [Emission])
    /// The first match of other words in the scope.
    case first(SlotPattern, in: RuleScope = .whole, [Emission])
    /// The rule found in the text from where slot `from` starts (joined text only).
    case then(SentenceRule, from: String)
    /// The sentence's line counts as read (a figure the catalog has no measure for).
    case recognized
    /// The words of a slot are another name of the unit.
    case alias(String)
    /// The paragraphs that follow list the unit's subunits.
    case opensSubunitList
    /// The paragraphs that follow are about the project slot `name` names, whose 年初预算 is
    /// slot `budget` (nothing when it is no amount).
    case project(name: String, budget: String)
    /// A figure (a field: initial, adjusted, executed …) of the current project.
    case projectFigure(field: String, amount: String)
    /// An adjustment (调增/调减 in slot `verb`) of the current project's budget.
    case projectAdjustment(verb: String, amount: String)
    /// The execution rate of the current project.
    case projectRate(rate: String)
    /// A project's score (slot `points`) under the project name of slot `name`.
    case projectScore(name: String, points: String)
    /// A project the text names (slot `name`).
    case namedProject(String)
    /// The sentence is about projects (its line belongs to their figures).
    case projectLine
}

/// A template's narrative: its sentence rules, read in order (`NarrativeEngine`): in a
/// template read paragraph by paragraph (Sichuan), the first rule that matches a paragraph
/// states it; in a template read as one joined text (the 9-table template), each rule is
/// read on its own.
struct NarrativeTemplate: Sendable {
    let rules: [SentenceRule]
    /// Paragraphs: how changes and completions are worded (`.change`, `.completion`).
    var statements = StatementWords.standard
    /// Joined text: rules read after `rules`, against the figures read so far (anchored at
    /// their offsets, so that a figure read again is the same fact): 三公 details and counts.
    var detailRules: [SentenceRule] = []
    /// Joined text: the figures shares are of, read after the 三公 changes.
    var shareBaseRules: [SentenceRule] = []
    /// Paragraphs: sections read with rules of their own, every rule of them in order.
    var sections: [NarrativeSection] = []
    /// Joined text: how shares are worded and what their labels name (`ShanghaiRates.shares`).
    var shares: ShareWords? = nil
    /// Joined text: how completion and growth rates are worded (`ShanghaiRates`).
    var rates: RateWords? = nil
    /// Joined text: sentences stating the change of a total, then (其中) of its parts.
    var partChanges: [PartChanges] = []
}

/// "“三公”经费…支出决算数比2023年度减少0.15万元。其中：因公出国（境）费持平；…": the words that
/// open the sentence, the measure whose change follows them, and each part by its words (the
/// change up to the clause's end is the part's).
struct PartChanges: Sendable {
    let words: SlotPattern
    let measure: String
    let parts: [(words: String, measure: String)]
}

/// The rates a joined text states about figures before them: a completion rate (slots
/// `budget`, the budget it names, and `rate`) and a growth rate (slots `verb`, a decrease
/// when in `decrease`, and `rate`).
struct RateWords: Sendable {
    let completion: SlotPattern
    let growth: SlotPattern
    let decrease: Set<String>
}

/// The shares of a joined text ("基本支出X万元，占本年支出合计的R%"): the words (slots `amount`,
/// `rate` and the optional `base`), the part the label before the amount names (the first
/// part whose words it holds, or a 类 by its name before `classSuffix`) and the measure the
/// share is of, which words in slot `base` may name instead (the last that matches).
struct ShareWords: Sendable {
    struct Part: Sendable {
        let words: String
        let measure: String
        /// The part's fund, when not the measure's.
        let fund: String?
        let base: String
    }

    let pattern: SlotPattern
    let parts: [Part]
    let bases: [(words: String, measure: String)]
    let classSuffix: String
    /// A 类's fund and the measure its share is of.
    let classFund: String
    let classBase: String
}

/// Paragraphs under a heading that holds `heading`, read with `rules`: each rule that
/// matches states what it says (a report's sentences each add to one subject).
struct NarrativeSection: Sendable {
    let heading: String
    let rules: [SentenceRule]
}

/// How a template words what a sentence says about the figure it states, read by
/// `.change(of:)` and `.completion(of:)` in the sentence: the change against the prior year
/// (an amount, or 持平, and a growth rate), the year it compares with, and the completion of
/// the budget.
struct StatementWords: Sendable {
    /// The completion rate: slots `rate` and (optional) `comparison`.
    let completion: SlotPattern
    /// A change by an amount: slots `verb`, `amount`, `unit`.
    let amountChange: SlotPattern
    /// No change.
    let level: SlotPattern
    /// A growth rate: slots `verb`, `rate`.
    let growth: SlotPattern
    /// The year the sentence compares with (slot `year`); the prior year when it names none.
    let comparedYear: SlotPattern
    /// The verbs of a decrease (any other verb is an increase).
    let decrease: Set<String>
    /// The comparisons of a completion with their direction (增加, 减少, 持平).
    let comparisons: [String: String]

    func direction(ofVerb verb: String) -> String { decrease.contains(verb) ? "减少" : "增加" }
}
