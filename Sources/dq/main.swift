import ArgumentParser
import Foundation
#if os(Linux)
import CMalloc
#endif

// Only LC_CTYPE follows the environment (switched to UTF-8 when it is not), so that
// libedit accepts Chinese input; numbers never depend on the locale (SPEC §4).
if setlocale(LC_CTYPE, "") == nil || String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
    setlocale(LC_CTYPE, "C.UTF-8")
}

#if os(Linux)
// Each insert of an import has SQLite allocate and free a few hundred KiB; with glibc's
// default trim threshold (128 KiB) every free gave the top of the heap back to the kernel,
// and an import paid thousands of page faults taking it again. Keep up to 64 MiB freed.
_ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
#endif

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
