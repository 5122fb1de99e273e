/// Why a file could not be imported; every case names the file, and the line where there is one.
public enum ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case binary(file: String)
    case undecodable(file: String, line: Int)
    /// The file is in `encoding` but line `line` is not: two encodings in one file.
    case mixedEncoding(file: String, line: Int, encoding: String)
    case unknownTemplate(file: String)
    case truncated(file: String, line: Int, missing: String)
    case pdftotextMissing(file: String)
    case invalid(file: String, line: Int, message: String)
    case strict(file: String, lines: [Int])
    /// No template recognizes the file, which names a 决算 or 预算, but `missing` (its unit,
    /// its year, or any figure read with certainty) cannot be read to import it as partial.
    case unidentified(file: String, missing: String)

    /// The refusal of a template reader that found the text not laid out as its template
    /// (its title, year or tables are not where the template prints them).
    var isNotThisTemplate: Bool {
        switch self {
        case .unknownTemplate, .invalid: return true
        default: return false
        }
    }

    /// Import diagnostic code (I1xx).
    public var code: String {
        switch self {
        case .unreadable: return "I101"
        case .empty: return "I102"
        case .binary: return "I103"
        case .undecodable: return "I104"
        case .unknownTemplate: return "I105"
        case .truncated: return "I106"
        case .pdftotextMissing: return "I107"
        case .invalid: return "I108"
        case .strict: return "I109"
        case .mixedEncoding: return "I113"
        case .unidentified: return "I114"
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file)：无法读取（\(reason)）"
        case .empty(let file): return "\(file)：文件为空"
        case .binary(let file): return "\(file)：不是文本文件（含二进制内容）"
        case .undecodable(let file, let line): return "\(file):\(line)：无法识别的字符编码（既不是 UTF-8 也不是 GB18030）"
        case .mixedEncoding(let file, let line, let encoding):
            return "\(file):\(line)：文件混用了两种字符编码：全文为 \(encoding)，本行不是；请把整个文件转成同一种编码后再导入"
        case .unknownTemplate(let file):
            return "\(file)：无法识别的决算公开模板（支持四川、上海决算与上海、江苏预算；其他模板须在标题或封面写明单位、年度与决算或预算）"
        case .unidentified(let file, let missing):
            return "\(file)：无法识别的决算公开模板，按部分文档读取时找不到\(missing)，未导入"
        case .truncated(let file, let line, let missing): return "\(file):\(line)：文件不完整，缺少\(missing)"
        case .pdftotextMissing(let file): return "\(file)：读取 PDF 需要 pdftotext（Debian 软件包 poppler-utils），请先安装"
        case .invalid(let file, let line, let message): return "\(file):\(line)：\(message)"
        case .strict(let file, let lines):
            return "\(file)：--strict 下有未识别的数字行：第 " + lines.prefix(10).map(String.init).joined(separator: "、") + (lines.count > 10 ? " 等" : "") + " 行"
        }
    }
}
