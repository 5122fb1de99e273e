import Foundation
import XCTest

/// The real `dq` binary in a terminal: a private tmux server (its own socket, one per
/// session), keys in through `send-keys`, screen text out through `capture-pane`.
///
/// dq runs under `env -i` with TERM=screen, LANG=C (dq must switch LC_CTYPE to UTF-8
/// itself) and its own HOME, XDG_STATE_HOME and XDG_DATA_HOME inside `home`, so history
/// and the default database never touch the user's files. The server is killed when the
/// test ends. Waiting is by polling the screen every 50 ms, never by long fixed sleeps.
final class TmuxSession {
    /// Keys sent by name (one `send-keys` call each); text goes through `send(_:)`.
    enum Key: String {
        case enter = "Enter", tab = "Tab", left = "Left", right = "Right", up = "Up", down = "Down"
        case backspace = "BSpace", home = "Home", end = "End"
        case ctrlC = "C-c", ctrlD = "C-d", ctrlU = "C-u", ctrlA = "C-a", ctrlE = "C-e"
    }

    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let screen: String
        var description: String { "timed out waiting for \(waitingFor); screen:\n\(screen)" }
    }

    let socket = "dqtest-\(UUID().uuidString)"
    /// HOME for dq; state/ and data/ under it are XDG_STATE_HOME and XDG_DATA_HOME.
    let home: URL
    let width: Int
    let height: Int
    private let tmux: String

    var stateHome: URL { home.appendingPathComponent("state") }
    var dataHome: URL { home.appendingPathComponent("data") }
    var historyFile: URL { stateHome.appendingPathComponent("dq/history") }

    /// The tmux executable, or nil when tmux is not installed.
    static let tmuxPath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        return directories.map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Starts `dq ARGUMENTS` (by default `dq --memory`) in a new private tmux server.
    /// `home` is shared between sessions that must see the same history; `environment`
    /// adds variables to dq's (otherwise empty) environment; `shellCommand` replaces the
    /// whole command (for pipes into dq), `{dq}` standing for the binary and `{env}` for
    /// the environment assignments.
    init(_ test: XCTestCase, arguments: [String] = ["--memory"], home: URL? = nil,
         environment: [String: String] = [:], width: Int = 120, height: Int = 40,
         shellCommand: String? = nil) throws {
        guard let tmux = Self.tmuxPath else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: DQProcess.binary.path) else {
            throw XCTSkip("dq binary not built at \(DQProcess.binary.path)")
        }
        self.tmux = tmux
        self.home = try home ?? DQProcess.temporaryDirectory(test)
        self.width = width
        self.height = height

        var variables = ["TERM": "screen", "LANG": "C", "HOME": self.home.path,
                         "XDG_STATE_HOME": stateHome.path, "XDG_DATA_HOME": dataHome.path]
        variables.merge(environment) { _, new in new }
        let assignments = variables.keys.sorted().map { "\($0)=\(Self.quote(variables[$0]!))" }.joined(separator: " ")
        let dq = Self.quote(DQProcess.binary.path)
        let command = shellCommand.map {
            $0.replacingOccurrences(of: "{dq}", with: dq).replacingOccurrences(of: "{env}", with: assignments)
        } ?? "exec env -i \(assignments) \(dq) \(arguments.map(Self.quote).joined(separator: " "))"

        test.addTeardownBlock { [tmux, socket] in
            _ = try? Self.execute(tmux, ["-L", socket, "kill-server"])
        }
        // remain-on-exit keeps the pane (and its last screen) after dq exits, so a test can
        // see how it ended; it is set in the same command as the session is created.
        try tmuxCommand(["-f", "/dev/null", "new-session", "-d", "-s", "dq", "-x", String(width), "-y", String(height),
                         command, ";", "set-option", "-p", "remain-on-exit", "on"])
    }

    // MARK: Keys

    /// Types `text` literally (`send-keys -l`); Chinese text arrives as UTF-8.
    func send(_ text: String) throws {
        try tmuxCommand(["send-keys", "-t", "dq", "-l", text])
    }

    /// Presses keys one `send-keys` call at a time.
    func send(keys: Key...) throws {
        for key in keys { try tmuxCommand(["send-keys", "-t", "dq", key.rawValue]) }
    }

    func press(_ key: Key, times: Int) throws {
        for _ in 0..<times { try send(keys: key) }
    }

    // MARK: Screen

    /// The visible screen (or, with `scrollback`, the last 200 lines of history too),
    /// wrapped lines joined, trailing spaces removed, trailing empty lines dropped.
    func screen(scrollback: Bool = false) throws -> String {
        var arguments = ["capture-pane", "-p", "-J", "-t", "dq"]
        if scrollback { arguments += ["-S", "-200"] }
        let lines = try tmuxCommand(arguments).split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                var text = String(line)
                while text.last == " " { text.removeLast() }
                return text
            }
        return Self.dropTrailingEmptyLines(lines).joined(separator: "\n")
    }

    /// The screen's lines (with scrollback).
    func lines() throws -> [String] {
        try screen(scrollback: true).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The last line that is not empty: the prompt line when dq waits for input.
    func lastLine() throws -> String {
        try lines().last { !$0.isEmpty } ?? ""
    }

    /// The cursor's column and row (0-based).
    func cursor() throws -> (x: Int, y: Int) {
        let parts = try format("#{cursor_x} #{cursor_y}").split(separator: " ").compactMap { Int($0) }
        return (parts.first ?? -1, parts.last ?? -1)
    }

    /// `#{…}` formats of the pane (pane_dead, pane_dead_status, pane_pid …).
    func format(_ format: String) throws -> String {
        try tmuxCommand(["display-message", "-p", "-t", "dq", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True once the program in the pane has exited.
    func paneIsDead() throws -> Bool {
        try format("#{pane_dead}") == "1"
    }

    // MARK: Waiting

    /// Polls every 50 ms until the screen (with scrollback) contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 5) throws -> String {
        try waitFor("「\(text)」", timeout: timeout) { $0.contains(text) }
    }

    /// Polls every 50 ms until `condition` holds for the screen (with scrollback).
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 5, _ condition: (String) throws -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while true {
            last = try screen(scrollback: true)
            if try condition(last) { return last }
            if Date() >= deadline { throw Timeout(waitingFor: what, screen: last) }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Waits until dq shows `prompt` (e.g. `dq>`, trailing space trimmed) as the last line
    /// and nothing is still being printed.
    /// Waits until dq shows `prompt` (e.g. `dq>`, trailing space trimmed) as the last line
    /// and libedit has the terminal in its editing mode, ready for keys.
    func waitForPrompt(_ prompt: String = "dq>", timeout: TimeInterval = 5) throws {
        try waitFor("prompt \(prompt)", timeout: timeout) { screen in
            try screen.split(separator: "\n").last.map(String.init) == prompt && isEditing()
        }
    }

    /// True while libedit reads a line: the pane's terminal is out of canonical mode. Keys
    /// sent before that are handled by the terminal driver, not by libedit (a Ctrl-D there
    /// is swallowed as end-of-file of a line nobody reads), so tests wait for it.
    func isEditing() throws -> Bool {
        let tty = try format("#{pane_tty}")
        let descriptor = open(tty, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ICANON) == 0
    }

    /// Waits until the program in the pane has exited and tmux has its exit status;
    /// returns the status ("0") or, when a signal ended it, "signal N".
    @discardableResult
    func waitForExit(timeout: TimeInterval = 5) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        let pid = try format("#{pane_pid}")
        while true {
            // tmux marks the pane dead when the terminal closes and learns the status when it
            // reaps the child, which tmux 3.3 sometimes fails to do (the child stays a
            // zombie): then the status is read from /proc/PID/stat (field 52, exit_code).
            let parts = try format("#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}").split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 3, parts[0] == "1" {
                if !parts[1].isEmpty { return String(parts[1]) }
                if !parts[2].isEmpty { return "signal \(parts[2])" }
                if let status = Self.zombieStatus(pid: pid) { return status }
            }
            if Date() >= deadline { throw Timeout(waitingFor: "dq to exit", screen: try screen(scrollback: true)) }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// The exit status of a process that has ended but was not reaped, from /proc.
    private static func zombieStatus(pid: String) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after "(comm)": state is field 3, exit_code field 52.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.first == "Z", fields.count >= 50, let code = Int(fields[49].trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return code & 0x7F == 0 ? String((code >> 8) & 0xFF) : "signal \(code & 0x7F)"
    }

    /// Types `line`, presses Enter and waits for the next prompt; returns the lines printed
    /// between the command line and the new prompt.
    @discardableResult
    func run(_ line: String, prompt: String = "dq>", nextPrompt: String? = nil, timeout: TimeInterval = 5) throws -> [String] {
        let before = try lines().filter { Self.isPrompt($0) }.count
        try send(line)
        try send(keys: .enter)
        let next = nextPrompt ?? prompt
        try waitFor("output of \(line)", timeout: timeout) { screen in
            let all = screen.split(separator: "\n").map(String.init)
            return try all.filter { Self.isPrompt($0) }.count > before && all.last == next && isEditing()
        }
        let all = try lines()
        guard let echoed = all.lastIndex(where: { Self.isPrompt($0) && $0.hasSuffix(line) }),
              let end = all.lastIndex(where: { $0 == next }), echoed < end else { return [] }
        return Array(all[(echoed + 1)..<end])
    }

    /// A dq prompt line: `dq> …` or `dq[…]> …`.
    static func isPrompt(_ line: String) -> Bool {
        line == "dq>" || line.hasPrefix("dq> ") || (line.hasPrefix("dq[") && line.contains("]>"))
    }

    // MARK: Plumbing

    @discardableResult
    private func tmuxCommand(_ arguments: [String]) throws -> String {
        try Self.execute(tmux, ["-u", "-L", socket] + arguments)
    }

    private static func execute(_ executable: String, _ arguments: [String]) throws -> String {
        // tmux itself runs in a UTF-8 locale so that it reads and shows Chinese; dq's own
        // environment is set by `env -i` in the pane's command.
        let environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": FileManager.default.temporaryDirectory.path]
        // Not Foundation's Process: it learns that a child ended from a socket the child
        // inherits, and the tmux server forked by `new-session` keeps that socket open, so
        // waitUntilExit would never return. posix_spawn + waitpid, output to files (a pipe
        // would be held open by the server the same way), descriptors above 2 closed.
        let directory = FileManager.default.temporaryDirectory
        let outPath = directory.appendingPathComponent("dqtest-tmux-\(UUID().uuidString).out").path
        let errPath = directory.appendingPathComponent("dqtest-tmux-\(UUID().uuidString).err").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw TmuxError(arguments: arguments, message: "posix_spawn failed: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw TmuxError(arguments: arguments, message: "waitpid failed") }
        }
        let data = FileManager.default.contents(atPath: outPath) ?? Data()
        let errors = FileManager.default.contents(atPath: errPath) ?? Data()
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            throw TmuxError(arguments: arguments, message: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc
    /// module does not show; nil when the C library lacks it.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    struct TmuxError: Error, CustomStringConvertible {
        let arguments: [String]
        let message: String
        var description: String { "tmux \(arguments.joined(separator: " ")) failed: \(message)" }
    }

    /// Single-quotes `text` for sh.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func dropTrailingEmptyLines(_ lines: [String]) -> [String] {
        var lines = lines
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
