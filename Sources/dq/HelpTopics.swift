import Core

/// The documentation `.help` and `help VERB` print: every statement and meta-command, the
/// decisions behind each where the specification leaves room, and examples that run on
/// the default data (a test runs every example).
enum HelpTopics {
    struct Topic {
        let name: String
        let syntax: String
        let summary: String
        let details: [String]
        let examples: [String]
    }

    static let statements: [Topic] = [
        Topic(name: "summary", syntax: "summary [[预算|决算] 年份] [for 单位[, 单位…]] [by unit] [where 条件]", summary: "主要指标本年与上年对比",
              details: ["行依次为：收支总计、本年收入合计、本年支出合计、基本支出、项目支出、财政拨款支出、一般公共预算财政拨款支出、三公经费、机关运行经费。",
                        "上年数取上年决算；未载入时取本年决算中对上年的表述（由变动额推算的值标 *）；文件未提及的留空。",
                        "变动率 = 变动 ÷ 上年数，四舍五入到 0.01%；上年为 0 或未知时显示 —。",
                        "没有载入的年度或单位在标准错误中注明（“注：”），留空的格子绝不当作 0。",
                        "for 甲, 乙 或 by unit：各单位并列（每个单位一组列，列名 u1_…、u2_… 依单位次序）。",
                        "summary 预算 2025（或 2025预算、budget 2025）：读该年度及上年的预算文件（部门预算，没有时为单位预算）的预算数，列名 budget_2024、budget_2025；没有预算文件或预算未列出的指标在“注：”中写明。"],
              examples: ["summary", "summary 2023", "summary 2023 where change > 0", "summary 预算 2023"]),
        Topic(name: "compare", syntax: "compare 主题|科目编码 [预算|决算] 年份1 [预算|决算] 年份2 | compare 主题|科目编码 预算 决算 年份 [for 单位[, 单位…]] [by unit] [where 条件]",
              summary: "主题或科目各组成部分两年对比，含合计行",
              details: ["列出主题在目录中的全部组成部分（逐级缩进）；“其中”项不列入；没有组成部分的主题自成一行。",
                        "科目编码：列出其下各“项”（经济分类为“款”）两年的数值和合计。",
                        "某年未知的部分留空，变动显示 —，绝不当作 0。",
                        "合计行取文件印出的总数；没有时，若各组成部分均已知则为其和（标 *），否则留空。",
                        "“支出”指本年支出合计，“收入”指本年收入合计。",
                        "for 甲, 乙 或 by unit：各单位并列。",
                        "年份前可注明文件：预算（budget）读预算文件（部门预算，没有时为单位预算）的预算数，决算（final）或不写读决算；也可与年份 Y 连写（Y预算、预算Y）。compare 三公 预算 决算 Y 即同一年度的预算与决算：变动 = 决算 − 预算，变动率以预算为基数。有预算的列名 budget_Y、标题“Y年预算”，另一列标题“Y年决算”。",
                        "科目编码在预算与决算之间比较时，取两份文件都按科目印出的最宽资金范围（全部资金、财政拨款、一般公共预算依次）。",
                        "某年整列为空时，标准错误中的“注：”写明原因：没有该年度的文件，或文件未列出该数值。"],
              examples: ["compare 三公 2022 2023", "compare sangong 2022 2023", "compare 机关运行经费 2022 2023",
                         "compare 201 2022 2023", "compare 三公 2022 2023 where change > 0", "compare 三公 预算 决算 2023",
                         "compare 201 预算2023 2023"]),
        Topic(name: "breakdown", syntax: "breakdown 科目编码|主题 [by 类|款|项|unit] [in 年份 | [in] 预算 年份] [depth N] [basic|project|with budget] [fund 资金范围] [for 单位[, 单位…]] [where 条件]",
              summary: "某科目或主题之下的明细及占比",
              details: ["科目编码可写作 2013101、201 31 01 或 201.31.01；功能分类（类 3 位、款 5 位、项 7 位）与经济分类（类 3 位、款 5 位，如 302、30201）均可。",
                        "整个分类：breakdown 2（功能分类各类）、breakdown 3（经济分类各类）；breakdown 本年支出合计 by 类|款|项 按功能分类分解该支出，合计取该主题印出的数值。",
                        "功能分类读取支出决算表（全部资金）；未载入时读一般公共预算财政拨款支出；经济分类读一般公共预算财政拨款基本支出决算表；fund 可指定资金范围。",
                        "默认列出节点下的每个“项”（经济分类为“款”）及其占节点的比例，并给出节点合计；depth 1 列下一级（类下的款），depth 2 列两级；单个“项”只有一行。",
                        "文件未印出的款、类合计由其下各项相加得出，标 *。",
                        "对主题：列出有数值的组成部分（depth 控制层数），合计取主题本身的数值。",
                        "where 可用字段：code、name、amount、share、unit、is_total、derived，例如 where share > 10%。",
                        "with budget：功能分类科目下每个“项”的年初预算（说明中印出的，栏目“年初预算数”）、决算数、差额和完成率；文件未给出年初预算的留空。",
                        "单位有该年度决算而科目下没有数值（或 with budget 时各项都没有年初预算）时，标准错误输出一行“注：”写明单位。",
                        "breakdown 201 预算 2025（或 in 2025预算）：分解该年度预算文件（部门预算，没有时为单位预算）的预算数（basic、project 读其基本支出、项目支出栏）；功能分类取预算按科目印出的最宽资金范围（全部资金，没有时为财政拨款，再为一般公共预算）。没有预算文件或预算未列出该科目时写“注：”。with budget 读决算所载的年初预算，不与“预算 年份”同用。"],
              examples: ["breakdown 201", "breakdown 201 depth 1", "breakdown 201 31 01", "breakdown 支出", "breakdown 2",
                         "breakdown 本年支出合计 by 款", "breakdown 208 depth 1", "breakdown 2 where share > 10%", "breakdown 201 预算 2023"]),
        Topic(name: "trend", syntax: "trend 主题|科目编码 [with budget|预算] [from [预算] 年份 to [预算] 年份] [for 单位[, 单位…]] [by unit] [where 条件]", summary: "各年数值及逐年变动",
              details: ["每个有数值的年度一行；只与紧邻的上一年比较，中间缺年时变动留空。",
                        "with budget（或 with 预算，或只写 预算，或在 from、to 的年份前注明预算：from 预算 Y1 to Y2）：各年预算文件（部门预算，没有时为单位预算）的预算数及其逐年变动，不读决算。一条语句中注明的文件须为同一种。",
                        "by unit（或 for 甲, 乙）：每个单位一行、每年一列；合计行不重复计算其部门也在表中的二级单位，任一单位缺该年数值时合计留空；各年都没有数值的单位不列行，在“注：”中逐一写明。"],
              examples: ["trend 三公", "trend 机关运行经费 from 2022 to 2023", "trend 2013101", "trend 三公 by unit", "trend 三公 with budget",
                         "trend 三公 预算", "trend 三公 from 预算 2022 to 2023"]),
        Topic(name: "execution", syntax: "execution 主题|科目编码 [年份] [for 单位]", summary: "预算执行：预算文件、决算所载年初预算与决算数",
              details: ["每个单位一行：该年度预算文件（部门预算，没有时为单位预算）的预算数、决算自身印出的年初预算（年初预算数栏，没有时为预算数栏）、决算数，决算与预算之差和执行率（决算 ÷ 预算文件，无预算文件时 ÷ 年初预算），以及决算所载年初预算与预算文件之差（不为 0 即年初预算被改写）。",
                        "年份缺省为 use 设定的年份，再为范围内最近的决算年度；没有的数值留空。此语句已并列预算与决算，年份前不注明预算或决算。"],
              examples: ["execution 本年支出合计", "execution 三公 2023", "execution 201 2023"]),
        Topic(name: "top", syntax: "top N units by 主题|科目编码 [in [预算|决算] 年份 | 预算 年份] [where 条件]", summary: "各单位按主题数值排名",
              details: ["对全部已载入单位排名；合计行不重复计算其部门也在排名中的二级单位，占比以该合计为基数。",
                        "没有该数值的单位不参加排名，并在标准错误中注明。",
                        "top 5 units by 三公 预算 Y（或 in 预算 Y、in Y预算）：按各单位 Y 年预算文件（部门预算，没有时为单位预算）的预算数排名，列标题“三公经费（Y年预算）”；没有该年度预算文件或预算未列出该数值的单位在“注：”中写明。"],
              examples: ["top 3 units by 基本支出", "top 5 units by 三公 in 2023", "top 5 units by 201", "top 5 units by 三公 预算 2023"]),
        Topic(name: "projects", syntax: "projects [where 条件] [order by 字段 [asc|desc]] [limit N] [for 单位]",
              summary: "绩效自评项目",
              details: ["金额取“总额”行（表格优先于正文）；执行率为文件印出的预算执行率；自评得分为指标表合计得分。",
                        "字段：initial 年初预算、adjusted 调整后预算、executed 执行数、rate 执行率、score 得分、weight 权重、name 项目名称、code 项目编码、unit 单位、year 年度。",
                        "默认按文件中的顺序；order by 时空值排在最后。"],
              examples: ["projects", "projects where adjusted < initial", "projects where executed < 0.9 * initial",
                         "projects where 调整后预算 ＜ 年初预算 order by executed desc limit 2"]),
        Topic(name: "indicators", syntax: "indicators [of 项目] [where 条件] [for 单位]", summary: "项目绩效指标",
              details: ["项目可写编码、全名或唯一的名称片段；不含各表的“合计”行。",
                        "字段：project、level1 一级指标、level2 二级指标、name 三级指标、operator 指标性质、target 指标值、measure_unit 度量单位、actual 完成值、weight 权重、score 得分、reason 未完成原因。",
                        "target、actual 与数值比较或互相比较（< <= > >=）时按数值读取（文字照原样保留）：单位为度量单位，以 % 结尾的为 %；两个数值单位不同时不作比较，并在标准错误中说明有几个；~ 仍按文字包含。"],
              examples: ["indicators of 春节慰问费", "indicators where operator = '≤'", "indicators where level1 ~ 满意度 and score < weight",
                         "indicators where target >= 90%", "indicators where target > 100 and operator = '≥'"]),
        Topic(name: "codes", syntax: "codes [科目编码 | like 文字]", summary: "政府收支分类科目（功能分类与经济分类）",
              details: ["列出现行名称；编码前缀列出其下全部科目。"],
              examples: ["codes 20131", "codes like 运行"]),
        Topic(name: "units", syntax: "units", summary: "已知单位、别名与已载入年度", details: [], examples: ["units"]),
        Topic(name: "years", syntax: "years", summary: "已载入的年度", details: [], examples: ["years"]),
        Topic(name: "subjects", syntax: "subjects", summary: "可查询的主题（中英文名称与别名）",
              details: ["主题来自数据库目录，新增度量无需修改程序即可查询。"], examples: ["subjects"]),
        Topic(name: "find", syntax: "find 文字 [for 单位]", summary: "在说明正文中查找",
              details: ["三个字以上用全文索引（trigram），一两个字逐段查找；审阅批注标为“批注”。"],
              examples: ["find 慰问", "find 春节慰问费"]),
        Topic(name: "source", syntax: "source [主题|科目编码] [[预算|决算] 年份] [for 单位] [where 条件]", summary: "某数值在文件中的每一处出处",
              details: ["列出决算中的每次出现：所属年度、栏目、资金范围、原文、来源（table/text/chart）和行号；“查询采用”标出查询所读取的那一处。",
                        "不写主题时列出全部数值，另有“项目”和“印出次数”两列：source where derived 列出文件推算（未印出）的数值及其推算依据，source where printed_count = 1 列出只印出一次的数值。",
                        "source 三公 预算 Y：列出 Y 年数值在预算文件中的每次出现，另有“文件”（部门预算、单位预算，列名 document）和“表格”（表名，正文为空，列名 table）两列；“查询采用”标出预算查询所读取的那一处（本年度的预算文件、部门预算优先，表格优先于正文）。只有预算文件的单位，不写预算时在“注：”中提示。"],
              examples: ["source 三公", "source 三公 2022", "source 2013101", "source where derived", "source where printed_count = 1 and year = 2023",
                         "source 三公 预算 2023"]),
        Topic(name: "check", syntax: "check [where 条件] [for 单位]", summary: "一致性核对：重算合计、占比、增幅、执行率，列出不一致之处",
              details: ["按规则族核对：A 收支平衡、B 层级合计、C 表间一致、D 正文与数字、E 三公、F 其他事项、G 绩效、R 模板残留、Y 跨年度。",
                        "每个印出的数字可有其末位半个单位的误差：超出可达区间为 error，区间内但与四舍五入值不同为 info（尾数）；零基数上的比率一律为 error。",
                        "图表数据和审阅批注以正文为准核对，不反过来。未能核对的规则在标准错误中列出。",
                        "字段：severity、rule、family、message、unit、year。命令行 dq check --fail-on error|warning|info 供流水线使用。",
                        "同一数字破坏多项核对时只报一条，列出它破坏的每一项；结尾一行统计错误、警告、提示条数和规则通过、不适用、未能核对数。",
                        "dq check --rules 列出全部规则的编号、核对内容、级别和示例。",
                        "不写 for 时核对各单位最新载入年度的决算；只载入了预算时核对全部预算文件（use 预算 Y 时核对该年预算）。"],
              examples: ["check", "check where severity = 'error'", "check where family = 'G'"]),
        Topic(name: "explain", syntax: "explain 语句", summary: "显示语句编译成的 SQL 及参数", details: [],
              examples: ["explain compare 三公 2022 2023"]),
        Topic(name: "sql", syntax: "sql SELECT …", summary: "直接执行只读 SQL（一条语句）",
              details: ["写操作一律拒绝；表结构见 schema.sql。"], examples: ["sql SELECT name FROM unit"]),
        Topic(name: "use", syntax: "use 单位 | use [预算|决算] 年份 | use all", summary: "设定或清除默认单位、年份",
              details: ["单位可写全称、别名或唯一的名称片段；未指定年份时用最新载入的年度。",
                        "use 预算 Y：默认年份为 Y 年预算（提示符 dq[预算 Y]>）：不写年份的 summary、breakdown、top 读 Y 年预算文件，不写年份的 source 列出预算文件中的出处；check 核对各单位该年度的预算文件；execution 只取其年份；breakdown … with budget 仍读决算所载的年初预算。语句中写出的年份不注明预算时仍为决算。use all 同时清除单位和年份。"],
              examples: ["use 区委办", "use 2023", "use 预算 2023", "use all"]),
    ]

