import XCTest
import Core
@testable import Importer

/// Narratives as data (`NarrativeTemplate`, `SentenceRule`): the descriptions name only
/// catalog measures, slots are named as written, and a template of other wording is a
/// description read by the same engine and reader, with no code of its own.
final class NarrativeTemplateTests: XCTestCase {
    /// A third template: the statements of the 决算 narratives in other words — a total with
    /// its parts and their shares, 三公 with its completion, change and growth, a count.
    static let otherWording = NarrativeTemplate(rules: [
        SentenceRule(#"全年收入共计⟨amount⟩万元"#, [
            .fact("income_total", amount: "amount", as: "total"),
            .each(SlotPattern(#"(?<source>财政拨款|其他)收入⟨amount⟩万元，(?<share>占比⟨rate⟩%)"#), [
                .fact(.byWords("source", ["财政拨款": "fiscal_income", "其他": "income_other"]), amount: "amount", as: "part"),
                .share(printed: "share", rate: "rate", part: "part", base: "total"),
            ]),
        ]),
        SentenceRule(#"“三公”经费花费⟨amount⟩万元"#, [
            .fact("sangong", amount: "amount", as: "sangong"), .completion(of: "sangong"), .change(of: "sangong"),
        ]),
        SentenceRule(#"新购公务车辆(?<count>\d+)台"#, [.count("vehicles_purchased", count: "count", unit: "台")]),
    ], statements: StatementWords(
        completion: SlotPattern(#"预算执行率⟨rate⟩%"#),
        amountChange: SlotPattern(#"(?<verb>多支出|少支出)⟨amount⟩(?<unit>万元)"#),
        level: SlotPattern(#"与上年一致"#),
        growth: SlotPattern(#"(?<verb>增幅|降幅)⟨rate⟩%"#),
        comparedYear: SlotPattern(#"比(?<year>\d{4})年"#),
        decrease: ["少支出", "降幅"],
        comparisons: [:]))

    /// The paragraphs of a constructed document in that wording, by line.
    static let paragraphs: [(Int, String)] = [
        (3, "全年收入共计500.00万元，其中财政拨款收入450.00万元，占比90.00%；其他收入50.00万元，占比10.00%。"),
        (5, "“三公”经费花费12.50万元，预算执行率83.33%，比2022年少支出2.50万元，降幅16.67%。"),
        (6, "本年新购公务车辆1台。"),
        (8, "本年收入合计500.00万元。"),   // the Sichuan template's words: not this template's
    ]

    func read(_ template: NarrativeTemplate) -> SichuanNarrative {
        var narrative = SichuanNarrative(year: 2023, template: template)
        for (line, text) in Self.paragraphs { narrative.read(line: line, text: text, section: "情况说明", isHeading: false) }
        return narrative
    }

    func fen(_ printed: String) -> Int64 { Amount(printed: printed, unit: .tenThousandYuan)!.fen }

    func testAThirdTemplateIsADescriptionReadWithoutNewCode() throws {
        let b = read(Self.otherWording).builder
        func fact(_ measure: String, year: Int = 2023) throws -> Int {
            try XCTUnwrap(b.facts.indices.first { b.facts[$0].measureID == measure && b.facts[$0].year == year }, measure)
        }
        // Line 3: the total, its parts and their shares of it.
        let total = try fact("income_total"), fiscal = try fact("fiscal_income"), other = try fact("income_other")
        XCTAssertEqual(b.facts[total].amountFen, fen("500.00"))
        XCTAssertEqual(b.facts[fiscal].amountFen, fen("450.00"))
        XCTAssertEqual(b.facts[other].amountFen, fen("50.00"))
        XCTAssertEqual(b.facts[fiscal].provenance.lineFrom, 3)
        let shares = b.statements.filter { $0.kind == "share" }
        XCTAssertEqual(shares.map(\.printed), ["占比90.00%", "占比10.00%"])
        XCTAssertEqual(shares.map(\.partFact), [fiscal, other])
        XCTAssertEqual(shares.map(\.baseFact), [total, total])
        XCTAssertEqual(shares.map(\.rateScaled), [9000, 1000])
        XCTAssertEqual(shares[0].rateScaled, Rounding.percent(b.facts[fiscal].amountFen!, of: b.facts[total].amountFen!, decimals: 2))
        // Line 5: 三公, its completion rate, its change against the year the sentence names and the growth.
        let sangong = try fact("sangong")
        XCTAssertEqual(b.facts[sangong].fund, "fiscal")
        let completion = try XCTUnwrap(b.statements.first { $0.kind == "completion" })
        XCTAssertEqual(completion.printed, "预算执行率83.33%")
        XCTAssertEqual(completion.partFact, sangong)
        XCTAssertEqual(completion.rateScaled, 8333)
        let change = try XCTUnwrap(b.statements.first { $0.kind == "change" })
        XCTAssertEqual(change.printed, "少支出2.50万元")
        XCTAssertEqual(change.direction, "减少")
        XCTAssertEqual(change.amountFen, -fen("2.50"))
        let prior = try fact("sangong", year: 2022)
        XCTAssertEqual(change.baseFact, prior)
        XCTAssertEqual(b.facts[prior].amountFen, fen("15.00"))   // 12.50 + 2.50, derived
        XCTAssertNil(b.facts[prior].printed)
        let growth = try XCTUnwrap(b.statements.first { $0.kind == "growth" })
        XCTAssertEqual(growth.direction, "减少")
        XCTAssertEqual(growth.rateScaled, 1667)
        XCTAssertEqual([growth.partFact, growth.baseFact], [sangong, prior])
        // Line 6: a count with the unit the text prints.
        let vehicles = try fact("vehicles_purchased")
        XCTAssertEqual(b.facts[vehicles].quantity, 1)
        XCTAssertEqual(b.facts[vehicles].printedUnit, "台")
        // Every line read is recognized; the other template's sentence is not read.
        XCTAssertEqual(b.recognizedLines, [3, 5, 6])
        XCTAssertEqual(b.facts.count, 6)
    }

    /// The same paragraphs read with the Sichuan description give only its own sentence.
    func testTheTemplateDecidesWhatIsRead() {
        let b = read(.sichuan).builder
        XCTAssertEqual(b.facts.map(\.measureID), ["income_total"])
        XCTAssertEqual(b.facts.first?.provenance.lineFrom, 8)
        XCTAssertTrue(b.statements.isEmpty)
    }

    func testSlotsAreNamedAsWritten() {
        let (pattern, slots) = SlotPattern.named(#"(?<label>[(（]\d+[)）])(x)(?:y)⟨amount⟩\(占⟨rate⟩%"#)
        XCTAssertEqual(slots, ["label": 1, "amount": 3, "rate": 4])
        XCTAssertEqual(pattern, #"([(（]\d+[)）])(x)(?:y)([0-9]+(?:\.[0-9]+)?)\(占([0-9]+(?:\.[0-9]+)?)%"#)
        let match = SlotPattern(#"(?<label>[^，]+?)⟨amount⟩万元(?:，(?<share>占⟨rate⟩%))?"#).first(in: "教育支出12.5万元")
        XCTAssertEqual(match?["label"], "教育支出")
        XCTAssertEqual(match?["amount"], "12.5")
        XCTAssertNil(match?["share"])
        XCTAssertNil(match?["missing"])
    }

    /// A 类 the narrative names, with or without 支出, is the one list's (`FunctionClasses`).
    func testClassNamesAreTheCatalogList() {
        XCTAssertEqual(SichuanRules.classCode("教育支出"), "205")
        XCTAssertEqual(SichuanRules.classCode(" 教育 "), "205")
        XCTAssertEqual(SichuanRules.classCode("社会保险基金"), "209")
        XCTAssertEqual(SichuanRules.classCode("抗疫特别国债安排的支出"), "234")
        XCTAssertNil(SichuanRules.classCode("教育支出支出"))
        XCTAssertNil(SichuanRules.classCode("文化体育与传媒"))   // a former name: tables only
        for (name, code) in FunctionClasses.names { XCTAssertEqual(SichuanRules.classCode(name), code) }
    }

    /// Every measure the narrative descriptions name is the catalog's.
    func testDescriptionsNameCatalogMeasures() throws {
        let catalog = try FinalAccountsTemplateTests.catalogMeasures()
        func measures(_ emissions: [Emission]) -> [String] {
            emissions.flatMap { emission -> [String] in
                func names(_ name: MeasureName) -> [String] {
                    switch name {
                    case .id(let id): [id]
                    case .byWords(_, let ids): Array(ids.values)
                    }
                }
                switch emission {
                case .fact(let name, _, _, _, _, _), .count(let name, _, _, _), .points(let name, _), .adjustment(let name, _, _):
                    return names(name)
                case .each(_, _, let inner), .first(_, _, let inner): return measures(inner)
                case .then(let rule, _): return measures(rule.emits)
                default: return []
                }
            }
        }
        for (name, template) in [("sichuan", NarrativeTemplate.sichuan), ("finalAccounts", .finalAccounts), ("other", Self.otherWording)] {
            let rules: [SentenceRule] = template.rules + template.detailRules + template.shareBaseRules
                + template.sections.flatMap(\.rules)
            var named: [String] = rules.flatMap { measures($0.emits) }
            if let shares = template.shares {
                named += shares.parts.flatMap { [$0.measure, $0.base] } + shares.bases.map(\.measure) + [shares.classBase]
            }
            for changes in template.partChanges { named += [changes.measure] + changes.parts.map(\.measure) }
            XCTAssertGreaterThan(named.count, 4, name)
            for measure in named { XCTAssertNotNil(catalog[measure], "\(name)：\(measure) 不在目录中") }
        }
    }
}
