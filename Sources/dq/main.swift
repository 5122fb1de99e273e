import ArgumentParser
import Foundation

// One place maps parse errors to messages and exit codes: usage errors exit 2 (SPEC §4).
do {
    var command = try DQCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = DQCommand.exitCode(for: error)
    if code == .success {
        print(DQCommand.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((DQCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(code == ExitCode.validationFailure ? 2 : code.rawValue)
}
