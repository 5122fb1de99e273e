import Core
import QueryLanguage
import Store
import XCTest

/// No input crashes the pipeline: random and mutated queries (Chinese included) either
/// compile or yield diagnostics whose spans lie inside the input.
final class PipelineFuzzTests: XCTestCase {
    static let corpus = [
        "compare 三公 2022 2023", "breakdown 201", "breakdown 201 31 depth 2 in 2023", "breakdown 201.31.01 basic fund general",
        "breakdown 支出 depth 2", "trend 三公 from 2020 to 2023", "trend 2013101", "top 3 units by 基本支出 in 2023",
        "projects where adjusted < initial", "projects where executed < 0.9 * initial and not (rate >= 90%) order by executed desc limit 3",
        "projects where 调整后预算 ＜ 年初预算 or name ~ '档案'", "indicators of 春节慰问费 where score < weight",
        "indicators where operator = '≤' and level1 ~ \"满意\"", "codes 201", "codes like 运行", "units", "years", "subjects",
        "find 慰问", "find \"春节慰问费\" for 区委办", "source 三公 2022", "source 2013101", "check where severity = 'error'",
        "explain compare 三公 2022 2023", "sql SELECT count(*) FROM fact", "use 区委办", "use 2023", "use all",
        "summary 2023 for 安居区委办", "summary", "compare 收入 2022 2023; breakdown 支出",
        "projects where initial - adjusted > 4万 and executed / 2 < 10", "top 1 units by 三公",
    ]
    static let alphabet = Array("abcxyz019.%万元年;#'\"“”「」()（）<>=!~+-*/ ，、三公支出费用区委办　\t") + ["𠀀", "👍", "é"]

    func testRandomAndMutatedQueries() throws {
        let harness = try QueryHarness.seed()
        let catalog = try harness.catalog
        var generator = SplitMix64(seed: 20_231_127)
        var compiled = 0, rejected = 0
        for iteration in 0..<20_000 {
            let input = iteration % 5 == 0 ? randomString(&generator) : mutate(Self.corpus[Int(generator.next() % UInt64(Self.corpus.count))], &generator)
            let length = input.count
            for result in Parser.parse(line: input) {
                switch result {
                case .success(let parsed):
                    let prepared: PreparedStatement
                    do {
                        prepared = try Checker(catalog: catalog, context: QueryContext()).prepare(parsed)
                    } catch {
                        rejected += 1
                        // A checker diagnostic without a span is shown at the statement (as the session does).
                        assertInside(error.span ?? parsed.span, length, input)
                        continue
                    }
                    compiled += 1
                    // Every compiled query must be SQL that SQLite accepts, with its parameters.
                    if case .query(let query) = prepared {
                        XCTAssertNoThrow(try harness.connections.reader.prepare(query.text).bind(query.parameters.map(Value.init)),
                                         "«\(input)» compiled to SQL that does not prepare: \(query.text)")
                    }
                case .failure(let diagnostic):
                    rejected += 1
                    assertInside(diagnostic.span, length, input)
                }
            }
        }
        XCTAssertGreaterThan(compiled, 1_000, "the mutations keep many queries valid")
        XCTAssertGreaterThan(rejected, 1_000)
    }

    private func assertInside(_ span: SourceSpan?, _ length: Int, _ input: String) {
        guard let span else { return XCTFail("diagnostic without a span for «\(input)»") }
        XCTAssertTrue(span.start >= 0 && span.start <= span.end && span.end <= length, "span \(span) outside «\(input)» (\(length))")
    }

    private func randomString(_ generator: inout SplitMix64) -> String {
        let count = Int(generator.next() % 40)
        return String((0..<count).map { _ in Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] })
    }

    private func mutate(_ query: String, _ generator: inout SplitMix64) -> String {
        var characters = Array(query)
        for _ in 0..<(1 + Int(generator.next() % 3)) {
            let position = characters.isEmpty ? 0 : Int(generator.next() % UInt64(characters.count + 1))
            switch generator.next() % 5 {
            case 0 where position < characters.count: characters.remove(at: position)
            case 1: characters.insert(Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))], at: position)
            case 2: characters = Array(characters.prefix(position))
            case 3 where position < characters.count:
                characters.insert(contentsOf: characters[position...].prefix(4), at: position)
            default:
                let word = ["where", "and", "or", "not", "(", ")", "in", "2022", "万", "%", "for", "depth", "by", "\"", "'"].randomElement(using: &generator) ?? ""
                characters.insert(contentsOf: " \(word) ", at: min(position, characters.count))
            }
        }
        return String(characters)
    }
}

/// A small deterministic random number generator for reproducible fuzzing.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private extension Error {
    var span: SourceSpan? { (self as? Diagnostic)?.span }
}
