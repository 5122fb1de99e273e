import Core

/// The data behind the figures (图1 …), left at the end of a Sichuan Word document: the
/// embedded images' text (`[image: imageN.emf]…`) in figure order, and their spreadsheets
/// (`_NNNN.xls`) in the order of their names. Each chart is read against the text section
/// its caption (`（图k：…）`) sits in: a number equal to a figure of that section is a chart
/// occurrence of that figure; a percentage is a share stated in that section (matched by
/// value, else by position).
enum SichuanCharts {
    static let caption = SichuanPattern(#"（图(\d+)[：:]"#)
    static let image = SichuanPattern(#"^\[image: ([^\]]*)\.(?:emf|wmf|png|jpe?g)\]"#)
    static let spreadsheet = SichuanPattern(#"^_?(\d+)\.xlsx?$"#)
    static let numberToken = SichuanPattern(#"^⟨N⟩(%|％)?$"#)
    static let year = SichuanPattern(#"^(19|20)\d{2}$"#)

    struct Block {
        var lines: [Int]
    }

    static func read(lines: [String], from start: Int, captions: [Int: String], builder: inout SichuanFactBuilder,
                     moneyUnit: String) -> Set<Int> {
        var images: [Block] = []
        var sheets: [(name: Int, block: Block)] = []
        var current: (isImage: Bool, name: Int)? = nil
        var recognized: Set<Int> = []
        for number in start...max(start, lines.count) where number <= lines.count {
            let text = lines[number - 1].sichuanTrimmed
            if image.matches(text) {
                images.append(Block(lines: []))
                current = (true, 0)
            } else if let m = spreadsheet.first(in: text), let name = Int(m[1]!) {
                sheets.append((name, Block(lines: [])))
                current = (false, name)
                continue
            }
            guard let current else { continue }
            if current.isImage { images[images.count - 1].lines.append(number) } else { sheets[sheets.count - 1].block.lines.append(number) }
        }
        let ordered = images.enumerated().map { ($0.offset + 1, $0.element) }
            + sheets.sorted { $0.name < $1.name }.enumerated().map { ($0.offset + 1, $0.element.block) }
        for (figure, block) in ordered {
            guard let section = captions[figure] else { continue }
            let factIndexes = builder.facts.indices.filter {
                builder.factSections[$0] == section && builder.facts[$0].provenance.kind == "text" && builder.facts[$0].amountFen != nil
            }
            let shareIndexes = builder.statements.indices.filter {
                builder.statementSections[$0] == section && builder.statements[$0].kind == "share"
                    && builder.statements[$0].provenance.kind == "text"
            }
            var sharePosition = 0
            for lineNumber in block.lines {
                var text = lines[lineNumber - 1]
                if let m = image.first(in: text.sichuanTrimmed) { text = String(text.sichuanTrimmed.dropFirst(m[0]!.count)) }
                let tokens = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                var seenKeys: Set<String> = []
                for token in tokens {
                    guard let m = parseNumber(token), !year.matches(token) || m.percent else { continue }
                    if !m.percent, let fen = SichuanNumbers.fen(token, unit: moneyUnit),
                       let match = factIndexes.first(where: { builder.facts[$0].amountFen == fen }) {
                        let source = builder.facts[match]
                        let key = "\(source.measureID ?? "")|\(source.code ?? "")|\(source.column)|\(source.year)"
                        guard seenKeys.insert(key).inserted else { continue }
                        builder.facts.append(ImportedFact(measureID: source.measureID, code: source.code, fund: source.fund,
                                                          column: source.column, year: source.year, amountFen: fen, printed: token,
                                                          printedUnit: moneyUnit, provenance: Provenance("chart", lineNumber)))
                        builder.factSections.append("（图表）")
                        recognized.insert(lineNumber)
                        continue
                    }
                    guard !shareIndexes.isEmpty, let rate = SichuanNumbers.rate(token) else { continue }
                    let sameValue = shareIndexes.filter {
                        let s = builder.statements[$0]
                        return SichuanNumbers.sameRate((s.rateScaled ?? -1, s.rateDecimals ?? 0), rate)
                    }
                    let target = sameValue.count == 1 ? sameValue[0] : shareIndexes[sharePosition % shareIndexes.count]
                    sharePosition += 1
                    let source = builder.statements[target]
                    builder.statements.append(ImportedStatement(kind: "share", printed: token, rateScaled: rate.0, rateDecimals: rate.1,
                                                                partFact: source.partFact, baseFact: source.baseFact,
                                                                provenance: Provenance("chart", lineNumber)))
                    builder.statementSections.append("（图表）")
                    recognized.insert(lineNumber)
                }
            }
        }
        return recognized
    }

    static func parseNumber(_ token: String) -> (value: String, percent: Bool)? {
        guard let m = numberToken.first(in: token) else { return nil }
        return (m[1]!, m[2] != nil)
    }
}
