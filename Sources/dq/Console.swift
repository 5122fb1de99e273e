import Foundation
import Render
import Store
import Synchronization

/// The only writer to stdout and stderr. Results are buffered and written with write(2) to
/// stdout or to the `.output`/`.once` target; a closed stdout pipe (`dq … | head -1`) ends
/// the process quietly with status 0. A failed write of results (a full disk) is reported
/// once per destination and makes the process exit with status 1.
final class Console {
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    /// Where results go instead of stdout (`.output`), and a one-statement target (`.once`).
    private var target: OutputTarget?
    private var onceTarget: OutputTarget?
    /// Set when writing to the current destination failed; further results are dropped.
    private var destinationFailed = false
    /// Set by a failed write since the last `takeWriteFailure()`.
    private var failedSinceTaken = false

    /// True once any write of results failed in this process (the exit status is then 1).
    static let writeFailed = Atomic<Bool>(false)

    init() {
        signal(SIGPIPE, SIG_IGN)
        buffer.reserveCapacity(capacity)
    }

    /// Writes result text.
    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { flush() }
    }

    /// Writes encoded result bytes.
    func write(bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    /// The sink renderers write results to.
    var sink: RenderSink { RenderSink(text: { [unowned self] in write($0) }, bytes: { [unowned self] in write(bytes: $0) }) }

    private var current: OutputTarget? { onceTarget ?? target }

    /// Writes everything buffered.
    func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !destinationFailed else { return }
        let descriptor = current?.descriptor ?? STDOUT_FILENO
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EPIPE && current == nil { exit(0) }
                // A command that stopped reading (the user quit the pager): drop the rest.
                if code == EPIPE, current?.isCommand == true {
                    destinationFailed = true
                    return
                }
                fail(code)
                return
            }
            offset += written
        }
    }

    private func fail(_ code: Int32) {
        destinationFailed = true
        failedSinceTaken = true
        Self.writeFailed.store(true, ordering: .relaxed)
        let place = current.map { "写入 \($0.name) 时" } ?? "写入标准输出时"
        note("dq: error[E003]: 结果\(place)失败：\(SystemError.describe(code))")
    }

    /// True (and reset) when a write failed since the last call.
    func takeWriteFailure() -> Bool {
        flush()
        defer { failedSinceTaken = false }
        return failedSinceTaken
    }

    /// The `.output`/`.once` target, nil for stdout.
    var destinationName: String? { current?.name }

    /// True when results go to a terminal (not a pipe, a file or `.output`).
    var isTerminal: Bool { current == nil && isatty(STDOUT_FILENO) == 1 }

    /// The terminal's width in columns, when it has one.
    var terminalColumns: Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// `.output`: sends results to `argument` (a file, or `|COMMAND`), or back to stdout
    /// when nil. `protected` names files that must not be written (the open database).
    func redirect(to argument: String?, protected: [String]) throws {
        flush()
        endOnce()
        target?.close()
        target = nil
        destinationFailed = false
        guard let argument else { return }
        target = try opened(argument, protected: protected)
    }

    /// `.once`: sends the results of the next line only to `argument`.
    func redirectOnce(to argument: String, protected: [String]) throws {
        flush()
        endOnce()
        onceTarget = try opened(argument, protected: protected)
        destinationFailed = false
    }

    /// Runs `body` with results going through the pager command (`.pager on`).
    func throughPager(_ command: String, _ body: () -> Void) {
        guard current == nil, let pager = try? OutputTarget.open("|" + command, protected: []) else { return body() }
        flush()
        onceTarget = pager
        body()
        endOnce()
    }

    /// Closes the `.once` target after the line it was for.
    func endOnce() {
        guard let once = onceTarget else { return }
        flush()
        once.close()
        onceTarget = nil
        destinationFailed = false
    }

    private func opened(_ argument: String, protected: [String]) throws -> OutputTarget {
        let opened = try OutputTarget.open(argument, protected: protected)
        if opened.truncatedBytes > 0 { note("注意：已清空原有文件 \(opened.name)（\(opened.truncatedBytes) 字节），结果写入其中") }
        return opened
    }

    /// A message on stderr (results written so far go first).
    func note(_ text: String, newline: Bool = true) {
        flush()
        let bytes = Array((newline ? text + "\n" : text).utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// An error line `dq: error[CODE]: message` on stderr.
    func error(_ error: Error) {
        let code: String
        switch error {
        case let setup as SetupError: code = setup.code
        case is StoreError: code = "S200"
        default: code = "E000"
        }
        let message = (error as? StoreError).map(SQLiteMessage.explain) ?? "\(error)"
        note("dq: error[\(code)]: \(message)")
    }
}
