import XCTest
import Core
@testable import Audit

final class LevelWithChangeTests: XCTestCase {
    typealias F = TextRulesFixture

    /// D11: “持平” beside a stated change. The dev documents' 持平 (seed 124, 131, 250, 251;
    /// caizhengju 473, 544-546; guihua 600-601) stand alone: no finding. caizhengju line 545 made
    /// “……费支出决算减少为0，持平” is an error at the sentence's first line (544).
    func testD11LevelWithChange() throws {
        for document in [try F.seed()] + (try F.shanghai.map { try F.shanghai($0) }) {
            XCTAssertEqual(F.findings(D11LevelWithChange.self, document), [])
        }
        let broken = try F.shanghai("caizhengju", replacing: "（境）费支出决算持平", with: "（境）费支出决算减少为0，持平", atLine: 545)
        let findings = F.findings(D11LevelWithChange.self, broken)
        XCTAssertEqual(findings.map { "\($0.severity.rawValue) \($0.line)" }, ["error 544"])
        XCTAssertEqual(D11LevelWithChange.statedChange("公务用车购置费较上年减少2.00万元持平"), "减少2.00万元")
        XCTAssertNil(D11LevelWithChange.statedChange("公务接待费增加5.00万元，出国费持平"), "two subjects in two comma parts")
        XCTAssertNil(D11LevelWithChange.statedChange("较上年增加0.00万元持平"), "a change of zero is 持平")
    }
}
