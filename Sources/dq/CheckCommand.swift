import ArgumentParser
import Audit
import Core
import Foundation
import QueryLanguage
import Render
import Store

/// `dq check [--db FILE] [--for UNIT] [--year YEAR] [--fail-on error|warning|info]`: the
/// consistency audit for a disclosure office's own pipeline. Exit status as diff/grep:
/// 0 no finding at or above --fail-on, 1 such findings, 2 usage error, 3 could not run or
/// nothing to check (no disclosure in scope, e.g. `--year 1999`).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "核对已载入的决算和预算：重算各项合计、占比、增幅、执行率，列出不一致之处。")

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var scope: ScopeOptions

    @Option(name: .long, help: "达到该级别即以状态 1 退出：error|warning|info（默认 error）")
    var failOn: String = "error"

    @Flag(name: .long, help: "列出全部核对规则（编号、核对内容、级别、示例）后退出")
    var rules = false

    @OptionGroup var format: FormatOptions

    func validate() throws {
        guard Severity(rawValue: failOn) != nil else { throw ValidationError("--fail-on 只能是 error、warning 或 info") }
    }

    /// The run these options ask for.
    var checkRun: CheckRun {
        CheckRun(db: database.db, memory: database.memory, unit: scope.unit, year: scope.year, failOn: failOn, rules: rules,
                 format: format.format, moneyUnit: format.unit, noHeader: format.noHeader, bom: format.bom)
    }

    func run() throws {
        try checkRun.run()
    }

    /// `dq check --rules`: one block per rule.
    static func rulesListing() -> String {
        RuleCatalog.entries.map { entry in
            "\(entry.id)（\(entry.family) 族）\n  核对：\(entry.invariant)\n  适用：\(entry.kinds.joined(separator: "、"))\n"
                + "  级别：\(entry.severity)\n  示例：\(entry.example)\n"
        }.joined(separator: "\n")
    }
}
