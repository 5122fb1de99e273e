import Core
import Foundation
import QueryLanguage
import Render
import Store

/// State shared by the REPL, scripts and one-shot mode: the open database, its catalog,
/// the `use` context and output settings, and how to run one line of input.
final class Session {
    private(set) var connections: Connections
    private(set) var catalog: Catalog
    let console: Console
    var context = QueryContext()
    var options: RenderOptions
    var showTimer = false
    var showSQL = false
    /// Set by `.quit`.
    var finished = false
    /// Nesting of `.read` scripts, to stop a script that reads itself.
    var readDepth = 0
    /// Scripts (and the scripts they `.read`) go on after a failing line.
    var keepGoing = false
    /// `.pager on`: table output on a terminal goes through `pagerCommand`.
    var usePager = false
    /// Set by `.once`: the next line's results go to its target, then back.
    var onceArmed = false
    /// Whether a result was written since the session started (table formats put a blank
    /// line between results).
    var resultsWritten = 0
    /// True when the user asked to stop (Ctrl-C in the REPL); checked before each statement
    /// and between rows, so an interrupt is never lost before SQLite starts running.
    var stopRequested: () -> Bool = { false }

    init(connections: Connections, options: RenderOptions, console: Console) throws {
        self.connections = connections
        self.catalog = try CatalogLoader.open(connections.reader)
        self.options = options
        self.console = console
        context.displayUnit = options.unit
    }

    /// Switches to another database (`.open`), keeping output settings.
    func replace(_ connections: Connections) throws {
        catalog = try CatalogLoader.open(connections.reader)
        self.connections = connections
        context = QueryContext(displayUnit: options.unit)
    }

    /// Reads the catalog again (after `.import`), so that new units and codes are queryable.
    func reloadCatalog() throws {
        catalog = try CatalogLoader.open(connections.reader)
    }

    /// The prompt: `dq>` with the `use` unit and year when set.
    var prompt: String {
        var parts: [String] = []
        if let id = context.units.first, let unit = catalog.units(ids: [id]).first {
            parts.append(unit.aliases.min { $0.count < $1.count }.map { $0.count < unit.name.count ? $0 : unit.name } ?? unit.name)
        }
        if let year = yearLabel { parts.append(year) }
        return parts.isEmpty ? "dq> " : "dq[\(parts.joined(separator: " "))]> "
    }

    /// The `use` year as the prompt and `.show` name it: `2023`, or `预算 2025` for a budget year.
    var yearLabel: String? {
        context.year.map { (context.document == .budget ? context.document.rawValue + " " : "") + String($0) }
    }

