import Core

/// Reads the sichuan template (四川 部门决算: 第一部分 部门概况 … 第五部分 附表, the numbered
/// 情况说明 sentences, the tab-separated 绩效自评表, and the chart data left at the end).
public enum SichuanReader: TemplateReader {
    public static let template = "sichuan"
    /// 第五部分 附表 ends a Sichuan disclosure.
    public static let lastPart: Int? = 5

    /// Markers of the template; confidence is the share of them found.
    static let markers: [SichuanPattern] = [
        SichuanPattern(#"^第一部分\s*部门(（单位）|\(单位\))?概况"#),
        SichuanPattern(#"^第二部分\s*\d{4}年度部门决算情况说明"#),
        SichuanPattern(#"^第三部分\s*名词解释"#),
        SichuanPattern(#"^第[四五]部分\s*附(件|表)"#),
        SichuanPattern(#"一般公共预算财政拨款支出决算具体情况"#),
        SichuanPattern(#"[(（]\d{3}[)）].*[(（]\d{2}[)）].*[(（]\d{2}[)）]\s*[:：]\s*支出决算为"#),
        SichuanPattern(#"部门预算项目支出绩效自评表"#),
        SichuanPattern(#"财政拨款“三公”经费支出决算情况说明"#),
    ]
    /// The province whose template this is: its documents name only the 市 and 区/县 of a unit.
    static let province = "四川省"
    static let yearPattern = SichuanPattern(#"^第二部分\s*(\d{4})年度部门决算情况说明"#)
    static let anyYear = SichuanPattern(#"(\d{4})年度部门决算"#)
    static let region = SichuanPattern(#"^([^省市区县\s]{2,4}市)([^省市区县\s]{2,4}?[区县])"#)

    /// The text each marker's matches contain (`SichuanPattern.required`: Chinese characters
    /// only, never a line feed), as bytes.
    static let markerLiterals: [[UInt8]] = markers.map { Array($0.required.utf8) }

    public static func confidence(_ text: SourceText) -> Double {
        // The lines joined by line feeds: each marker's required text is looked for once in the
        // whole text, and the marker tried only on the lines holding it (trimming removes only
        // whitespace, which that text never holds: a line lacking it cannot match).
        var joined: [UInt8] = []
        joined.reserveCapacity(text.lines.reduce(0) { $0 + $1.utf8.count + 1 })
        var starts: [Int] = []
        starts.reserveCapacity(text.lines.count + 1)
        for line in text.lines {
            starts.append(joined.count)
            joined.append(contentsOf: line.utf8)
            joined.append(0x0A)
        }
        starts.append(joined.count)
        /// The line holding byte `offset` of `joined`.
        func lineIndex(of offset: Int) -> Int {
            var lo = 0, hi = text.lines.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
        var found = 0
        joined.withUnsafeBufferPointer { bytes in
            for (index, literal) in markerLiterals.enumerated() {
                var from = 0
                while from < bytes.count,
                      let offset = literal.withUnsafeBufferPointer({ TextSearch.find(bytes, $0, from: from) }) {
                    let line = lineIndex(of: offset)
                    let trimmed = text.lines[line].sichuanTrimmed
                    if !trimmed.isEmpty && markers[index].matches(trimmed) {
                        found += 1
                        break
                    }
                    from = starts[line + 1]
                }
            }
        }
        return Double(found) / Double(markers.count)
    }

    public static func read(_ text: SourceText, overrides: ImportOverrides) throws -> ImportResult {
        let lines = text.lines
        guard lines.contains(where: { !$0.sichuanTrimmed.isEmpty }) else { throw ImportError.empty(file: text.sourceFile) }
        var year = overrides.year
        if year == nil {
            for raw in lines {
                let line = raw.sichuanTrimmed
                if let m = yearPattern.first(in: line) ?? anyYear.first(in: line), let y = Int(m[1]!) { year = y; break }
            }
        }
        guard let year else {
            throw ImportError.invalid(file: text.sourceFile, line: 1, message: "找不到决算年度（“第二部分 YYYY年度部门决算情况说明”）")
        }
        let sections = SichuanSections(lines: lines)
        let forms = SichuanPerformanceForms.read(lines)

        var narrative = SichuanNarrative(year: year)
        var captions: [Int: String] = [:]
        for prose in sections.prose where prose.kind == "text" {
            if prose.headingLevel != nil, prose.text.hasPrefix("专项预算项目绩效评价报告") { narrative.startReport() }
            let before = (narrative.builder.facts.count, narrative.builder.statements.count)
            narrative.read(line: prose.line, text: prose.text, section: prose.section, isHeading: prose.headingLevel != nil)
            if !prose.lineStarts.isEmpty { narrative.builder.placeOnLines(of: prose, factsFrom: before.0, statementsFrom: before.1) }
            for m in SichuanCharts.caption.all(in: prose.text) { if let k = Int(m[1]!) { captions[k] = prose.section } }
        }
        var builder = narrative.builder
        var chartLines: Set<Int> = []
        if let chartStart = sections.chartStart {
            chartLines = SichuanCharts.read(lines: lines, from: chartStart, captions: captions, builder: &builder,
                                            moneyUnit: MoneyUnit.tenThousandYuan.rawValue)
        }

        // Projects: the forms in order, then the ones the text names without a form; text
        // figures attach to the project whose name they print.
        var projects = forms.projects
        func baseName(_ name: String) -> String {
            var base = name
            if let open = base.lastIndex(where: { $0 == "（" || $0 == "(" }), base.hasSuffix("）") || base.hasSuffix(")") {
                base = String(base[..<open])
            }
            return base
        }
        func projectIndex(_ name: String) -> Int? {
            projects.firstIndex { baseName($0.name) == name || $0.name == name }
                ?? projects.firstIndex { $0.name.hasPrefix(name) || name.hasPrefix(baseName($0.name)) }
        }
        for named in narrative.namedProjects where projectIndex(named.name) == nil {
            projects.append(ImportedProject(name: named.name, hasForm: false, lineFrom: named.line, lineTo: named.line))
        }
        var warnings: [String] = []
        // An operator the table does not define (≧, 大于 …) is kept as printed, in front of the
        // target it qualifies, never stored as a normal form it may not mean.
        for p in projects.indices {
            for i in projects[p].indicators.indices {
                let indicator = projects[p].indicators[i]
                guard let printed = indicator.operatorPrinted, indicator.normalizedOperator == nil else { continue }
                projects[p].indicators[i].operatorPrinted = nil
                projects[p].indicators[i].target = printed + (indicator.target ?? "")
                warnings.append("第\(indicator.lineFrom)行：无法识别的指标性质“\(printed)”，已按原文并入指标值")
            }
        }
        for (name, figure) in narrative.projectFigures {
            if let index = projectIndex(name) {
                projects[index].figures.append(figure)
            } else {
                warnings.append("第\(figure.provenance.lineFrom)行：项目“\(name)”没有自评表，其数字未读入")
            }
        }

        // Unit: the forms' 实施单位 is the fullest name; 主管部门 and the sentences' subjects are aliases.
        let implementer = forms.projects.compactMap(\.implementer).first
        let department = forms.projects.compactMap(\.department).first
        var aliases: [String] = []
        for alias in [department].compactMap({ $0 }) + narrative.aliases where !aliases.contains(alias) { aliases.append(alias) }
        var name = overrides.unit ?? implementer ?? aliases.max { $0.count < $1.count } ?? text.sourceFile
        if overrides.unit != nil, let implementer, !aliases.contains(implementer) { aliases.insert(implementer, at: 0) }
        name = name.sichuanTrimmed
        aliases.removeAll { $0 == name }
        var region = Self.province
        for candidate in [name] + aliases {
            if let m = Self.region.first(in: candidate) { region += m[1]! + m[2]!; break }
        }

        // Lines with a figure that no rule read, inside the template's sections.
        var unrecognized: [Int] = []
        let recognized = builder.recognizedLines.union(narrative.projectLines).union(chartLines)
        for prose in sections.prose where prose.kind == "text" && prose.headingLevel == nil {
            guard !recognized.contains(prose.line), !prose.section.hasPrefix("第三部分"),
                  prose.text.unicodeScalars.contains(where: { "万元%％".unicodeScalars.contains($0) }) else { continue }
            if SichuanRules.figure.all(in: prose.text).contains(where: SichuanRules.isFigure) { unrecognized.append(prose.line) }
        }
        ItemisedBudgets.add(to: &builder.facts, year: year, lines: lines, unrecognized: &unrecognized)

        let document = ImportedDocument(
            unit: ImportedUnit(name: name, aliases: aliases, region: region), subunits: narrative.subunits, year: year,
            template: template, title: "\(name)\(year)年度部门决算", sourceFile: text.sourceFile, sha256: text.sha256,
            moneyUnit: .tenThousandYuan, lineCount: lines.last == "" ? lines.count - 1 : lines.count, facts: builder.facts, statements: builder.statements,
            projects: projects, paragraphs: sections.paragraphs)
        var report = ImportReport()
        report.recognized = [
            "facts": document.facts.count, "statements": document.statements.count, "projects": projects.count,
            "indicators": projects.reduce(0) { $0 + $1.indicators.count },
            "project_figures": projects.reduce(0) { $0 + $1.figures.count }, "paragraphs": document.paragraphs.count,
        ]
        report.unrecognizedFigureLines = unrecognized
        report.warnings = warnings
        return ImportResult(document: document, report: report)
    }
}
