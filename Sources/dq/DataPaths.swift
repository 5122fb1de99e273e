import Foundation
import Store

/// Where dq keeps its files: $XDG_DATA_HOME/dq (else ~/.local/share/dq) for the default
/// database, $XDG_STATE_HOME/dq (else ~/.local/state/dq) for history. Without HOME the
/// password database names the home directory.
enum DataPaths {
    static func defaultDatabase(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        try directory(xdg: "XDG_DATA_HOME", fallback: ".local/share", environment: environment) + "/dq/dq.sqlite"
    }

    static func history(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        try directory(xdg: "XDG_STATE_HOME", fallback: ".local/state", environment: environment) + "/dq/history"
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
