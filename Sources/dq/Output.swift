import Foundation
import Store

/// The only writer to stdout and stderr.
enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func note(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
    }

    /// An error line `dq: error[CODE]: message` on stderr.
    static func error(_ error: Error) {
        let code: String
        switch error {
        case let setup as SetupError: code = setup.code
        case is StoreError: code = "S200"
        default: code = "E000"
        }
        note("dq: error[\(code)]: \(error)")
    }
}
