@testable import dq
import Foundation
import Synchronization
import XCTest

/// ReadAhead: inputs read on several threads, results taken in input order, readers never
/// more than the window ahead of the consumer.
final class ReadAheadTests: XCTestCase {
    func testResultsComeInInputOrderAndEachInputIsReadOnce() {
        let reads = Mutex<[Int]>([])
        let reading = ReadAhead(count: 200, workers: 4, window: 8) { index -> String in
            if index % 7 == 0 { usleep(200) }   // uneven work, so readers finish out of order
            reads.withLock { $0.append(index) }
            return "input \(index)"
        }
        for index in 0..<200 {
            XCTAssertEqual(reading.result(at: index), "input \(index)")
        }
        XCTAssertEqual(reads.withLock { $0.sorted() }, Array(0..<200))
    }

    func testReadersStayWithinTheWindow() {
        let window = 3
        let started = Atomic<Int>(-1)
        let reading = ReadAhead(count: 50, workers: 4, window: window) { index -> Int in
            started.max(index)
            return index
        }
        for index in 0..<50 {
            // Before result `index` is taken, results 0..<index have been consumed: at most
            // `window` inputs past them can have started.
            usleep(100)
            XCTAssertLessThan(started.load(ordering: .sequentiallyConsistent), index + window)
            XCTAssertEqual(reading.result(at: index), index)
        }
    }

    func testMoreWorkersThanInputs() {
        let reading = ReadAhead(count: 1, workers: 8, window: 16) { $0 * 2 }
        XCTAssertEqual(reading.result(at: 0), 0)
        let none = ReadAhead(count: 0, workers: 2, window: 4) { $0 }
        _ = none
    }
}

private extension Atomic where Value == Int {
    func max(_ value: Int) {
        var current = load(ordering: .sequentiallyConsistent)
        while current < value {
            let (exchanged, original) = compareExchange(expected: current, desired: value, ordering: .sequentiallyConsistent)
            if exchanged { return }
            current = original
        }
    }
}
