import CSQLite
import Synchronization

/// The one connection a SIGINT handler may interrupt: the process's only global state.
///
/// A C signal handler cannot capture a `Database`, so it reads the raw handle from here.
/// The slot is an atomic word, so the handler never sees a torn value. Use:
///
/// ```swift
/// InterruptTarget.register(db)            // before installing the handler
/// signal(SIGINT) { _ in InterruptTarget.fire() }
/// ```
///
/// `Database.deinit` unregisters itself before closing. Code that need not run in a signal
/// handler should prefer `DispatchSource.makeSignalSource(signal: SIGINT)` (after
/// `signal(SIGINT, SIG_IGN)`) whose handler calls `db.interrupt()`: no global state at all.
@available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
public enum InterruptTarget {
    /// The registered `sqlite3 *` as an integer, or 0.
    private static let slot = Atomic<UInt>(0)

    /// Makes `database` the connection `fire()` interrupts.
    public static func register(_ database: Database) {
        slot.store(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(database.handle))), ordering: .releasing)
    }

    /// Clears the slot if it holds `database`.
    public static func unregister(_ database: Database) {
        let bits = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(database.handle)))
        _ = slot.compareExchange(expected: bits, desired: 0, ordering: .acquiringAndReleasing)
    }

    /// Clears the slot.
    public static func clear() {
        slot.store(0, ordering: .releasing)
    }

    /// Interrupts the registered connection, if any. Async-signal-safe: one atomic load and
    /// `sqlite3_interrupt`, which only sets a flag.
    public static func fire() {
        let bits = slot.load(ordering: .acquiring)
        guard let handle = OpaquePointer(bitPattern: bits) else { return }
        sqlite3_interrupt(handle)
    }
}
