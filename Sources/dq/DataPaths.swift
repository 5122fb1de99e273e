import Foundation
import Store

/// Where dq keeps its files: $XDG_DATA_HOME/dq (else ~/.local/share/dq) for the default
/// database, $XDG_STATE_HOME/dq (else ~/.local/state/dq) for history. Without HOME the
/// password database names the home directory. The init file is $XDG_CONFIG_HOME/dq/dqrc.
enum DataPaths {
    static func defaultDatabase(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        try directory(xdg: "XDG_DATA_HOME", fallback: ".local/share", environment: environment) + "/dq/dq.sqlite"
    }

    static func history(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        try directory(xdg: "XDG_STATE_HOME", fallback: ".local/state", environment: environment) + "/dq/history"
    }

    /// The init file run when a query session starts: $XDG_CONFIG_HOME/dq/dqrc (else ~/.config/dq/dqrc).
    static func initFile(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        try directory(xdg: "XDG_CONFIG_HOME", fallback: ".config", environment: environment) + "/dq/dqrc"
    }

    private static func directory(xdg: String, fallback: String, environment: [String: String]) throws -> String {
        if let value = environment[xdg], value.hasPrefix("/") { return value }
        if let home = environment["HOME"], !home.isEmpty { return home + "/" + fallback }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir {
            let home = String(cString: dir)
            if !home.isEmpty { return home + "/" + fallback }
        }
        throw SetupError.noHome
    }
}