    static let conditions = """
        条件：and、or、not、括号；比较 < <= > >= = !=（也可用 ＜ ＞ ＝ ≤ ≥ ≠），~ 表示“包含”。
        summary、compare、breakdown、trend、top、source 的 where 作用于结果的可见列（列名或中文标题）及 unit、is_total、derived。
        一行以左括号、运算符、子句关键字（where、and、by、for …）或 \\ 结尾时，语句在下一行继续（交互模式显示 ..> 提示符）。
        字段之间可比较并做 + - * 运算，乘除常数，计算全部用整数，结果精确：executed < 0.9 * initial。
        金额默认按显示单位（--unit，默认万元），也可带单位：4万、40000元、1亿；比率须带 %：rate < 90%。
        """

    /// The overview `.help` prints.
    static var overview: String {
        var lines = ["语句（help 语句名 查看详细说明）："]
        let width = statements.map { $0.name.count }.max() ?? 0
        for topic in statements {
            lines.append("  " + pad(topic.name, width + 2) + topic.summary)
        }
        lines.append("")
        lines.append("元命令：")
        let commandWidth = MetaCommand.all.map { DisplayWidth.of($0.synopsis) }.max() ?? 0
        for command in MetaCommand.all { lines.append("  " + pad(command.synopsis, commandWidth + 2) + command.summary) }
        lines.append("")
        lines.append(conditions)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` followed by spaces up to `width` display columns.
    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    /// Every example of every statement, for the test that runs them.
    static var examples: [String] { statements.flatMap(\.examples) }

    /// The full text of one topic, or nil when there is none by that name.
    static func text(for name: String) -> String? {
        let key = name.lowercased()
        if key == "all" { return statements.map(render).joined(separator: "\n") }
        if key == "where" || key == "条件" { return conditions + "\n" }
        return statements.first { $0.name == key }.map(render)
    }

    private static func render(_ topic: Topic) -> String {
        var lines = ["\(topic.syntax)", "  \(topic.summary)"]
        lines += topic.details.map { "  · " + $0 }
        if !topic.examples.isEmpty {
            lines.append("  例：")
            lines += topic.examples.map { "    " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
