import Core

/// Collects facts and statements while a Shanghai document is read.
struct ShanghaiBuilder {
    var year: Int
    /// The year the text compares against, as the document writes it (`DocumentIdentity.priorYear`).
    var priorYear: Int
    var facts: [ImportedFact] = []
    var statements: [ImportedStatement] = []
    var warnings: [String] = []
    var recognizedLines: Set<Int> = []
    var tables = 0
    /// 1-based lines that start a page (form feeds and "[PDF page" annotations).
    var pageStarts: Set<Int> = []
    /// A reading-order 三公 row whose figures fit the table in several ways: its figures and
    /// the placements, settled once the 情况说明 has been read (`ShanghaiTables.settleSangong`).
    var unsettledSangong: (numbers: [LayoutToken], placements: [[Int]])?

    static let measureFund: [String: String] = [
        "income_general": "general", "income_gov_fund": "gov_fund", "income_soe": "soe",
        "fiscal_grand_total": "fiscal", "fiscal_income": "fiscal", "fiscal_opening_balance": "fiscal",
        "fiscal_expenditure": "fiscal", "fiscal_closing_balance": "fiscal",
        "general_expenditure": "general", "general_basic": "general", "general_project": "general",
        "personnel": "general", "public_funds": "general", "admin_operating": "general",
        "sangong": "fiscal", "sangong_abroad": "fiscal", "sangong_vehicle": "fiscal", "vehicle_purchase": "fiscal",
        "vehicle_operation": "fiscal", "sangong_reception": "fiscal",
        "gov_fund_expenditure": "gov_fund", "soe_expenditure": "soe",
        "gov_fund_opening_balance": "gov_fund", "gov_fund_basic": "gov_fund", "gov_fund_project": "gov_fund",
        "gov_fund_closing_balance": "gov_fund", "soe_opening_balance": "soe", "soe_basic": "soe", "soe_project": "soe",
        "soe_closing_balance": "soe",
    ]

    /// Where a table figure is printed: the table's title, the row and column as printed.
    struct Place {
        var table: String
        var row: String?
        var column: String?
    }

    /// The tables read so far, with their status.
    var tableRecords: [ImportedTable] = []
    /// Sorted page starts, and whether text before the first one is a page of its own.
    var sortedPageStarts: [Int] = []
    var firstPageBeforeStarts = false

    /// Page numbers an annotation ("[PDF page 17 …]") gives its start line.
    var annotatedPages: [Int: Int] = [:]

    /// The 1-based page of `line`: the number its page's annotation gives, else the count of
    /// pages so far; nil when the text marks no pages.
    func page(of line: Int) -> Int? {
        guard !sortedPageStarts.isEmpty else { return nil }
        // How many page starts are at or before `line` (binary search: the starts are sorted).
        var lo = 0, hi = sortedPageStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedPageStarts[mid] <= line { lo = mid + 1 } else { hi = mid }
        }
        if lo > 0, let number = annotatedPages[sortedPageStarts[lo - 1]] { return number }
        return max(1, lo + (firstPageBeforeStarts ? 1 : 0))
    }

    @discardableResult
    mutating func money(_ measure: String?, code: String? = nil, fund: String? = nil, column: String = "actual",
                        _ token: LayoutToken, kind: String = "table", year: Int? = nil, place: Place? = nil) -> Int? {
        guard let fen = LayoutScanner.amount(token) else { return nil }
        let fundID = fund ?? measure.flatMap { ShanghaiBuilder.measureFund[$0] } ?? "all"
        var provenance = Provenance(kind, token.line)
        if kind == "table" {
            provenance.table = place?.table
            provenance.rowLabel = place?.row
            provenance.columnLabel = place?.column
            provenance.page = page(of: token.line)
        }
        facts.append(ImportedFact(measureID: measure, code: code, fund: fundID, column: column, year: year ?? self.year,
                                  amountFen: fen, printed: token.text, printedUnit: "万元", provenance: provenance))
        recognizedLines.insert(token.line)
        return facts.count - 1
    }

    /// The pages of a table's range, each with its token lines (`tokenLines` is the range after its title).
    func pages(of range: ClosedRange<Int>, tokenLines: [[LayoutToken]]) -> [(range: ClosedRange<Int>, lines: [[LayoutToken]])] {
        let first = range.lowerBound + 1
        guard first <= range.upperBound else { return [] }
        var starts = [first] + pageStarts.filter { $0 > first && $0 <= range.upperBound }.sorted()
        starts.append(range.upperBound + 1)
        return zip(starts, starts.dropFirst()).map { from, to in
            (from...(to - 1), Array(tokenLines[(from - first)..<(to - first)]))
        }
    }

    mutating func count(_ measure: String, _ value: Int64, printed: String, unit: String, line: Int) {
        facts.append(ImportedFact(measureID: measure, fund: "all", column: "actual", year: year, quantity: value,
                                  printed: printed, printedUnit: unit, provenance: Provenance("text", line)))
        recognizedLines.insert(line)
    }
}

