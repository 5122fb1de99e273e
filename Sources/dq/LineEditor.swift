@preconcurrency import CEditLine
import Foundation
import QueryLanguage
import Store
import Synchronization

/// libedit's readline emulation: the prompt, persistent history, tab completion and
/// Ctrl-C. libedit calls back through C function pointers, so the completer and the
/// Ctrl-C flag live in statics — the only process-wide state the REPL keeps.
final class LineEditor {
    enum Input {
        case line(String)
        /// Ctrl-C at the prompt: the line was cleared.
        case interrupted
        /// Ctrl-D or end of input.
        case end
    }

    private let historyPath: String?

    init(historyPath: String?, completer: ShellCompleter) {
        self.historyPath = historyPath
        LineEditorState.completer.withLock { $0 = completer }
        rl_readline_name = UnsafePointer(strdup("dq"))
        rl_attempted_completion_function = complete
        stifle_history(2000)
        if let historyPath {
            try? FileManager.default.createDirectory(atPath: (historyPath as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            _ = read_history(historyPath)
        }
        signal(SIGINT) { _ in
            LineEditorState.interruptRequested.store(true, ordering: .relaxed)
            InterruptTarget.fire()
        }
    }

    /// Updates what completion offers (after `.open` or an import).
    func update(_ completer: ShellCompleter) {
        LineEditorState.completer.withLock { $0 = completer }
    }

    func read(prompt: String) -> Input {
        LineEditorState.interruptRequested.store(false, ordering: .relaxed)
        guard let raw = readline(prompt) else {
            if LineEditorState.interruptRequested.exchange(false, ordering: .relaxed) {
                writeAll("\n", to: STDOUT_FILENO)
                return .interrupted
            }
            return .end
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds a line to the history and saves the history file.
    func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        add_history(line)
        if let historyPath { _ = write_history(historyPath) }
    }

    /// True when Ctrl-C arrived since the prompt was last shown.
    static func interruptPending() -> Bool {
        LineEditorState.interruptRequested.load(ordering: .relaxed)
    }

    /// True (and reset) when Ctrl-C arrived since the last call.
    static func takeInterrupt() -> Bool {
        LineEditorState.interruptRequested.exchange(false, ordering: .relaxed)
    }
}

/// State shared with libedit's C callbacks and the SIGINT handler.
enum LineEditorState {
    static let interruptRequested = Atomic<Bool>(false)
    static let completer = Mutex<ShellCompleter?>(nil)
}

/// libedit's attempted-completion hook. Returns [substitution, shown matches…, NULL]: the
/// substitution is the common prefix by Character (libedit's own cuts UTF-8 sequences);
/// codes are shown with their names.
private func complete(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    let word = text.map { String(cString: $0) } ?? ""
    var before = ""
    if let buffer = rl_line_buffer, start > 0 {
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(start))
        before = String(decoding: bytes, as: UTF8.self)
    }
    let candidates = LineEditorState.completer.withLock { $0?.candidates(before: before, word: word) } ?? []
    guard !candidates.isEmpty else { return nil }
    let entries: [String]
    if candidates.count == 1 {
        entries = [candidates[0].text, candidates[0].text]
    } else {
        entries = [CompletionList.commonPrefix(candidates.map(\.text))] + CompletionList.padded(candidates.map(\.display))
    }
    guard let array = calloc(entries.count + 1, MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
        .assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self) else { return nil }
    for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
    return array
}
