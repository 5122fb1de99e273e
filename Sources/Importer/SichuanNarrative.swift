import Core

/// The Sichuan template's words for figures, its subunit list and its 专项预算项目绩效评价报告
/// (its sentence rules are `NarrativeTemplate.sichuan`).
enum SichuanRules {
    /// An item of the list of subunits (after the sentence that opens it).
    static let listedItem = SichuanPattern(#"^\d+[.．、]\s*(.+)$"#)

    /// A printed figure no rule may have read: money, or a percentage. Narrative counts
    /// (500余篇) and thresholds (大于10%, 100万元以上) are not figures.
    /// A percentage after 率/度 or a comparison (满意率100%, ≥95%) is an indicator's value; an
    /// amount per something (400元/人) is a price.
    static let figure = SichuanPattern(#"([率度于过≥≤＞＜>=<]?)⟨N⟩\s*(万元|万|元|%|％)([余以/／]?)"#)

    static func isFigure(_ match: [String?]) -> Bool {
        let isRate = match[3] == "%" || match[3] == "％"
        if isRate { return (match[1] ?? "").isEmpty && (match[4] ?? "").isEmpty }
        return (match[4] ?? "").isEmpty
    }

    /// The 类 a label of the narrative names (`FunctionClasses`).
    static func classCode(_ label: String) -> String? { FunctionClasses.code(named: label.sichuanTrimmed) }
}

/// Reads the narrative lines of a Sichuan document into facts, statements and project
/// text figures: the sentences with `NarrativeTemplate.sichuan`, the subunit list and the
/// 专项预算项目绩效评价报告 here.
struct SichuanNarrative {
    var builder: SichuanFactBuilder
    var aliases: [String] = []
    var subunits: [String] = []
    /// Project text figures by the project's name as the text prints it.
    var projectFigures: [(name: String, figure: ImportedProjectFigure)] = []
    /// Projects named only in the text (专项预算项目绩效自评报告 without a form), with the line.
    var namedProjects: [(name: String, line: Int)] = []
    var projectLines: Set<Int> = []
    var inSubunitList = false
    /// The project a 专项预算项目绩效评价报告 is about.
    var reportProject: String?
    /// The paragraph being read and its line.
    private(set) var sentence = ""
    var line = 0

    /// The rules sentences are read with.
    let template: NarrativeTemplate

    init(year: Int, template: NarrativeTemplate = .sichuan) {
        builder = SichuanFactBuilder(year: year, words: template.statements)
        self.template = template
    }

    mutating func alias(_ name: String?) {
        guard let name = name?.sichuanTrimmed, !name.isEmpty, !aliases.contains(name) else { return }
        aliases.append(name)
    }

    /// One prose line (not a heading) under `section`.
    mutating func read(line: Int, text: String, section: String, isHeading: Bool) {
        builder.section = section
        if isHeading { inSubunitList = false; return }
        if inSubunitList {
            if let match = SichuanRules.listedItem.first(in: text), let name = match[1] {
                subunits.append(name.sichuanTrimmed)
                builder.recognizedLines.insert(line)
                return
            }
            inSubunitList = false
        }
        if let reading = template.sections.first(where: { section.contains($0.heading) }) {
            self.line = line
            sentence = text
            NarrativeEngine.readEach(text, with: reading.rules, into: &self)
            return
        }
        // Every sentence rule reads a figure: a line without a digit has nothing for them.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
        self.line = line
        sentence = text
        NarrativeEngine.read(text, with: template, into: &self)
    }

    mutating func add(_ figure: ImportedProjectFigure) {
        guard let name = reportProject else { return }
        projectFigures.append((name, figure))
        projectLines.insert(figure.provenance.lineFrom)
    }

    /// Report section headings reset the current project.
    mutating func startReport() { reportProject = nil }
}