/// The nine tables of the Shanghai template.
enum ShanghaiTables {
    static let titles = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
                         "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表",
                         "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表"]

    /// 类 rows of the 总表 (name → code).
    static let classes: [(String, String)] = [
        ("一般公共服务支出", "201"), ("外交支出", "202"), ("国防支出", "203"), ("公共安全支出", "204"), ("教育支出", "205"),
        ("科学技术支出", "206"), ("文化旅游体育与传媒支出", "207"), ("社会保障和就业支出", "208"), ("卫生健康支出", "210"),
        ("节能环保支出", "211"), ("城乡社区支出", "212"), ("农林水支出", "213"), ("交通运输支出", "214"),
        ("资源勘探工业信息等支出", "215"), ("商业服务业等支出", "216"), ("金融支出", "217"), ("援助其他地区支出", "219"),
        ("自然资源海洋气象等支出", "220"), ("住房保障支出", "221"), ("粮油物资储备支出", "222"), ("国有资本经营预算支出", "223"),
        ("灾害防治及应急管理支出", "224"), ("其他支出", "229"), ("债务还本支出", "231"), ("债务付息支出", "232"),
        ("抗疫特别国债安排的支出", "234"),
    ]

    /// Line ranges (1-based, inclusive) of each table, found by its title line.
    static func locate(_ lines: [String]) -> [String: ClosedRange<Int>] {
        var starts: [(String, Int)] = []
        for (i, raw) in lines.enumerated() where raw.containsBytes("表") {   // every title ends in 表
            let line = raw.withoutSpaces
            if line.hasPrefix("#") { continue }
            if let title = titles.first(where: { $0 == line }), !starts.contains(where: { $0.0 == title }) {
                starts.append((title, i + 1))
            }
        }
        var result: [String: ClosedRange<Int>] = [:]
        for (k, (title, start)) in starts.enumerated() {
            var end = k + 1 < starts.count ? starts[k + 1].1 - 1 : lines.count
            // The last table ends where the narrative starts.
            if k + 1 == starts.count {
                for n in start..<lines.count where lines[n].withoutSpaces.hasPrefix("第三部分")
                    || lines[n].withoutSpaces == "一、收入支出决算总体情况说明" {
                    end = n; break
                }
            }
            // The line before a title may be the 第二部分 heading or the unit's table caption.
            if k + 1 < starts.count {
                let before = lines[end - 1].withoutSpaces
                if before.contains("部门决算表") || before.hasPrefix("第二部分") { end -= 1 }
            }
            result[title] = start...max(start, end)
        }
        return result
    }

    static func tokenLines(_ lines: [String], _ range: ClosedRange<Int>) -> [[LayoutToken]] {
        range.dropFirst().map { n in
            let text = lines[n - 1]
            if text.hasPrefix("[PDF page") || text.hasPrefix("#") || text.containsBytes("单位：") || text.hasPrefix("注：")
                || text.containsBytes("说明：") { return [] }
            return text.utf8.contains(0x09) ? LayoutScanner.cellTokens(text, line: n) : LayoutScanner.tokens(text, line: n)
        }
    }

    static func rawLines(_ lines: [String], _ range: ClosedRange<Int>) -> [String] {
        range.dropFirst().map { lines[$0 - 1] }.filter { !$0.hasPrefix("[PDF page") }
    }

    static func sum(_ tokens: [LayoutToken?]) -> Int64 { tokens.compactMap { $0.flatMap(LayoutScanner.amount) }.reduce(0, +) }

    /// Where a right-hand figure of the 财政拨款收入支出决算总表 is printed.
    static func fiscalPlace(_ row: LabelRow, _ fund: String) -> ShanghaiBuilder.Place {
        let heading = ["fiscal": "合计", "general": "一般公共预算财政拨款", "gov_fund": "政府性基金预算财政拨款",
                       "soe": "国有资本经营预算财政拨款"][fund]
        return ShanghaiBuilder.Place(table: "财政拨款收入支出决算总表", row: row.spec.text, column: heading)
    }

    // MARK: 收入支出决算总表

    static func readSummary(_ lines: [String], _ range: ClosedRange<Int>, into b: inout ShanghaiBuilder) -> [String: LayoutToken] {
        let left: [(String, String)] = [
            ("一般公共预算财政拨款收入", "income_general"), ("政府性基金预算财政拨款收入", "income_gov_fund"),
            ("国有资本经营预算财政拨款收入", "income_soe"), ("上级补助收入", "income_superior"), ("事业收入", "income_business"),
            ("经营收入", "income_operating"), ("附属单位上缴收入", "income_affiliated"), ("其他收入", "income_other"),
            ("本年收入合计", "income_total"), ("使用非财政拨款结余", "non_fiscal_balance_used"),
            ("年初结转和结余", "opening_balance"), ("总计", "grand_total"),
        ]
        let right: [(String, String)] = classes.map { ($0.0, "code:" + $0.1) } + [
            ("本年支出合计", "expenditure_total"), ("结余分配", "surplus_distribution"), ("年末结转和结余", "closing_balance"),
            ("总计", "grand_total_right"),
        ]
        let specs = left.map { LabelSpec(text: $0.0, side: 0, key: $0.1) } + right.map { LabelSpec(text: $0.0, side: 1, key: $0.1) }
        let rows = labelRows(lines, range, specs: specs, rightLabels: right.map(\.0))
        var found: [String: LayoutToken] = [:]
        var classTotal: Int64 = 0
        for row in rows {
            guard let value = row.values.first else { continue }
            if row.values.count > 1 { b.warnings.append("收入支出决算总表 第\(row.spec.text)行有多于一个数字（第 \(row.line) 行）") }
            found[row.spec.key] = value
            if row.spec.key.hasPrefix("code:") {
                b.money(nil, code: String(row.spec.key.dropFirst(5)), value,
                        place: .init(table: "收入支出决算总表", row: row.spec.text, column: "决算数"))
                classTotal += LayoutScanner.amount(value) ?? 0
            } else if row.spec.key != "grand_total_right" {
                b.money(row.spec.key, value, place: .init(table: "收入支出决算总表", row: row.spec.text, column: "决算数"))
            }
        }
        b.tables += 1
        // Balance checks.
        let income = sum(left.prefix(8).map { found[$0.1] })
        if let total = found["income_total"], LayoutScanner.amount(total) != income {
            b.warnings.append("收入支出决算总表：各项收入之和 \(Amount(fen: income)) 不等于本年收入合计 \(total.text)（第 \(total.line) 行）")
        }
        if let total = found["expenditure_total"], LayoutScanner.amount(total) != classTotal {
            b.warnings.append("收入支出决算总表：各类支出之和 \(Amount(fen: classTotal)) 不等于本年支出合计 \(total.text)（第 \(total.line) 行）")
        }
        if let grand = found["grand_total"],
           LayoutScanner.amount(grand) != sum([found["income_total"], found["non_fiscal_balance_used"], found["opening_balance"]]) {
            b.warnings.append("收入支出决算总表：收入方总计 \(grand.text) 不等于本年收入合计、使用非财政拨款结余与年初结转和结余之和（第 \(grand.line) 行）")
        }
        if let grand = found["grand_total_right"],
           LayoutScanner.amount(grand) != sum([found["expenditure_total"], found["surplus_distribution"], found["closing_balance"]]) {
            b.warnings.append("收入支出决算总表：支出方总计 \(grand.text) 不等于本年支出合计、结余分配与年末结转和结余之和（第 \(grand.line) 行）")
        }
        return found
    }

    static func labelRows(_ lines: [String], _ range: ClosedRange<Int>, specs: [LabelSpec], rightLabels: [String]) -> [LabelRow] {
        let tokenLines = tokenLines(lines, range)
        let layout = LayoutScanner.isLayout(rawLines(lines, range))
        let stream = layout
            ? LabelTableScanner.halves(tokenLines) { text in rightLabels.contains { text.hasPrefix($0) } }
            : tokenLines
        return LabelTableScanner.rows(stream, specs: specs, layout: layout)
    }

    // MARK: 财政拨款收入支出决算总表

    static func readFiscalSummary(_ lines: [String], _ range: ClosedRange<Int>, into b: inout ShanghaiBuilder) {
        let left: [(String, String)] = [
            ("一般公共预算财政拨款", "income_general"), ("政府性基金预算财政拨款", "income_gov_fund"),
            ("国有资本经营预算财政拨款", "income_soe"), ("本年收入合计", "fiscal_income"),
            ("年初财政拨款结转和结余", "fiscal_opening_balance"), ("一般公共预算财政拨款", "-"), ("政府性基金预算财政拨款", "-"),
            ("国有资本经营预算财政拨款", "-"), ("总计", "fiscal_grand_total"),
        ]
        let right: [(String, String)] = classes.map { ($0.0, "code:" + $0.1) } + [
            ("本年支出合计", "fiscal_expenditure"), ("年末财政拨款结转和结余", "fiscal_closing_balance"), ("总计", "total_right"),
        ]
        let specs = left.map { LabelSpec(text: $0.0, side: 0, key: $0.1) } + right.map { LabelSpec(text: $0.0, side: 1, key: $0.1) }
        let rows = labelRows(lines, range, specs: specs, rightLabels: right.map(\.0))
        // Funds with appropriation income: the columns a right-hand row can fill.
        var activeFunds: [Int] = []
        for (i, key) in ["income_general", "income_gov_fund", "income_soe"].enumerated()
        where rows.contains(where: { $0.spec.key == key && ($0.values.first.flatMap(LayoutScanner.amount) ?? 0) != 0 }) {
            activeFunds.append(i + 1)
        }
        let funds = ["fiscal", "general", "gov_fund", "soe"]
        let cells = LayoutScanner.isCells(rawLines(lines, range))
        var seenLeft = Set<String>()
        var classSum: Int64 = 0, classTotal: LayoutToken?
        for row in rows {
            guard let first = row.values.first else { continue }
            let key = row.spec.key
            if row.spec.side == 0 {
                if key == "-" || seenLeft.contains(key) { continue }
                seenLeft.insert(key)
                b.money(key, first, place: .init(table: "财政拨款收入支出决算总表", row: row.spec.text, column: "决算数"))
                continue
            }
            // Right: 合计 then the fund columns (order kept, blanks skipped).
            var byFund: [(String, LayoutToken)] = [("fiscal", first)]
            if cells {
                // Word text: 合计 and the three fund columns follow the label cell (cells 3…6).
                byFund = []
                for t in row.values {
                    let column = LayoutScanner.cell(t) - 3
                    if funds.indices.contains(column) { byFund.append((funds[column], t)) }
                    else { b.warnings.append("财政拨款收入支出决算总表：第 \(row.line) 行数字不在栏目内") }
                }
            } else {
                let rest = Array(row.values.dropFirst())
                let columns = rest.count <= activeFunds.count ? Array(activeFunds.prefix(rest.count)) : Array(1...min(3, rest.count))
                for (i, column) in columns.enumerated() { byFund.append((funds[column], rest[i])) }
                if rest.count > columns.count { b.warnings.append("财政拨款收入支出决算总表：第 \(row.line) 行数字多于栏目") }
            }
            for (fund, token) in byFund {
                if key.hasPrefix("code:") {
                    b.money(nil, code: String(key.dropFirst(5)), fund: fund, token, place: fiscalPlace(row, fund))
                } else if key == "fiscal_expenditure" {
                    let measure = ["fiscal": "fiscal_expenditure", "general": "general_expenditure",
                                   "gov_fund": "gov_fund_expenditure", "soe": "soe_expenditure"][fund]!
                    b.money(measure, token, place: fiscalPlace(row, fund))
                } else if key == "fiscal_closing_balance" && fund == "fiscal" {
                    b.money(key, token, place: fiscalPlace(row, fund))
                }
            }
            if key.hasPrefix("code:") { classSum += LayoutScanner.amount(first) ?? 0 }
            if key == "fiscal_expenditure" { classTotal = first }
        }
        if let total = classTotal, LayoutScanner.amount(total) != classSum {
            b.warnings.append("财政拨款收入支出决算总表：各类支出之和 \(Amount(fen: classSum)) 不等于本年支出合计 \(total.text)（第 \(total.line) 行）")
        }
        b.tables += 1
    }

    // MARK: 一般公共预算财政拨款基本支出决算表 (经济分类)

    static func readBasicTable(_ lines: [String], _ range: ClosedRange<Int>, into b: inout ShanghaiBuilder) {
        let tokenLines = tokenLines(lines, range)
        let layout = LayoutScanner.isLayout(rawLines(lines, range))
        var streams = [tokenLines]
        if layout {
            // The right block starts at the second code printed on a line.
            let split = tokenLines.compactMap { tokens -> Int? in
                tokens.first { $0.isCode && ($0.text.count == 3 || $0.text.count == 5) && $0.text.hasPrefix("3") && $0.x > 10 }?.x
            }.min() ?? 40
            streams = [tokenLines.map { $0.filter { $0.x < split - 2 } }, tokenLines.map { $0.filter { $0.x >= split - 2 } }]
        }
        if !layout {
            // Reading order: a line may hold a left-block row and a right-block row; each code
            // (or total label) after the first token starts a new row.
            streams = [tokenLines.flatMap { tokens -> [[LayoutToken]] in
                var segments: [[LayoutToken]] = [[]]
                for (i, t) in tokens.enumerated() {
                    let starts = i > 0 && ((t.isCode && (t.text.count == 3 || t.text.count == 5) && t.text.hasPrefix("3"))
                        || t.text.hasPrefix("人员经费合计") || t.text.hasPrefix("公用经费合计"))
                    if starts && !(segments.last!.last?.isCode == true && t.text.count == 2) { segments.append([]) }
                    segments[segments.count - 1].append(t)
                }
                return segments.filter { !$0.isEmpty }
            }]
        }
        var rows: [CodeRow] = []
        for stream in streams {
            rows += CodeTableScanner.rows(stream, layout: layout, totalLabels: ["人员经费合计", "公用经费合计"])
                .filter { !$0.isCode || $0.key.count == 3 || $0.key.count == 5 }
        }
        var value: [String: LayoutToken] = [:], printedName: [String: String] = [:]
        for row in rows {
            guard let v = row.values.first else { continue }
            if row.isCode { printedName[row.key] = (row.key + " " + row.label).trimmingSpaces }
            if row.values.count > 1 { b.warnings.append("一般公共预算财政拨款基本支出决算表：\(row.key) 行有多于一个数字（第 \(row.line) 行）") }
            value[row.key] = v
        }
        // Detail rows are kept as printed; a class they do not add up to is reported (the
        // audit's B4 rule then names the figures).
        for cls in ["301", "302", "303", "310"] {
            let details = value.filter { $0.key.count == 5 && $0.key.hasPrefix(cls) }
            guard let total = value[cls] else { continue }
            let s = details.values.compactMap(LayoutScanner.amount).reduce(0, +)
            let difference = abs(s - (LayoutScanner.amount(total) ?? 0))
            if difference > 10_000 * Int64(details.count) {
                b.warnings.append("一般公共预算财政拨款基本支出决算表：\(cls) 的明细之和 \(Amount(fen: s)) 不等于 \(total.text)（第 \(total.line) 行）")
            } else if difference != 0 {
                b.warnings.append("一般公共预算财政拨款基本支出决算表：\(cls) 的明细之和 \(Amount(fen: s)) 与 \(total.text) 相差 \(Amount(fen: difference))（尾数，第 \(total.line) 行）")
            }
        }
        for (key, token) in value.sorted(by: { $0.key < $1.key }) {
            let place = ShanghaiBuilder.Place(table: "一般公共预算财政拨款基本支出决算表", row: printedName[key] ?? key, column: "决算数")
            if key == "人员经费合计" { b.money("personnel", token, place: place) }
            else if key == "公用经费合计" { b.money("public_funds", token, place: place) }
            else { b.money(nil, code: key, fund: "general", column: "basic", token, place: place) }
        }
        func v(_ k: String) -> Int64 { value[k].flatMap(LayoutScanner.amount) ?? 0 }
        if let p = value["人员经费合计"], v("人员经费合计") != v("301") + v("303") {
            b.warnings.append("一般公共预算财政拨款基本支出决算表：人员经费合计 \(p.text) 不等于 301 与 303 之和（第 \(p.line) 行）")
        }
        if let p = value["公用经费合计"], v("公用经费合计") != v("302") + v("310") {
            b.warnings.append("一般公共预算财政拨款基本支出决算表：公用经费合计 \(p.text) 不等于 302 与 310 之和（第 \(p.line) 行）")
        }
        b.tables += 1
    }

    // MARK: 财政拨款“三公”经费支出决算表

    static let sangongSlots: [(String, String)] = [
        ("sangong", "budget"), ("sangong", "actual"), ("sangong_abroad", "budget"), ("sangong_abroad", "actual"),
        ("sangong_vehicle", "budget"), ("sangong_vehicle", "actual"), ("vehicle_purchase", "budget"), ("vehicle_purchase", "actual"),
        ("vehicle_operation", "budget"), ("vehicle_operation", "actual"), ("sangong_reception", "budget"), ("sangong_reception", "actual"),
    ]

    static func readSangong(_ lines: [String], _ range: ClosedRange<Int>, into b: inout ShanghaiBuilder) {
        let tokenLines = tokenLines(lines, range)
        let layout = LayoutScanner.isLayout(rawLines(lines, range))
        let numbers = tokenLines.flatMap { $0.filter(\.isCell) }
        b.tables += 1
        guard !numbers.isEmpty else { return }
        var slots: [Int?] = []
        if numbers.count == 12 {
            slots = Array(0..<12)
        } else if layout, let header = tokenLines.first(where: { $0.filter { $0.text == "预算数" || $0.text == "决算数" }.count == 12 }) {
            // Each figure under the nearest 预算数/决算数 heading.
            let centers = header.map { Double($0.x) + 1.5 }
            slots = numbers.map { n in
                let c = Double(n.x) + Double(n.text.count) / 2
                return centers.indices.min { abs(centers[$0] - c) < abs(centers[$1] - c) }
            }
            if Set(slots.compactMap { $0 }).count != numbers.count { slots = [] }
        }
        if slots.isEmpty {
            // Reading order: the placements (order kept) under which the parts add up.
            var solutions: [[Int]] = []
            func choose(_ from: Int, _ picked: [Int]) {
                if picked.count == numbers.count {
                    var v = [Int64](repeating: 0, count: 12)
                    for (i, s) in picked.enumerated() { v[s] = LayoutScanner.amount(numbers[i]) ?? 0 }
                    if unbalancedColumns(v).isEmpty { solutions.append(picked) }
                    return
                }
                guard from < 12 else { return }
                for s in from..<12 { choose(s + 1, picked + [s]) }
            }
            choose(0, [])
            guard !solutions.isEmpty else {
                b.warnings.append("财政拨款“三公”经费支出决算表：数字无法与栏目对应（第 \(numbers[0].line) 行）")
                return
            }
            if solutions.count > 1 {
                b.unsettledSangong = (numbers, solutions)
                return
            }
            slots = solutions[0]
        }
        placeSangong(numbers, slots, into: &b)
    }

    /// Settles a reading-order 三公 row with the figures the 情况说明 states (a placement that
    /// contradicts one of them is dropped; blank cells count as 0), then places the figures
    /// whose column every remaining placement agrees on and reports the others.
    static func settleSangong(into b: inout ShanghaiBuilder) {
        guard let (numbers, placements) = b.unsettledSangong else { return }
        b.unsettledSangong = nil
        var stated: [String: Int64] = [:]
        for fact in b.facts where fact.provenance.kind == "text" {
            if let measure = fact.measureID, let amount = fact.amountFen { stated["\(measure) \(fact.column)"] = amount }
        }
        let agreeing = placements.filter { placement in
            sangongSlots.indices.allSatisfy { slot in
                let (measure, column) = sangongSlots[slot]
                guard let said = stated["\(measure) \(column)"] else { return true }
                return said == (placement.firstIndex(of: slot).flatMap { LayoutScanner.amount(numbers[$0]) } ?? 0)
            }
        }
        let candidates = agreeing.isEmpty ? placements : agreeing
        let slots = candidates[0].indices.map { i in candidates.allSatisfy { $0[i] == candidates[0][i] } ? candidates[0][i] : nil }
        for (i, slot) in slots.enumerated() where slot == nil {
            let columns = Set(candidates.map { $0[i] }).sorted().map(sangongColumnName).joined(separator: "、")
            b.warnings.append("财政拨款“三公”经费支出决算表：\(numbers[i].text) 可能属于 \(columns)，无法确定（第 \(numbers[i].line) 行），未导入")
        }
        placeSangong(numbers, slots, into: &b)
    }

    /// "公务接待费 预算数" for slot 10.
    static func sangongColumnName(_ slot: Int) -> String {
        let parts = ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费"]
        return parts[slot / 2] + (slot % 2 == 0 ? "预算数" : "决算数")
    }

    /// The columns (0 预算数, 1 决算数) whose parts do not add up: 合计 = 出国 + 车 + 接待, 车 = 购置 + 运行.
    private static func unbalancedColumns(_ v: [Int64]) -> [Int] {
        (0..<2).filter { c in v[c] != v[2 + c] + v[4 + c] + v[10 + c] || v[4 + c] != v[6 + c] + v[8 + c] }
    }

    private static func placeSangong(_ numbers: [LayoutToken], _ slots: [Int?], into b: inout ShanghaiBuilder) {
        var v = [Int64](repeating: 0, count: 12)
        for (token, slot) in zip(numbers, slots) {
            guard let slot else { continue }
            v[slot] = LayoutScanner.amount(token) ?? 0
            let heading = sangongColumnName(slot)
            b.money(sangongSlots[slot].0, column: sangongSlots[slot].1, token,
                    place: .init(table: "财政拨款“三公”经费支出决算表", row: nil, column: heading))
        }
        // With a figure left out the sums cannot hold; every placement tried added up anyway.
        guard !slots.contains(nil) else { return }
        for c in unbalancedColumns(v) {
            b.warnings.append("财政拨款“三公”经费支出决算表：\(c == 0 ? "预算数" : "决算数")各项之和与合计不符（第 \(numbers[0].line) 行）")
        }
    }
}
