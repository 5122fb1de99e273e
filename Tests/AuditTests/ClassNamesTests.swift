import XCTest
import Core
@testable import Audit

/// D10: 类/款/项 names printed in the text against the tables' labels and the catalog.
final class ClassNamesTests: XCTestCase {
    typealias Fixture = TableRulesFixture

    /// The seed's glossary (line 191) names 2080599 “其他社会保障和就业支出”; its item list
    /// (line 95) and the catalog call it 其他行政事业单位养老支出. The other 25 mentions agree.
    func testSeedGlossaryNameDiffers() throws {
        let document = try Fixture.seed()
        XCTAssertEqual(ClassMentions.scan(document.paragraphs).count, 26)
        let findings = Fixture.findings(D10ClassNames.self, document)
        XCTAssertEqual(Fixture.summary(findings), ["warning D10.class-names L191 其他社会保障和就业支出/其他行政事业单位养老支出"])
    }

    /// guihuaziyuanju prints three names its tables (lines 191-195) and the catalog do not
    /// have: the 项 “机关事业单位退休人员活动费支出” (lines 520-521, under 20805), the former
    /// name “其他国土资源事务支出” of 2200199 (lines 557-558) and the 款 “住房保障支出” where
    /// 22102 is 住房改革支出 (lines 563 and 570, two items). The other mentions (lines 490-570) agree.
    func testGuihuaNamesPinned() throws {
        let findings = Fixture.findings(D10ClassNames.self, try Fixture.shanghai(Fixture.guihua))
        XCTAssertEqual(Fixture.summary(findings), [
            "warning D10.class-names L520 机关事业单位退休人员活动费支出/机关事业单位基本养老保险缴费支出",
            "warning D10.class-names L559 其他国土资源事务支出/其他自然资源事务支出",
            "warning D10.class-names L563 住房保障支出/住房改革支出",
            "warning D10.class-names L570 住房保障支出/住房改革支出",
        ])
        XCTAssertTrue(findings[1].message.contains("旧名称"), findings[1].message)
    }

    /// caizhengju (lines 482-527) and shehuigongzuobu (lines 389-437) name every 类/款/项 as
    /// their tables do.
    func testCaizhengjuAndShehuiAgree() throws {
        for path in [Fixture.caizhengju, Fixture.shehui] {
            let outcome = D10ClassNames.evaluate(try Fixture.shanghai(path))
            guard case .pass(let checked) = outcome else { return XCTFail(path + ": " + Fixture.describe(outcome)) }
            XCTAssertGreaterThan(checked, 30)
        }
    }

    /// A 款 misnamed in the word form (line 492 财政事务 → 财政事物) and an old 类 name
    /// (line 519 卫生健康支出 → 医疗卫生与计划生育支出): one warning each.
    func testCaizhengjuMutatedNames() throws {
        let misnamed = try Fixture.shanghai(Fixture.caizhengju, edits: [(492, "财政事务（款）", "财政事物（款）")])
        XCTAssertEqual(Fixture.summary(Fixture.findings(D10ClassNames.self, misnamed)), ["warning D10.class-names L492 财政事物/财政事务"])
        let former = try Fixture.shanghai(Fixture.caizhengju, edits: [(519, "卫生健康支出（类）", "医疗卫生与计划生育支出（类）")])
        let findings = Fixture.findings(D10ClassNames.self, former)
        XCTAssertEqual(Fixture.summary(findings), ["warning D10.class-names L519 医疗卫生与计划生育支出/卫生健康支出"])
        XCTAssertTrue(findings.first?.message.contains("（210）") == true, findings.first?.message ?? "")
    }

    /// The code form (seed line 82): a 款 name that differs from its code's (20113 商贸事务).
    func testSeedCodeFormMisnamed() throws {
        let document = try Fixture.seedText(edits: [(82, "商贸事务(13）", "商务事务(13）")])
        let findings = Fixture.findings(D10ClassNames.self, document).filter { $0.line == 82 }
        XCTAssertEqual(Fixture.summary(findings), ["warning D10.class-names L82 商务事务/商贸事务"])
    }

    /// Words before a 类 name (“用于一般公共服务支出（类）”) and a 类 printed without 支出 are no finding.
    func testClassNameAfterOtherWords() throws {
        var document = try Fixture.shanghai(Fixture.caizhengju)
        for index in document.paragraphs.indices where document.paragraphs[index].line == 482 {
            document.paragraphs[index].body = "一般公共预算财政拨款支出主要用于一般公共服务（类）2106.66万元。"
        }
        guard case .pass = D10ClassNames.evaluate(document) else { return XCTFail(Fixture.describe(D10ClassNames.evaluate(document))) }
    }
}
