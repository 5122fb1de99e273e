import ArgumentParser
import Core
import Foundation
import Importer
import Store

/// `dq import FILE... [--db FILE] [--replace] [--strict] [--unit NAME] [--year YEAR] [--template T]`:
/// reads each document and writes it in its own savepoint of a batch of documents; reports each
/// file's outcome once its batch is committed.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入决算、预算公开文件（UTF-8 或 GB18030 文本、PDF），每个披露整体导入或整体不导入。")

    @Argument(help: "要导入的文件（可多个）")
    var files: [String] = []

    @Option(name: .long, help: "数据库文件（默认 $XDG_DATA_HOME/dq/dq.sqlite；不存在时新建，只含结构与参考目录）")
    var db: String?

    @Flag(name: .long, help: "同一单位同一年度的同种文件（决算、部门预算或单位预算）已载入时，以此文件替换")
    var replace = false

    @Flag(name: .long, help: "模板范围内有未识别的数字行时，该文件导入失败")
    var strict = false

    @Option(name: .long, help: "指定单位名称（不从文件中识别）")
    var unit: String?

    @Option(name: .long, help: "指定年度（不从文件中识别）")
    var year: Int?

    @Option(name: .long, help: "指定模板：sichuan、shanghai、shanghai_budget、jiangsu_budget 或 partial（只读能确定的部分）")
    var template: String?

    @Flag(name: .customLong("as-one"), help: "所给文件是同一披露的几个部分（如预算的文字说明与公开表），合为一个披露导入")
    var asOne = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("请给出要导入的文件") }
        if let template, TemplateReaders.reader(named: template) == nil {
            throw ValidationError("未知的模板「\(template)」；可用：" + TemplateReaders.all.map { $0.template }.joined(separator: "、"))
        }
        if let year, !(1990...2100).contains(year) { throw ValidationError("年度须在 1990–2100 之间") }
    }

    func run() throws {
        let console = Console()
        if !files.contains(where: { access($0, R_OK) == 0 }) {
            // Nothing can be read: say why for each file, and create no database.
            for file in files {
                do { _ = try TextDecoder.read(path: file) } catch {
                    console.note(DocumentImport.failure(error, file: file).report, newline: false)
                }
            }
            throw ExitCode(1)
        }
        let connections: Connections
        do {
            connections = try openConnections()
            connections.writer.onBusyWait = { console.note(DocumentImport.busyWaitNote($0)) }
            // One transaction per disclosure, synced to disk at the checkpoint that ends the import.
            if !connections.writer.isReadOnly { try connections.writer.prepareForBulkWrites() }
        } catch {
            console.error(error)
            throw ExitCode(1)
        }
        let options = DocumentImport.Options(overrides: ImportOverrides(unit: unit, year: year, template: template),
                                             replace: replace, strict: strict)
        let progress = ImportProgress(total: files.count)
        // Many documents per transaction (each in its own savepoint), committed together.
        let batch = ImportBatch(writer: DocumentWriter(database: connections.writer), console: console)
        // Files are read on a pool of threads, ahead of the one connection that writes them in
        // the order given. Budgets (and every file with --as-one) are read before any is
        // written, so that the parts of one disclosure (a narrative and its tables) are
        // recognized and written together, in one transaction; other documents are written as
        // they are read.
        let files = self.files, overrides = options.overrides, strict = options.strict
        let reading = ReadAhead(count: files.count, workers: ProcessInfo.processInfo.activeProcessorCount,
                                window: 16) { index in
            Result { try DocumentImporter.read(path: files[index], overrides: overrides, strict: strict) }
        }
        var read: [(path: String, result: ImportResult)] = []
        for (index, file) in files.enumerated() {
            progress.show(index + 1, file)
            do {
                let result = try reading.result(at: index, stalledAfter: batch.secondsLeft) { batch.commit() }.get()
                if asOne || result.document.kind == "预算" {
                    read.append((file, result))
                } else {
                    progress.clear()
                    batch.write(result, path: file, options: options)
                    reading.release(result)
                }
            } catch {
                progress.clear()
                batch.note(DocumentImport.failure(error, file: file), path: file)
            }
            progress.clear()
        }
        batch.commit()
        defer { try? connections.writer.checkpoint() }
        if asOne && batch.failed { throw ExitCode(1) }   // a disclosure with a part missing is not imported
        for group in DisclosureParts.groups(read.map(\.result), asOne: asOne) {
            let path = group.map { read[$0].path }.joined(separator: " + ")
            batch.write(DisclosureParts.join(group.map { read[$0].result }), path: path, options: options)
        }
        batch.commit()
        if batch.failed { throw ExitCode(1) }
    }

    private func openConnections() throws -> Connections {
        guard let db else { return try Connections.defaultDatabase(path: DataPaths.defaultDatabase()) }
        if !FileManager.default.fileExists(atPath: db) {
            do {
                try DatabaseSetup.createFile(at: db, contents: .empty)
            } catch SetupError.alreadyExists {
            }
        }
        return try Connections.existing(path: db)
    }
}

/// Reading and writing one file, shared by `dq import` and `.import`.
enum DocumentImport {
    /// Said while an import waits for another process's write to finish (`dq import` and
    /// `.import` alike), every `Database.busyTimeoutSeconds`.
    static func busyWaitNote(_ seconds: Int) -> String {
        "数据库正被另一进程写入，已等待 \(seconds) 秒，继续等待…"
    }

    struct Options {
        var overrides = ImportOverrides()
        var replace = false
        var strict = false
    }

    struct Outcome {
        let succeeded: Bool
        /// The lines to show on stderr, each ending in a newline.
        let report: String
        /// The unit imported into, when the file was imported.
        let unitID: Int64?
    }