    /// Runs one line: a meta-command, `help`, or statements separated by `;`. Stops at the
    /// first failing statement unless `keepGoing`; false when one failed (its diagnostic is
    /// on stderr).
    @discardableResult
    func run(_ line: String, file: String, lineNumber: Int) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix(".") {
            let succeeded = runMeta(trimmed, file: file, lineNumber: lineNumber)
            return !console.takeWriteFailure() && succeeded
        }
        if trimmed.isEmpty { return true }
        let once = onceArmed
        onceArmed = false
        var succeeded = true
        let body = {
            if let topic = Self.helpTopic(trimmed) {
                succeeded = self.help(topic)
            } else {
                succeeded = self.runStatements(line, file: file, lineNumber: lineNumber)
            }
        }
        if usePager && console.isTerminal && !options.format.isMachineReadable {
            console.throughPager(pagerCommand, body)
        } else {
            body()
        }
        if once { console.endOnce() }
        return !console.takeWriteFailure() && succeeded
    }

    /// The pager `.pager on` uses: $PAGER, else `less -SRFX`.
    var pagerCommand: String {
        let pager = ProcessInfo.processInfo.environment["PAGER"]?.trimmingCharacters(in: .whitespaces) ?? ""
        return pager.isEmpty ? "less -SRFX" : pager
    }

    private func runStatements(_ line: String, file: String, lineNumber: Int) -> Bool {
        var succeeded = true
        for result in Parser.parse(line: line) {
            if !succeeded && !keepGoing { break }
            let started = DispatchTime.now()
            do {
                let parsed = try result.get()
                try checkStop()
                do {
                    try execute(try Checker(catalog: catalog, context: context).prepare(parsed))
                } catch var diagnostic as Diagnostic where diagnostic.span == nil {
                    diagnostic.span = parsed.span
                    throw diagnostic
                }
            } catch let diagnostic as Diagnostic where diagnostic.code == Self.interruptedCode {
                console.note("\n" + diagnostic.message)
                return false
            } catch let diagnostic as Diagnostic {
                report(diagnostic, file: file, lineNumber: lineNumber, line: line)
                succeeded = false
                continue
            } catch {
                console.error(error)
                succeeded = false
                continue
            }
            if showTimer { reportTime(since: started) }
        }
        console.flush()
        return succeeded
    }

    func report(_ diagnostic: Diagnostic, file: String, lineNumber: Int, line: String) {
        console.note(DiagnosticRenderer.render(diagnostic, file: file, line: lineNumber, lineText: line), newline: false)
    }

    private func reportTime(since start: DispatchTime) {
        let microseconds = (DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1000
        console.note("耗时 \(microseconds / 1000).\(String(format: "%03d", Int(microseconds % 1000))) 毫秒")
    }

    /// `help` or `help VERB` typed without the dot.
    private static func helpTopic(_ line: String) -> String?? {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, first.lowercased() == "help", words.count <= 2 else { return nil }
        return .some(words.count == 2 ? String(words[1]) : nil)
    }

    func help(_ topic: String?) -> Bool {
        guard let topic else {
            console.write(HelpTopics.overview)
            return true
        }
        guard let text = HelpTopics.text(for: topic) else {
            console.note("dq: error[Q100]: 没有关于「\(topic)」的帮助；输入 .help 查看全部语句")
            return false
        }
        console.write(text)
        console.flush()
        return true
    }

    private func execute(_ prepared: PreparedStatement) throws {
        switch prepared {
        case .query(let query):
            if showSQL { console.note(query.explanation) }
            try stream(query)
        case .explain(let query):
            console.write(query.explanation + "\n")
            options.bom = false
        case .rawSQL(let sql):
            try streamRaw(sql)
        case .useUnit(let unit):
            context.units = [unit.id]
        case .useYear(let year, let document):
            context.year = year
            context.document = document
        case .useAll:
            context.units = []
            context.year = nil
            context.document = .final
        case .check(let units, let year, let document, let filter):
            separateResult()
            let reader = connections.reader
            _ = try storeCall {
                try showFindings(filtered: filter != nil) { row in
                    try reader.readSnapshot { try FindingsReport.run(reader, units: units, year: year, kind: document?.rawValue, filter: filter, row: row) }
                }
            }
        }
    }

    /// Writes the audit's findings like any result, each as `run` hands it over; what could
    /// not be checked goes to stderr, and "no problems" is said only when every rule could be
    /// evaluated.
    @discardableResult
    func showFindings(filtered: Bool, _ run: (_ row: (ResultRow) -> Void) throws -> FindingsReport) throws -> FindingsReport {
        let options = outputOptions
        var layout = FindingsLayout(width: options.maxWidth ?? 80)
        let writer = options.format == .table ? nil : ResultWriter(shape: FindingsReport.shape, options: options, sink: console.sink)
        let report = try run { row in
            if let writer { writer.write(row) } else { console.write(layout.next(row)) }
        }
        writer?.finish()
        self.options.bom = false
        for line in report.unchecked { console.note(line) }
        if report.disclosures == 0 {
            console.note("范围内没有已载入的决算或预算，未作核对。")
        } else {
            console.note(report.summary)
            if report.listed.isEmpty && report.unchecked.isEmpty && !filtered && report.rulesRun > 0 {
                console.note("已核对 \(report.documents)、\(report.rulesRun) 项规则结果，未发现问题。")
            }
        }
        return report
    }

    /// Runs a compiled query on the read-only connection and streams its rows to the writer.
    private func stream(_ query: SQLQuery) throws {
        let statement = try storeCall { try connections.reader.prepare(query.text) }
        let cursor = try storeCall { try statement.rows(query.parameters.map(Value.init)) }
        separateResult()
        let writer = ResultWriter(shape: query.shape, options: outputOptions, sink: console.sink)
        var notes = query.notes
        while let values = try storeCall({ try cursor.next() }) {
            try checkStop()
            let cells = values.map(\.cell)
            if let note = query.note(in: cells) {
                notes.append(note)
                continue
            }
            writer.write(query.makeRow(cells))
        }
        writer.finish()
        options.bom = false
        for note in notes { console.note("注：" + note) }
    }

    /// `sql …`: one read-only statement; every column shown as text.
    private func streamRaw(_ sql: String) throws {
        let statement = try storeCall { () throws -> Store.Statement in
            do {
                return try connections.reader.prepareUserQuery(sql)
            } catch let error as StoreError where error.isSessionChange {
                throw Diagnostic(code: "Q302", message: "sql 不接受改变会话状态的语句（BEGIN、SAVEPOINT、ATTACH、带参数的 PRAGMA 等），只能执行只读查询（SELECT、WITH …）")
            }
        }
        guard statement.isReadOnly else {
            throw Diagnostic(code: "Q302", message: "sql 只能执行只读查询（SELECT、WITH …）")
        }
        if showSQL { console.note(sql) }
        let columns = statement.columnNames.map { ResultColumn(name: $0, title: $0, kind: .text) }
        let cursor = try storeCall { try statement.rows() }
        separateResult()
        let writer = ResultWriter(shape: ResultShape(columns: columns), options: outputOptions, sink: console.sink)
        var row = ResultRow(cells: [])
        while try storeCall({ try cursor.advance() }) {
            try checkStop()
            row.cells.removeAll(keepingCapacity: true)
            for index in columns.indices { row.cells.append(statement.column(index).cell) }
            writer.write(row)
        }
        writer.finish()
        options.bom = false
    }

    /// Writes a small result held in memory (`.tables`).
    func writeResult(shape: ResultShape, rows: [ResultRow]) {
        separateResult()
        let writer = ResultWriter(shape: shape, options: outputOptions, sink: console.sink)
        rows.forEach(writer.write)
        writer.finish()
        options.bom = false
    }

    /// A blank line between two results of the human formats (never in machine formats,
    /// whose output is one parseable stream per result).
    private func separateResult() {
        if resultsWritten > 0 && !options.format.isMachineReadable { console.write("\n") }
        resultsWritten += 1
    }

    private func checkStop() throws {
        if stopRequested() { throw Diagnostic(code: Self.interruptedCode, message: Self.interruptedMessage) }
    }

    static let interruptedMessage = "查询已中断（按了 Ctrl-C）"

    /// The render options for this statement: tables fit the terminal they are shown on.
    private var outputOptions: RenderOptions {
        var options = self.options
        if options.maxWidth == nil, console.isTerminal { options.maxWidth = console.terminalColumns }
        return options
    }

    /// Turns store errors into diagnostics: interrupted, or SQLite's message.
    private func storeCall<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError where error.isInterrupt {
            throw Diagnostic(code: Self.interruptedCode, message: Self.interruptedMessage)
        } catch let error as StoreError {
            throw Diagnostic(code: "Q304", message: SQLiteMessage.explain(error))
        }
    }

    static let interruptedCode = "Q303"
}
