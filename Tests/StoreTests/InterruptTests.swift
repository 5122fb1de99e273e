import Dispatch
import XCTest
@testable import Store
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long query stops with SQLITE_INTERRUPT and the connection stays usable.
final class InterruptTests: XCTestCase {
    private let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"

    /// Calls `action` every 100 ms (first after 100 ms) on a private queue while `body` runs.
    private func repeatedly(_ action: @escaping @Sendable () -> Void, while body: () throws -> Void) rethrows {
        let queue = DispatchQueue(label: "dq.store-tests.interrupter")
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
        timer.setEventHandler(handler: action)
        timer.resume()
        // Cancel on the timer's queue so no handler runs after this returns.
        defer { queue.sync { timer.cancel() } }
        try body()
    }

    func testInterruptFromAnotherThread() throws {
        let db = try Database(.memory)
        var error: StoreError?
        repeatedly({ db.interrupt() }) {
            error = expectStoreError { _ = try db.scalar(endless) }
        }
        XCTAssertEqual(error?.isInterrupt, true)
        XCTAssertEqual(error?.code, 9)
        XCTAssertEqual(error?.sql, endless)
        XCTAssertEqual(try db.scalar("SELECT 1"), .integer(1))
    }

    func testInterruptedCursorCanBeRerun() throws {
        let db = try Database(.memory)
        let statement = try db.prepare("SELECT x FROM (\(endless)) JOIN (SELECT ? AS x)")
        var error: StoreError?
        repeatedly({ db.interrupt() }) {
            error = expectStoreError { _ = try statement.rows([.integer(5)]).next() }
        }
        XCTAssertEqual(error?.isInterrupt, true)
        let short = try db.prepare("SELECT ?")
        XCTAssertEqual(try short.rows([.integer(5)]).next(), [.integer(5)])
    }

    func testInterruptFromSignalHandler() throws {
        let db = try Database(.memory)
        InterruptTarget.register(db)
        defer { InterruptTarget.clear() }
        let previous = signal(SIGUSR1) { _ in InterruptTarget.fire() }
        defer { signal(SIGUSR1, previous) }
        var error: StoreError?
        repeatedly({ _ = kill(getpid(), SIGUSR1) }) {
            error = expectStoreError { _ = try db.scalar(endless) }
        }
        usleep(50_000)  // let any signal still in flight arrive before the old handler returns
        XCTAssertEqual(error?.isInterrupt, true)
        XCTAssertEqual(try db.scalar("SELECT 2"), .integer(2))
    }

    func testDeinitUnregisters() throws {
        var db: Database? = try Database(.memory)
        if let db { InterruptTarget.register(db) }
        db = nil
        InterruptTarget.fire()  // must not touch the closed connection
        XCTAssertNil(db)
    }
}
