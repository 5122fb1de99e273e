import ArgumentParser
import Audit
import Core
import Foundation
import Render

/// One `dq check` as plain values. Built by `CheckCommand` from the parsed options, or by
/// `DirectInvocation` from a plain command line.
struct CheckRun: Equatable {
    var db: String?
    var memory = false
    /// `--for`.
    var unit: String?
    var year: Int?
    var failOn = "error"
    var rules = false
    var format: OutputFormat?
    var moneyUnit: MoneyUnit = .tenThousandYuan
    var noHeader = false
    var bom = false

    /// Checks the disclosures in scope; throws `ExitCode` 1 (findings at or above `failOn`),
    /// 2 (`--for` names no unit) or 3 (could not run, or nothing to check).
    func run() throws {
        let console = Console()
        if rules {
            console.write(CheckCommand.rulesListing())
            console.flush()
            return
        }
        let session: Session
        do {
            let connections = try DatabaseOptions.open(db: db, memory: memory)
            session = try Session(connections: connections,
                                  options: FormatOptions.renderOptions(format: format, unit: moneyUnit, noHeader: noHeader, bom: bom),
                                  console: console)
        } catch {
            console.error(error)
            throw ExitCode(3)
        }
        let units = try ScopeOptions.units(named: unit, in: session)
        do {
            let reader = session.connections.reader
            let report = try session.showFindings(filtered: false) { row in
                try reader.readSnapshot { try FindingsReport.run(reader, units: units, year: year, filter: nil, row: row) }
            }
            console.flush()
            if report.disclosures == 0 { throw ExitCode(3) }
            let threshold = Severity(rawValue: failOn) ?? .error
            if report.listed.contains(where: { $0.key >= threshold && $0.value > 0 }) { throw ExitCode(1) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            console.error(error)
            throw ExitCode(3)
        }
    }
}
