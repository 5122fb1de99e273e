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

/// Writes all of `text` to `descriptor` with write(2) (FileHandle traps on a full disk).
@discardableResult
func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += written
    }
    return nil
}

/// Writes `text` to stdout and exits 0, or 1 when it could not be written.
func finish(printing text: String) -> Never {
    signal(SIGPIPE, SIG_IGN)
    if let code = writeAll(text, to: STDOUT_FILENO), code != EPIPE {
        writeAll("dq: error[E003]: 写入标准输出时失败：\(SystemError.describe(code))\n", to: STDERR_FILENO)
        exit(1)
    }
    exit(0)
}

// Help and version are answered here, in Chinese; everything else goes to the parser with
// the subcommand moved first; a plain query command line skips the parser (DirectInvocation).
// Usage errors exit 2 (SPEC §4).
switch ArgumentOrder.request(Array(CommandLine.arguments.dropFirst())) {
case .version:
    finish(printing: VersionInfo.text)
case .help(let topic):
    guard let text = CommandHelp.text(for: topic) else {
        writeAll("dq: error[E002]: 没有关于「\(topic ?? "")」的帮助；输入 dq --help 查看全部子命令与语句\n", to: STDERR_FILENO)
        exit(2)
    }
    finish(printing: text)
case .run(let arguments):
    do {
        if let run = DirectInvocation.run(arguments) {
            try run.run()
        } else {
            let (parsed, moreFiles) = ArgumentOrder.setAsideFiles(arguments)
            var command = try DQCommand.parseAsRoot(parsed)
            if var importing = command as? ImportCommand {
                importing.files += moreFiles
                command = importing
            }
            try command.run()
        }
        // A failed write of results (a full disk) fails the run, whatever the command.
        if Console.writeFailed.load(ordering: .relaxed) { exit(1) }
    } catch let exit as ExitCode {
        Foundation.exit(exit.rawValue == 0 && Console.writeFailed.load(ordering: .relaxed) ? 1 : exit.rawValue)
    } catch {
        let code = DQCommand.exitCode(for: error)
        if code == .success { finish(printing: CommandHelp.overview) }
        writeAll(CommandHelp.usageError(error) + "\n", to: STDERR_FILENO)
        Foundation.exit(code == ExitCode.validationFailure ? 2 : code.rawValue)
    }
}
