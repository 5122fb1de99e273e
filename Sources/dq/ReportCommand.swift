import ArgumentParser
import Core
import Foundation
import QueryLanguage
import Render
import Store

/// `dq report [--db FILE | --memory] [--for UNIT] [--year Y] [--kind 决算|预算]
/// [--format html|markdown] [--source FILE…] [-o FILE]`: a working paper (审计底稿) for a
/// unit's year, or for every loaded disclosure of one kind — one self-contained HTML file (or
/// Markdown) with the main figures and their charts, the provenance of every number, the
/// 预算执行 of a unit's year with both documents, and the `check` findings with excerpts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "生成审核底稿：主要指标、收支结构、三公经费（含图表）、预算执行与核对发现，每个数字注明出处；单个 HTML 文件，可打印为 A4。",
        discussion: """
            --kind 决算|预算 指明底稿所用的文件（部门决算，或部门预算/单位预算）；不写时按范围内已载入的文件：\
            只有一种即用该种；预算都有同年决算时为决算底稿（其“预算执行”一节并列预算文件、决算所载年初预算与决算数）；\
            否则报错，请用 --kind（或 --for、--year）指明。同一单位同年既有部门预算又有单位预算时，各项指标读部门预算，\
            单位预算一节只列其核对发现。
            """)

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var scope: ScopeOptions

    @Option(name: .long, help: ArgumentHelp("文件种类：决算|预算（默认按范围内已载入的文件）", valueName: "种类"))
    var kind: String?

    @Option(name: .long, help: "格式：html|markdown（默认 html）")
    var format: String = "html"

    @Option(name: .customLong("unit"), help: ArgumentHelp("金额单位：元|万元|亿元", valueName: "单位"))
    var unitOfMoney: MoneyUnit = .tenThousandYuan

    @Option(name: .long, help: "原文文件（按内容与已载入的决算或预算对应），用于摘录表格行；可多次指定")
    var source: [String] = []

    @Option(name: .customShort("o"), help: "写入该文件（默认标准输出）")
    var output: String?

    func validate() throws {
        guard ["html", "markdown"].contains(format) else { throw ValidationError("--format 只能是 html 或 markdown") }
        if let kind, ReportKind.parse(kind) == nil { throw ValidationError("--kind 只能是 决算 或 预算（或 final、budget）") }
    }

    func run() throws {
        let console = Console()
        let session: Session
        do {
            let connections = try database.open()
            session = try Session(connections: connections, options: RenderOptions(unit: unitOfMoney), console: console)
        } catch {
            console.error(error)
            throw ExitCode(1)
        }
        let units = try scope.units(in: session)
        let text: String
        do {
            let report = try ReportBuilder(session: session, sources: try readSources())
                .build(units: units, year: scope.year, kind: kind.flatMap(ReportKind.parse))
            text = format == "markdown" ? MarkdownReportWriter(report: report).render() : HTMLReportWriter(report: report).render()
        } catch let exit as ExitCode {
            throw exit
        } catch let ambiguous as ReportKind.Ambiguous {
            console.note("dq: error[E002]: \(ambiguous)")
            throw ExitCode(2)
        } catch {
            console.error(error)
            throw ExitCode(1)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                console.note("dq: error[E001]: 无法写入文件：\(output)")
                throw ExitCode(1)
            }
        } else {
            console.write(text)
            console.flush()
        }
    }

    /// The `--source` files' lines, keyed by the SHA-256 of their bytes.
    private func readSources() throws -> [String: [String]] {
        var texts: [String: [String]] = [:]
        for path in source {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("无法读取原文文件：\(path)")
            }
            let text = String(decoding: data, as: UTF8.self)
            texts[SHA256.hex(Array(data))] = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        }
        return texts
    }
}
