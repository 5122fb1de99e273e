import Foundation
import XCTest

/// Golden files: expected output stored beside a test target in `Goldens/`, compared byte
/// for byte. `RECORD_GOLDENS=1 swift test` rewrites them.
public struct Goldens: Sendable {
    public let directory: URL

    /// The `Goldens` folder beside the test file that passes its `#filePath`.
    public init(besides filePath: String) {
        directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    }

    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    public func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// Compares `actual` with `Goldens/<name>`; on mismatch fails with a line diff.
    public func assert(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = self.url(name)
        if Self.recording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
            } catch {
                XCTFail("cannot record \(name): \(error)", file: file, line: line)
            }
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            XCTFail("missing golden \(name); run RECORD_GOLDENS=1 swift test", file: file, line: line)
            return
        }
        guard data != Data(actual.utf8) else { return }
        let expected = String(decoding: data, as: UTF8.self)
        XCTFail("\(name) differs from its golden (- golden, + actual; RECORD_GOLDENS=1 to re-record):\n" + Self.lineDiff(expected, actual), file: file, line: line)
    }

    /// A unified-style line diff (longest common subsequence); line endings made visible.
    public static func lineDiff(_ old: String, _ new: String) -> String {
        let a = lines(old)
        let b = lines(new)
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                out.append("  " + a[i]); i += 1; j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                out.append("- " + a[i]); i += 1
            } else {
                out.append("+ " + b[j]); j += 1
            }
        }
        return out.joined(separator: "\n")
    }

    private static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result.append(current + "⏎"); current = ""
            case "\r": current += "␍"
            case "\t": current += "⇥"
            case "\u{FEFF}": current += "<BOM>"
            default: current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Names of the golden files ending in `suffix`.
    public func names(endingWith suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }

    public func text(_ name: String) -> String? {
        (try? Data(contentsOf: url(name))).map { String(decoding: $0, as: UTF8.self) }
    }
}
