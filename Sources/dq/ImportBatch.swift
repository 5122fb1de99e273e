import Dispatch
import Importer
import Store

/// Writes the documents of one `dq import` in batches: up to `size` documents, or what
/// `seconds` of writing allow, per transaction (`DocumentWriter.beginBatch`), each document in
/// its own savepoint so that a bad file still changes nothing. A batch is committed as a whole,
/// so each file's report is shown once its batch is committed, in the order the files were
/// given; if the commit fails, every document of the batch is reported as not imported.
final class ImportBatch {
    let writer: DocumentWriter
    let console: Console
    let size: Int
    let seconds: Double
    /// True once any file has failed (reported or still pending).
    private(set) var failed = false
    /// Reports not shown yet: the files of the open batch; `wrote` marks the documents written.
    private var pending: [(path: String, outcome: DocumentImport.Outcome, wrote: Bool)] = []
    private var written = 0
    private var started = DispatchTime.now()

    init(writer: DocumentWriter, console: Console, size: Int = 64, seconds: Double = 2) {
        self.writer = writer
        self.console = console
        self.size = size
        self.seconds = seconds
    }

    /// Writes one document read from `path` (or the joined parts of one disclosure).
    func write(_ result: ImportResult, path: String, options: DocumentImport.Options) {
        if !writer.isInBatch {
            do {
                try writer.beginBatch()
            } catch {
                add(DocumentImport.failure(error, file: path), path: path, wrote: false)
                show()
                return
            }
            written = 0
            started = DispatchTime.now()
        }
        let outcome = DocumentImport.write(result, path: path, options: options, with: writer)
        guard writer.isInBatch else {
            // SQLite rolled the whole batch back (a full disk, an I/O error): nothing of it stays.
            undoPending(because: "同批写入的另一文件出错，整批已撤销")
            add(outcome, path: path, wrote: false)
            show()
            return
        }
        add(outcome, path: path, wrote: outcome.unitID != nil)
        written += 1
        if written >= size || secondsLeft <= 0 { commit() }
    }

    /// Seconds until the open batch is due to be committed (infinity when none is open): the
    /// longest the importer may wait for the next file to be read before committing.
    var secondsLeft: Double {
        guard writer.isInBatch else { return .infinity }
        return seconds - Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    }

    /// A file that failed before it could be written (unreadable, not a disclosure).
    func note(_ outcome: DocumentImport.Outcome, path: String) {
        add(outcome, path: path, wrote: false)
        if !writer.isInBatch { show() }
    }

    /// Commits the open batch, if any, and shows every pending report.
    func commit() {
        if writer.isInBatch {
            do {
                try writer.commitBatch()
            } catch {
                undoPending(because: DocumentImport.describe(error, file: "").message)
            }
        }
        show()
    }

    private func add(_ outcome: DocumentImport.Outcome, path: String, wrote: Bool) {
        pending.append((path, outcome, wrote))
        if !outcome.succeeded { failed = true }
    }

    /// Turns the pending reports of written documents into failures: their batch is undone.
    private func undoPending(because reason: String) {
        pending = pending.map { item in
            guard item.wrote else { return item }
            let report = "\(item.path): error[I112]: 写入数据库失败，本文件未导入：\(reason)\n"
            return (item.path, DocumentImport.Outcome(succeeded: false, report: report, unitID: nil), false)
        }
        failed = true
    }

    private func show() {
        for item in pending { console.note(item.outcome.report, newline: false) }
        pending = []
    }
}
