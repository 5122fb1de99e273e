import Core
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a file's bytes into a `SourceText`: UTF-8 (a leading BOM dropped) or GB18030/GBK
/// text, or a PDF through `pdftotext -layout`. Line numbers are always those of the text as
/// given (for a PDF, as pdftotext prints it), whatever the encoding.
public enum TextDecoder {
    /// Reads and decodes the file at `path`; `sourceFile` is the name kept on the disclosure
    /// and used in messages (default: `path` as given).
    public static func read(path: String, sourceFile: String? = nil) throws -> SourceText {
        let name = sourceFile ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError.unreadable(file: name, reason: "文件不存在")
        }
        guard !isDirectory.boolValue else { throw ImportError.unreadable(file: name, reason: "是目录") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError.unreadable(file: name, reason: String(cString: strerror(errno)))
        }
        return try decode([UInt8](data), sourceFile: name, pdfPath: path)
    }

    /// Decodes bytes already in memory. A PDF is handed to pdftotext: from `pdfPath` when
    /// given, else from a temporary copy.
    /// `environment` supplies the PATH pdftotext is looked for on.
    public static func decode(_ bytes: [UInt8], sourceFile: String, pdfPath: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SourceText {
        let sha256 = SHA256.hex(bytes)
        if bytes.allSatisfy(isBlankByte) { throw ImportError.empty(file: sourceFile) }
        if bytes.starts(with: Array("%PDF-".utf8)) {
            let output = try runPDFToText(bytes, path: pdfPath, sourceFile: sourceFile, environment: environment)
            guard let text = String(validatingUTF8Bytes: output) else {
                throw ImportError.unreadable(file: sourceFile, reason: "pdftotext 的输出不是 UTF-8")
            }
            var lines = splitLines(text.utf8.map { $0 }).map { String(decoding: $0, as: UTF8.self) }
            // pdftotext starts every page but the first with \f and ends the output with one.
            let pages = pageStarts(lines)
            lines = lines.map { $0.replacingOccurrences(of: "\u{0C}", with: "") }
            if lines.last == "" && output.last == 0x0C { lines.removeLast() }
            try checkNotEmpty(lines, sourceFile: sourceFile)
            return SourceText(lines: lines, sourceFile: sourceFile, sha256: sha256, encoding: "PDF", pageStarts: pages)
        }
        if isBinary(bytes) { throw ImportError.binary(file: sourceFile) }

        var rawLines = splitLines(bytes)
        let encoding: String
        var lines: [String]
        if String(validatingUTF8Bytes: bytes) != nil {
            encoding = "UTF-8"
            lines = rawLines.map { String(decoding: $0, as: UTF8.self) }
        } else {
            encoding = "GB18030"
            let converter = try GB18030Converter(sourceFile: sourceFile)
            lines = []
            lines.reserveCapacity(rawLines.count)
            for (index, raw) in rawLines.enumerated() {
                if let line = converter.convert(raw) ?? String(validatingUTF8Bytes: raw) {
                    lines.append(line)
                } else {
                    throw ImportError.undecodable(file: sourceFile, line: index + 1)
                }
            }
        }
        rawLines.removeAll()
        if let first = lines.first, first.unicodeScalars.first == "\u{FEFF}" {
            lines[0] = String(String.UnicodeScalarView(first.unicodeScalars.dropFirst()))
        }
        let pages = pageStarts(lines)
        lines = lines.map { $0.utf8.contains(0x0C) ? $0.replacingOccurrences(of: "\u{0C}", with: "") : $0 }
        try checkNotEmpty(lines, sourceFile: sourceFile)
        return SourceText(lines: lines, sourceFile: sourceFile, sha256: sha256, encoding: encoding, pageStarts: pages)
    }

    /// 1-based lines holding a form feed (a page break before their text).
    static func pageStarts(_ lines: [String]) -> [Int] {
        lines.indices.filter { lines[$0].utf8.contains(0x0C) }.map { $0 + 1 }
    }

    // MARK: - Lines and classification

    /// Splits at LF; a trailing CR is dropped from each line; a final LF ends the last line
    /// rather than starting an empty one.
    static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.last == 0x0D ? $0.dropLast() : $0 }
    }

    private static func isBlankByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    /// NUL bytes, or more than 1 in 20 bytes control characters other than \t \n \r \f.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        var controls = 0
        for byte in bytes {
            if byte == 0 { return true }
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C) || byte == 0x7F {
                controls += 1
            }
        }
        return controls > 0 && controls * 20 > bytes.count
    }

    private static func checkNotEmpty(_ lines: [String], sourceFile: String) throws {
        let blank = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}\u{3000}"))
        if lines.allSatisfy({ $0.trimmingCharacters(in: blank).isEmpty }) { throw ImportError.empty(file: sourceFile) }
    }

    // MARK: - PDF

    /// The first `name` on PATH that is executable.
    static func findExecutable(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private static func runPDFToText(_ bytes: [UInt8], path: String?, sourceFile: String,
                                     environment: [String: String]) throws -> [UInt8] {
        guard let executable = findExecutable("pdftotext", environment: environment) else { throw ImportError.pdftotextMissing(file: sourceFile) }
        var input = path
        var temporary: String?
        if input == nil {
            let name = FileManager.default.temporaryDirectory.appendingPathComponent("dq-import-\(UUID().uuidString).pdf").path
            guard FileManager.default.createFile(atPath: name, contents: Data(bytes)) else {
                throw ImportError.unreadable(file: sourceFile, reason: "无法写入临时文件")
            }
            temporary = name
            input = name
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-layout", "-enc", "UTF-8", input!, "-"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ImportError.unreadable(file: sourceFile, reason: "无法运行 pdftotext：\(error.localizedDescription)")
        }
        // Drain stderr on another thread so that neither pipe can fill up and block pdftotext.
        let errorBox = ErrorBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorBox.data, as: UTF8.self)
                .split(separator: "\n").last.map(String.init) ?? "退出码 \(process.terminationStatus)"
            throw ImportError.unreadable(file: sourceFile, reason: "pdftotext 无法读取此 PDF：\(message)")
        }
        return [UInt8](output)
    }

    private final class ErrorBox: @unchecked Sendable {
        var data = Data()
    }
}

/// GB18030 → UTF-8 with iconv, one line at a time.
private final class GB18030Converter {
    private let descriptor: iconv_t

    init(sourceFile: String) throws {
        let handle = iconv_open("UTF-8", "GB18030")
        guard let handle, handle != iconv_t(bitPattern: -1) else {
            throw ImportError.unreadable(file: sourceFile, reason: "系统不支持 GB18030 编码转换（iconv）")
        }
        descriptor = handle
    }

    deinit { iconv_close(descriptor) }

    /// The line converted, or nil when its bytes are not valid GB18030.
    func convert(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.isEmpty { return "" }
        _ = iconv(descriptor, nil, nil, nil, nil)   // reset the shift state
        var input = Array(bytes).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 8)
        let outputCapacity = output.count
        return input.withUnsafeMutableBufferPointer { inBuffer -> String? in
            output.withUnsafeMutableBufferPointer { outBuffer -> String? in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outputCapacity
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                let produced = outputCapacity - outLeft
                let raw = UnsafeRawBufferPointer(start: outBuffer.baseAddress, count: produced)
                return String(validatingUTF8Bytes: Array(raw))
            }
        }
    }
}

extension String {
    /// The bytes as a String when they are valid UTF-8, else nil.
    init?<Bytes: Collection>(validatingUTF8Bytes bytes: Bytes) where Bytes.Element == UInt8 {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self = text
    }
}
