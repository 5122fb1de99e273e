import Foundation

/// Where results go after `.output`/`.once`: a file opened in place, or a shell command's
/// standard input (`|COMMAND`). Files are never renamed or replaced: an existing file is
/// truncated and written through the same inode, FIFOs and character devices are written
/// as they are, and the open database (with its -wal and -shm files) is refused.
final class OutputTarget {
    let name: String
    let descriptor: Int32
    /// The size of the file that was emptied to take the results (0 for a new file).
    let truncatedBytes: Int64
    private let pipe: UnsafeMutablePointer<FILE>?

    private init(name: String, descriptor: Int32, pipe: UnsafeMutablePointer<FILE>?, truncatedBytes: Int64 = 0) {
        self.name = name
        self.descriptor = descriptor
        self.pipe = pipe
        self.truncatedBytes = truncatedBytes
    }

    /// Opens `argument`: `|COMMAND` runs COMMAND through /bin/sh, anything else is a file.
    /// `protected` lists files that must not be written (the open database).
    static func open(_ argument: String, protected: [String]) throws -> OutputTarget {
        if argument.hasPrefix("|") {
            let command = argument.dropFirst().trimmingCharacters(in: .whitespaces)
            guard !command.isEmpty else { throw OutputError.emptyCommand }
            fflush(nil)
            guard let stream = popen(command, "w") else { throw OutputError.cannotRun(command, errno) }
            return OutputTarget(name: argument, descriptor: fileno(stream), pipe: stream)
        }
        return try openFile(argument, protected: protected)
    }

    private static func openFile(_ path: String, protected: [String]) throws -> OutputTarget {
        let guarded = protected.flatMap { [$0, $0 + "-wal", $0 + "-shm", $0 + "-journal"] }.compactMap(identity)
        // Opened without O_TRUNC: what the path names is checked on the open descriptor
        // (no window between the check and the write), then truncated if it is a file.
        let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOCTTY, 0o666)
        guard descriptor >= 0 else { throw OutputError.cannotOpen(path, errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            Foundation.close(descriptor)
            throw OutputError.cannotOpen(path, code)
        }
        let kind = info.st_mode & S_IFMT
        if guarded.contains(where: { $0.device == info.st_dev && $0.inode == info.st_ino }) {
            Foundation.close(descriptor)
            throw OutputError.database(path)
        }
        switch kind {
        case S_IFREG:
            guard ftruncate(descriptor, 0) == 0 else {
                let code = errno
                Foundation.close(descriptor)
                throw OutputError.cannotOpen(path, code)
            }
        case S_IFIFO, S_IFCHR:
            break
        default:
            Foundation.close(descriptor)
            throw OutputError.notAFile(path)
        }
        return OutputTarget(name: path, descriptor: descriptor, pipe: nil, truncatedBytes: kind == S_IFREG ? Int64(info.st_size) : 0)
    }

    /// Device and inode of an existing path (following links), nil when there is none.
    private static func identity(_ path: String) -> (device: UInt, inode: UInt)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt(info.st_dev), UInt(info.st_ino))
    }

    /// True for `|COMMAND` (a pager the user quits closes it early, which is no error).
    var isCommand: Bool { pipe != nil }

    /// Closes the file, or waits for the command to end.
    func close() {
        if let pipe {
            pclose(pipe)
        } else {
            Foundation.close(descriptor)
        }
    }
}

enum OutputError: Error, CustomStringConvertible {
    case cannotOpen(String, Int32)
    case cannotRun(String, Int32)
    case emptyCommand
    case database(String)
    case notAFile(String)

    var description: String {
        switch self {
        case .cannotOpen(let path, let code): return "无法写入文件 \(path)：\(SystemError.describe(code))"
        case .cannotRun(let command, let code): return "无法运行命令 \(command)：\(SystemError.describe(code))"
        case .emptyCommand: return "| 之后需要命令"
        case .database(let path): return "\(path) 是正在使用的数据库（或其 -wal、-shm 文件），不能写入结果"
        case .notAFile(let path): return "\(path) 不是普通文件、命名管道或字符设备，不能写入结果"
        }
    }
}

/// System error numbers in Chinese words, the number kept for searching.
enum SystemError {
    static func describe(_ code: Int32) -> String {
        let text: String
        switch code {
        case ENOSPC: text = "磁盘已满"
        case EDQUOT: text = "超出磁盘配额"
        case EACCES, EPERM: text = "没有权限"
        case ENOENT: text = "目录不存在"
        case EISDIR: text = "是目录"
        case EROFS: text = "文件系统只读"
        case EIO: text = "输入输出错误"
        case EPIPE: text = "管道已关闭"
        case ENOTDIR: text = "路径中有一段不是目录"
        case ENAMETOOLONG: text = "路径太长"
        case EFBIG: text = "文件太大"
        default: text = "系统错误"
        }
        return "\(text)（错误号 \(code)）"
    }
}