    static func run(path: String, options: Options, into database: Database) -> Outcome {
        let result: ImportResult
        do {
            result = try DocumentImporter.read(path: path, overrides: options.overrides, strict: options.strict)
        } catch {
            return failure(error, file: path)
        }
        return write(result, path: path, options: options, into: database)
    }

    /// Writes a document already read (one file, or the joined parts of one disclosure).
    static func write(_ result: ImportResult, path: String, options: Options, into database: Database) -> Outcome {
        write(result, path: path, options: options, with: DocumentWriter(database: database))
    }

    /// Writes a document already read with `writer`, which an import of many files shares.
    static func write(_ result: ImportResult, path: String, options: Options, with writer: DocumentWriter) -> Outcome {
        let database = writer.database
        let written: DocumentWriter.Outcome
        do {
            written = try writer.write(result.document, replace: options.replace)
        } catch {
            return failure(error, file: path)
        }
        switch written {
        case .alreadyLoaded(let id):
            if let ignored = ignoredOverrides(options.overrides, disclosure: id, in: database) {
                return Outcome(succeeded: false, report: "\(path): error[I110]: 已载入（与第 \(id) 号披露相同，\(ignored)），"
                               + "本次指定的 --unit/--year/--template 未生效，未作更改\n", unitID: nil)
            }
            return Outcome(succeeded: true, report: "\(path): 已载入（与第 \(id) 号披露相同），未作更改\n", unitID: nil)
        case .imported(let id, let unitID, let replaced):
            let document = result.document
            let report = result.report
            let kind = document.kind == "预算" ? document.scope + document.kind : document.kind
            var line = "\(path): 已导入 \(document.unit.name) \(document.year) 年度\(kind)，第 \(id) 号披露"
            if replaced != nil { line += "，替换了同单位同年度的原有版本" }
            line += "（事实 \(document.facts.count) 条、说明 \(document.statements.count) 条、项目 \(document.projects.count) 个、"
                + "段落 \(document.paragraphs.count) 段；跳过 \(report.skippedLines.count) 行；警告 \(report.warnings.count) 条）\n"
            for warning in report.warnings { line += "  警告：\(warning)\n" }
            return Outcome(succeeded: true, report: line, unitID: unitID)
        }
    }

    /// How the loaded disclosure differs from the overrides given (`单位为…、年度为…`), or nil
    /// when every override matches it (or none was given).
    static func ignoredOverrides(_ overrides: ImportOverrides, disclosure id: Int64, in database: Database) -> String? {
        guard overrides.unit != nil || overrides.year != nil || overrides.template != nil,
              let row = try? database.query("""
                  SELECT d.year, d.template, u.name,
                         EXISTS (SELECT 1 FROM unit_alias a WHERE a.unit_id = u.id AND a.alias = ?)
                  FROM disclosure d JOIN unit u ON u.id = d.unit_id WHERE d.id = ?
                  """, [.text(overrides.unit ?? ""), .integer(id)]).first else { return nil }
        var differences: [String] = []
        if let unit = overrides.unit, row[2].string != unit, row[3] != .integer(1) { differences.append("单位为\(row[2].string ?? "")") }
        if let year = overrides.year, row[0].int64 != Int64(year) { differences.append("年度为 \(row[0].int64 ?? 0)") }
        if let template = overrides.template, row[1].string != template { differences.append("模板为 \(row[1].string ?? "")") }
        return differences.isEmpty ? nil : differences.joined(separator: "、")
    }

    /// `FILE: error[CODE]: message`, or `FILE:LINE: error[CODE]: message` when there is a line.
    static func failure(_ error: Error, file: String) -> Outcome {
        let (code, line, message) = describe(error, file: file)
        let location = line.map { "\(file):\($0)" } ?? file
        return Outcome(succeeded: false, report: "\(location): error[\(code)]: \(message)\n", unitID: nil)
    }

    static func describe(_ error: Error, file: String) -> (code: String, line: Int?, message: String) {
        switch error {
        case let error as ImportError:
            var line: Int?
            switch error {
            case .undecodable(_, let number), .mixedEncoding(_, let number, _), .truncated(_, let number, _),
                 .invalid(_, let number, _): line = number
            default: break
            }
            var message = error.description
            for prefix in [line.map { "\(file):\($0)：" }, "\(file)："].compactMap({ $0 }) where message.hasPrefix(prefix) {
                message = String(message.dropFirst(prefix.count))
                break
            }
            return (error.code, line, message)
        case let error as DocumentWriteError:
            return (error.code, error.line, error.message)
        case let error as StoreError:
            return ("I112", nil, "写入数据库失败：\(error.explanation)")
        default:
            return ("E000", nil, "\(error)")
        }
    }
}

/// `[3/10] 导入中 FILE` on stderr, redrawn in place, when stderr is a terminal and there
/// are several files.
struct ImportProgress {
    let total: Int
    let enabled: Bool

    init(total: Int) {
        self.total = total
        enabled = total > 1 && isatty(STDERR_FILENO) == 1
    }

    func show(_ index: Int, _ file: String) {
        guard enabled else { return }
        let width = 24
        let filled = total == 0 ? 0 : width * (index - 1) / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        // The file's last component keeps the line short enough to redraw in place.
        let name = file.split(separator: "/").last.map(String.init) ?? file
        emit("\r\u{1B}[K[\(index)/\(total)] \(bar) 导入中 \(name)")
    }

    func clear() {
        guard enabled else { return }
        emit("\r\u{1B}[K")
    }

    private func emit(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
