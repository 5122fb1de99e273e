import Foundation
import Render
import Store

/// The only writer to stdout and stderr. Stdout is buffered and written with write(2);
/// a closed pipe (`dq … | head -1`) ends the process quietly with status 0.
final class Console {
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    /// Where results go: stdout, or a file after `.output FILE`.
    private var file: FileHandle?

    init() {
        signal(SIGPIPE, SIG_IGN)
        buffer.reserveCapacity(capacity)
    }

    /// Writes result text (to stdout or the `.output` file).
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

    /// Writes everything buffered.
    func flush() {
        guard !buffer.isEmpty else { return }
        let descriptor = file?.fileDescriptor ?? STDOUT_FILENO
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE && file == nil { exit(0) }
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// True when results go to a terminal (not a pipe, a file or `.output`).
    var isTerminal: Bool { file == nil && isatty(STDOUT_FILENO) == 1 }

    /// The terminal's width in columns, when it has one.
    var terminalColumns: Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Sends results to `path` (created or truncated), or back to stdout when nil.
    func redirect(to path: String?) throws {
        flush()
        try file?.close()
        file = nil
        guard let path else { return }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ConsoleError.cannotOpen(path)
        }
        file = handle
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
        note("dq: error[\(code)]: \(error)")
    }
}

enum ConsoleError: Error, CustomStringConvertible {
    case cannotOpen(String)
    var description: String {
        switch self {
        case .cannotOpen(let path): return "无法写入文件：\(path)"
        }
    }
}
