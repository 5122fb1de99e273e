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
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ImportError.unreadable(file: name, reason: errno == ENOENT ? "文件不存在" : String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) != S_IFDIR else { throw ImportError.unreadable(file: name, reason: "是目录") }
        // Read to the end with read(2): a pipe or FIFO (`/dev/stdin`, `<(…)`) has no size to trust.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ImportError.unreadable(file: name, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(Int(status.st_size), 0))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportError.unreadable(file: name, reason: String(cString: strerror(errno)))
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        let isRegular = (status.st_mode & S_IFMT) == S_IFREG
        return try decode(bytes, sourceFile: name, pdfPath: isRegular ? path : nil)
    }

    /// Decodes bytes already in memory. A PDF is handed to pdftotext: from `pdfPath` when
    /// given, else from a temporary copy.
    /// `environment` supplies the PATH pdftotext is looked for on (default: the process's).
    public static func decode(_ bytes: [UInt8], sourceFile: String, pdfPath: String? = nil,
                              environment: [String: String]? = nil) throws -> SourceText {
        let sha256 = SHA256.hex(bytes)
        if bytes.allSatisfy(isBlankByte) { throw ImportError.empty(file: sourceFile) }
        if bytes.starts(with: Array("%PDF-".utf8)) {
            let output = try runPDFToText(bytes, path: pdfPath, sourceFile: sourceFile,
                                          environment: environment ?? ProcessInfo.processInfo.environment)
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
        // Valid UTF-8 (nearly every file): validated once, its lines copied out of the text.
        if let whole = String(validating: bytes, as: UTF8.self) {
            var lines = utf8Lines(whole)
            dropByteOrderMark(&lines)
            var pages: [Int] = []
            if contains(bytes, 0x0C) {
                pages = pageStarts(lines)
                lines = lines.map { $0.utf8.contains(0x0C) ? $0.replacingOccurrences(of: "\u{0C}", with: "") : $0 }
            }
            try checkNotEmpty(lines, sourceFile: sourceFile)
            return SourceText(lines: lines, sourceFile: sourceFile, sha256: sha256, encoding: "UTF-8", pageStarts: pages)
        }

        var bytes = bytes
        // A UTF-8 file cut in the middle of its last character (a truncated download) loses
        // that character, so that the truncation is reported rather than an encoding.
        if let cut = (1...3).first(where: { $0 < bytes.count && String(validatingUTF8Bytes: bytes.dropLast($0)) != nil }),
           bytes.suffix(cut).allSatisfy({ $0 >= 0x80 }), bytes.dropLast(cut).contains(where: { $0 >= 0x80 }) {
            bytes.removeLast(cut)
        }
        var rawLines = splitLines(bytes)
        let encoding: String
        var lines: [String]
        if String(validatingUTF8Bytes: bytes) != nil {
            encoding = "UTF-8"
            lines = rawLines.map { String(decoding: $0, as: UTF8.self) }
        } else {
            // One encoding for the whole file: a file mostly in UTF-8 with a line that is not
            // (or a GB18030 file with a UTF-8 line) is refused at the line that breaks it,
            // never decoded line by line into text of two encodings.
            let converter = try GB18030Converter(sourceFile: sourceFile)
            let utf8Lines = rawLines.indices.filter { isMultibyteUTF8(rawLines[$0]) }
            let otherLines = rawLines.indices.filter { String(validatingUTF8Bytes: rawLines[$0]) == nil }
            // The encoding with more non-ASCII bytes wins.
            let weight = { (lines: [Int]) in lines.reduce(0) { $0 + rawLines[$1].count(where: { $0 >= 0x80 }) } }
            if weight(utf8Lines) >= weight(otherLines), let first = otherLines.first {
                guard converter.convert(rawLines[first]) != nil else {
                    throw ImportError.undecodable(file: sourceFile, line: first + 1)
                }
                throw ImportError.mixedEncoding(file: sourceFile, line: first + 1, encoding: "UTF-8")
            }
            if let first = utf8Lines.first(where: { rawLines[$0].count(where: { $0 >= 0x80 }) >= 6 }) {
                throw ImportError.mixedEncoding(file: sourceFile, line: first + 1, encoding: "GB18030")
            }
            encoding = "GB18030"
            lines = []
            lines.reserveCapacity(rawLines.count)
            for (index, raw) in rawLines.enumerated() {
                guard let line = converter.convert(raw) else {
                    throw ImportError.undecodable(file: sourceFile, line: index + 1)
                }
                lines.append(line)
            }
        }
        rawLines.removeAll()
        dropByteOrderMark(&lines)
        // Form feeds (page breaks) are looked for line by line only in a file that has one.
        var pages: [Int] = []
        if encoding != "UTF-8" || bytes.contains(0x0C) {
            pages = pageStarts(lines)
            lines = lines.map { $0.utf8.contains(0x0C) ? $0.replacingOccurrences(of: "\u{0C}", with: "") : $0 }
        }
        try checkNotEmpty(lines, sourceFile: sourceFile)
        return SourceText(lines: lines, sourceFile: sourceFile, sha256: sha256, encoding: encoding, pageStarts: pages)
    }

    /// The first line without its leading U+FEFF (a byte order mark), if it has one.
    private static func dropByteOrderMark(_ lines: inout [String]) {
        if let first = lines.first, first.unicodeScalars.first == "\u{FEFF}" {
            lines[0] = String(String.UnicodeScalarView(first.unicodeScalars.dropFirst()))
        }
    }

    /// 1-based lines holding a form feed (a page break before their text).
    static func pageStarts(_ lines: [String]) -> [Int] {
        lines.indices.filter { lines[$0].utf8.contains(0x0C) }.map { $0 + 1 }
    }

    // MARK: - Lines and classification

    /// Splits at LF; a trailing CR is dropped from each line; a final LF ends the last line
    /// rather than starting an empty one.
    /// A document with CR but no LF anywhere (old Mac line ends) is split at CR.
    static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let separator: UInt8 = !contains(bytes, 0x0A) && contains(bytes, 0x0D) ? 0x0D : 0x0A
        var lines = bytes.split(separator: separator, omittingEmptySubsequences: false)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.last == 0x0D ? $0.dropLast() : $0 }
    }

    /// The lines of valid UTF-8 `text`, split as `splitLines` splits its bytes: each a copy
    /// of its bytes (split at ASCII bytes, which are whole scalars, so never revalidated).
    static func utf8Lines(_ text: String) -> [String] {
        let utf8 = text.utf8
        var storage = text
        return storage.withUTF8 { bytes -> [String] in
            guard let base = bytes.baseAddress else { return [""] }
            let count = bytes.count
            let separator: UInt8 = memchr(base, 0x0A, count) == nil && memchr(base, 0x0D, count) != nil ? 0x0D : 0x0A
            var lines: [String] = []
            var start = 0
            func line(_ from: Int, _ to: Int) -> String {
                var end = to
                if end > from && bytes[end - 1] == 0x0D { end -= 1 }
                if end == from { return "" }
                return String(text[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: end)])
            }
            while let hit = memchr(base + start, Int32(separator), count - start) {
                let end = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                lines.append(line(start, end))
                start = end + 1
            }
            // The text after the last separator; none when the text ends with one (and has more than one line).
            if start < count || lines.isEmpty { lines.append(line(start, count)) }
            return lines
        }
    }

    /// Whether `bytes` hold `byte`.
    private static func contains(_ bytes: [UInt8], _ byte: UInt8) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }

    /// True when the line is valid UTF-8 and holds at least one non-ASCII character.
    private static func isMultibyteUTF8(_ line: ArraySlice<UInt8>) -> Bool {
        line.contains(where: { $0 >= 0x80 }) && String(validatingUTF8Bytes: line) != nil
    }

    private static func isBlankByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    /// NUL bytes, or more than 1 in 20 bytes control characters other than \t \n \r \f.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var controls = 0
            var nul = false
            func look(_ from: Int, _ to: Int) {
                for byte in buffer[from..<to] {
                    if byte == 0 { nul = true }
                    if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C) || byte == 0x7F {
                        controls += 1
                    }
                }
            }
            // Eight bytes at a time: a word with no byte below 0x20 and none equal to 0x7F holds
            // no control character (exact tests for "some byte < n" and "some byte = 0").
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var index = 0
            if let base = buffer.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= buffer.count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let below = (word &- ones &* 0x20) & ~word & highs
                    let delete = word ^ (ones &* 0x7F)
                    if below | ((delete &- ones) & ~delete & highs) != 0 { look(index, index + 8) }
                    index += 8
                }
            }
            look(index, buffer.count)
            return nul || (controls > 0 && controls * 20 > buffer.count)
        }
    }

    private static func checkNotEmpty(_ lines: [String], sourceFile: String) throws {
        // A printable ASCII character is no whitespace: a line holding one is not blank.
        if lines.contains(where: { $0.utf8.contains { $0 > 0x20 && $0 < 0x7F } }) { return }
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
