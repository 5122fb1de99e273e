import XCTest
@testable import Importer

/// Placements of a single row whose blank cells print nothing, shared by the budget and the
/// final-accounts readers: every order-keeping placement where the identities hold.
final class RowPlacementTests: XCTestCase {
    /// 合计 = 出国 + 车 + 接待 and 车 = 购置 + 运行, as the 三公 tables print them (columns 0–5).
    static let identities: [(whole: Int, parts: [Int])] = [(0, [1, 2, 5]), (2, [3, 4])]

    func testPlacementsAreEveryOrderKeepingOneThatHolds() {
        // 合计 10, 车 6 with one part 6 (购置 or 运行), 接待 4, 出国 blank: 10 6 6 4.
        let values: [Int64] = [10, 6, 6, 4]
        XCTAssertEqual(RowPlacement.placements(values, columns: 6, identities: Self.identities), [[0, 2, 3, 5], [0, 2, 4, 5]])
        XCTAssertFalse(RowPlacement.holds(values, [0, 1, 4, 5], columns: 6, identities: Self.identities))
        // The part of 车 stays open; the other figures are settled.
        let settled = RowPlacement.settled(values, columns: 6, identities: Self.identities)
        XCTAssertEqual(settled.map(\.0), [0, 1, 3])
        XCTAssertEqual(settled.map(\.1), [0, 2, 5])
    }

    func testSeveralPlacementsLeaveTheOpenFiguresUnsettled() {
        // 合计 5, then 5: 出国 or 接待 (车 would need a part beside it).
        let values: [Int64] = [5, 5]
        let all = RowPlacement.placements(values, columns: 6, identities: Self.identities)
        XCTAssertEqual(all, [[0, 1], [0, 5]])
        let settled = RowPlacement.settled(values, columns: 6, identities: Self.identities)
        XCTAssertEqual(settled.map(\.0), [0])
        XCTAssertEqual(settled.map(\.1), [0])
    }

    func testMoreFiguresThanColumnsHaveNoPlacement() {
        XCTAssertEqual(RowPlacement.placements([1, 1, 1], columns: 2, identities: []), [])
        XCTAssertEqual(RowPlacement.placements([3, 1, 2], columns: 3, identities: [(0, [1, 2])]), [[0, 1, 2]])
        XCTAssertEqual(RowPlacement.placements([3, 1, 1], columns: 3, identities: [(0, [1, 2])]), [])
    }
}
