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

/// Writes `text` to stdout and exits with `status`.
func finish(printing text: String, status: Int32 = 0) -> Never {
    FileHandle.standardOutput.write(Data(text.utf8))
    exit(status)
}

// Help and version are answered here, in Chinese; everything else goes to the parser with
// the subcommand moved first. Usage errors exit 2 (SPEC §4).
switch ArgumentOrder.request(Array(CommandLine.arguments.dropFirst())) {
case .version:
    finish(printing: VersionInfo.text)
case .help(let topic):
    guard let text = CommandHelp.text(for: topic) else {
        FileHandle.standardError.write(Data("dq: error[E002]: 没有关于「\(topic ?? "")」的帮助；输入 dq --help 查看全部子命令与语句\n".utf8))
        exit(2)
    }
    finish(printing: text)
case .run(let arguments):
    do {
        var command = try DQCommand.parseAsRoot(arguments)
        try command.run()
    } catch let exit as ExitCode {
        Foundation.exit(exit.rawValue)
    } catch {
        let code = DQCommand.exitCode(for: error)
        if code == .success { finish(printing: CommandHelp.overview) }
        FileHandle.standardError.write(Data((CommandHelp.usageError(error) + "\n").utf8))
        Foundation.exit(code == ExitCode.validationFailure ? 2 : code.rawValue)
    }
}
