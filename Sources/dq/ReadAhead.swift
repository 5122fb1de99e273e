import Dispatch
import Synchronization

/// Runs `read` over `count` inputs on a pool of threads while the caller consumes the
/// results in input order (`result(at:)`, 0, 1, 2 …): `dq import` parses files on every core
/// while one thread writes them. Readers stay at most `window` inputs ahead of the consumer,
/// so memory is bounded whatever the number of files.
final class ReadAhead<Output: Sendable>: @unchecked Sendable {
    // Safety: each slot's `output` is written by exactly one reader before it signals
    // `ready`, and read by the consumer only after waiting on that signal.
    private final class Slot: @unchecked Sendable {
        let ready = DispatchSemaphore(value: 0)
        var output: Output?
    }

    private let slots: [Slot]
    private let room: DispatchSemaphore
    private let next = Atomic<Int>(0)
    private let finished = Mutex<[any Sendable]>([])
    private let read: @Sendable (Int) -> Output

    /// Starts `workers` readers (at least one) over inputs `0..<count`.
    init(count: Int, workers: Int, window: Int, read: @escaping @Sendable (Int) -> Output) {
        slots = (0..<count).map { _ in Slot() }
        room = DispatchSemaphore(value: max(1, window))
        self.read = read
        for _ in 0..<max(1, min(workers, count)) {
            DispatchQueue.global().async { self.work() }
        }
    }

    /// The output of input `index`, waiting for it if needed. Call once per index, in order.
    func result(at index: Int) -> Output {
        slots[index].ready.wait()
        return take(index)
    }

    /// As `result(at:)`, but when the output is not ready within `seconds`, calls `stalled`
    /// before waiting on (`dq import` commits the documents written so far).
    func result(at index: Int, stalledAfter seconds: Double, _ stalled: () -> Void) -> Output {
        let deadline = DispatchTime.now() + (seconds.isFinite ? max(0, seconds) : 86_400 * 365)
        if slots[index].ready.wait(timeout: deadline) == .timedOut {
            stalled()
            slots[index].ready.wait()
        }
        return take(index)
    }

    /// Hands back a value the consumer is done with, to be freed on a reader thread: freeing a
    /// read document's many small objects would otherwise cost the one writing thread about a
    /// tenth of its time. The caller must keep no other reference to it.
    func release(_ value: any Sendable) {
        finished.withLock { $0.append(value) }
    }

    private func take(_ index: Int) -> Output {
        let slot = slots[index]
        let output = slot.output!
        slot.output = nil
        room.signal()
        return output
    }

    private func work() {
        while true {
            room.wait()
            // Freed here, outside the lock, before the next input is read.
            let done = finished.withLock { finished in
                defer { finished = [] }
                return finished
            }
            _ = consume done
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < slots.count else {
                room.signal()
                return
            }
            slots[index].output = read(index)
            slots[index].ready.signal()
        }
    }
}
