import Core

/// What each rule reports at which severity, with an example, for `dq check --rules` and
/// `help check` (DOMAIN §6: error = cannot be right whatever the rounding; warning = likely
/// wrong or a missing disclosure; info = rounding or presentation).
public enum RuleCatalog {
    public struct Entry: Hashable, Sendable {
        public var id: String
        public var family: String
        public var invariant: String
        public var severity: String
        public var example: String
        /// The kinds of document the rule audits (决算, 预算).
        public var kinds: [String] = [DocumentKind.final.rawValue]
    }

    /// Every rule, in the order `check` runs them.
    public static var entries: [Entry] {
        AuditRules.all.map { rule in
            let (severity, example) = described[rule.id] ?? ("", "")
            return Entry(id: rule.id, family: rule.family, invariant: rule.invariant, severity: severity, example: example,
                         kinds: [DocumentKind.final.rawValue, DocumentKind.budget.rawValue].filter(rule.applies(to:)))
        }
    }

    /// The ids the catalog documents (a test holds them equal to the rules).
    public static var documentedIDs: Set<String> { Set(described.keys) }

    static let sum = "error：超出各数舍入可达的区间；info：区间内的尾差（一张表的尾差合为一条）"

    static let described: [String: (severity: String, example: String)] = [
        "A1.income-side": (sum, "总计 9859.38 ≠ 本年收入合计 9746.50 + 年初结转和结余 112.88"),
        "A2.expenditure-side": (sum, "总计 9859.38 ≠ 本年支出合计 9759.38 + 年末结转和结余 110.00"),
        "A3.income-sources": (sum, "本年收入合计 ≠ 财政拨款收入 + 事业收入 + 其他收入"),
        "A4.expenditure-parts": (sum, "本年支出合计 2940.05 ≠ 基本支出 2336.91 + 项目支出 613.14"),
        "A5.fiscal-balance": (sum, "财政拨款收入 + 年初结转 ≠ 财政拨款支出 + 年末结转"),
        "A6.general-parts": (sum, "一般公共预算财政拨款支出 ≠ 基本支出 + 项目支出"),
        "A7.budget-balance": (sum, "收入总计 37,151.47 ≠ 支出总计 37,151.48（预算没有结转和结余，两方须相等）"),
        "A8.fiscal-parts": (sum, "财政拨款收入 ≠ 一般公共预算 + 政府性基金 + 国有资本经营预算"),
        "B1.code-hierarchy": (sum + "；warning：下级科目之和小于上级而上级另有未列科目", "201 类 889.16 ≠ 20101 款 + 20103 款"),
        "B2.table-total": (sum, "支出决算表合计 889.16 ≠ 各类之和 889.26"),
        "B3.row-identity": (sum, "一行中 合计 265.07 ≠ 基本支出 + 项目支出 264.87"),
        "B4.economic-detail": (sum, "302 商品和服务支出 171.07 ≠ 各 302xx 之和 171.09"),
        "B5.personnel-public": (sum, "人员经费 4884.09 ≠ 301 + 303"),
        "B6.basic-split": (sum, "基本支出 636.02 ≠ 人员经费 555.34 + 公用经费 80.69"),
        "B7.tables-read": ("warning：表的勾稽关系大面积不成立（多为列错位），整表隔离，报告一次；印出合计的科目行组成栏一个也未读出，每张表报告一次",
                           "表“支出决算表”：42 项恒等关系中 40 项不成立，疑似栏目错位；表“支出决算表”：17 行印出合计而基本支出、项目支出等各栏均未读出"),
        "C1.class-totals": ("error：两表同一科目数字不同（不设舍入容差）", "208 类：总表 326.71，支出决算表 326.72"),
        "C2.fiscal-columns": ("error：两表同一科目数字不同", "208 类：财政拨款总表 326.71，一般公共预算表 326.72"),
        "C3.table-and-text": ("error：表与正文（或两表）同一数字不同", "人员经费：表 4884.09，正文 4896.98"),
        "C4.basic-general": ("warning：收入全部为一般公共预算而两处基本支出不同", "基本支出 5377.64，一般公共预算基本支出 5364.75"),
        "C5.admin-operating": ("warning：机关运行经费大于公用经费", "机关运行经费 185.65 > 公用经费 184.65"),
        "C6.sangong-economic": ("error：经济分类款超出三公部分且超出舍入范围；info：差在末位一个单位内", "30217 公务接待费 1.39 > 三公公务接待费 0.39"),
        "D1.printed-twice": ("error：正文两处同一数字不同；warning：图表与正文不同", "三公经费 第115行 12.52，第130行 12.62"),
        "D2.share": ("error：占比超出区间或以 0 为分母；warning：图表中的占比与计算不符", "201 占比印 71.73%，应为 71.65%"),
        "D3.growth": ("error：增幅与由变动额推算的上年数不符（只容印出精度）或上年为 0", "增长81.71%，由增长5.63万元推算应为 81.72%"),
        "D4.completion": ("error：完成率与决算/预算不符或预算为 0", "完成年初预算 95.45%，应为 95.46%"),
        "D5.shares-sum": ("info：各自四舍五入使和差 0.01 × 项数以内；warning：更大", "5 项占比之和 99.99%"),
        "D6.execution-zero-base": ("error：预算为 0 却印执行进度", "预算总金额为0，预算执行总体进度为100%"),
        "D7.share-percent-sign": ("warning：印出的占比缺“%”", "“占本年支出合计的 99.86；”"),
        "D8.comparative-words": ("error：比较用语与所述决算数、预算数都不符", "决算 0.39、预算 2.85，却写“决算数大于预算数”"),
        "D9.itemised-list": ("error：各项之和超出所述合计的舍入区间，或比较用语与该项数字相反；warning：缺项、表中无此项、差异未说明原因；info：尾差",
                             "表中 2013150 事业运行 97.71，正文逐项说明未列此项"),
        "D10.class-names": ("warning：正文所写类/款/项名称与表或科目表不同，或是已更名科目的旧名称",
                            "“医疗卫生与计划生育支出（类）”，现名“卫生健康支出”（210）"),
        "D12.budget-growth": ("error：增幅与由变动额推得的上年预算数不符（只容印出精度）或上年为 0；info：尾差",
                              "增加1447.63万元、增长8.45%：1447.63 ÷（18570.82 − 1447.63）= 8.45%"),
        "D11.level-with-change": ("error：同一句既写“持平”又写减少为0或不为0的增减", "“公务用车购置费减少为0，与上年持平”"),
        "E1.sangong-parts": (sum, "三公 12.52 ≠ 出国 0 + 公务用车 12.52 + 接待 0.10"),
        "E2.vehicle-parts": (sum, "公务用车 12.52 ≠ 购置 0 + 运行维护 12.42"),
        "E3.sangong-disclosed": ("warning：三公某部分未单独公开", "未单独公开公务用车购置费"),
        "E4.sangong-counts": ("warning：有支出而未公开实物量（金额为 0 的部分不要求）", "接待费 0.39 万元而未写接待批次"),
        "E5.vehicle-types": ("error：各车型之和不等于合计", "保有量 3 辆 ≠ 轿车 12 + 越野车 1"),
        "E6.sangong-reasons": ("warning：有增减或未按预算执行而整段及其后几句均无原因", "三公经费增长5.63万元，未说明原因"),
        "E7.sangong-meetings-training": ("error：三公、会议费、培训费合计 ≠ 三公小计 + 会议费 + 培训费；info：尾差",
                                         "合计 2,558.26 ≠ 三公 620.75 + 会议费 271.26 + 培训费 1,666.25"),
        "F1.procurement": ("error：采购总额 ≠ 货物 + 工程 + 服务，或中小企业 > 总额；info：尾差", "采购总额 251.25 ≠ 4.79 + 0 + 246.47"),
        "F2.vehicles-by-use": ("error：各用途车辆之和不等于总数", "车辆 13 辆 ≠ 各用途之和 3 辆"),
        "F3.vehicle-counts": ("warning：三公保有量与国有资产车辆数不同（口径可能不同）", "三公保有量 3 辆，国有资产车辆 13 辆"),
        "G1.execution-rate": ("error：执行率 ≠ 执行数 ÷ 调整后预算；info：尾差", "执行率 100%，9.61 ÷ 9.60"),
        "G2.funding-rows": ("error：资金来源行之和 ≠ 总额；warning/info：缺行与尾差", "财政资金 9.61 + 其他 0.10 ≠ 总额 9.61"),
        "G3.scores-weights": ("error：得分超权重、权重或得分之和不符", "指标权重合计 95 ≠ 90"),
        "G4.indicator-direction": ("warning：满意度指标为 ≤；info：定性指标填数值", "服务对象满意 ≤90%"),
        "G5.cost-indicators": ("warning：满分成本指标之和超过执行数；info：接近", "成本指标合计 20.00 > 执行数 9.61"),
        "G6.downward-adjustment": ("warning：执行率 100% 来自大幅调减预算", "年初 20.00 调减至 9.61 后执行率 100%"),
        "G7.project-without-form": ("warning：正文所述项目无自评表", "「会议室建设及维护运行经费」无自评表"),
        "G8.project-totals": ("error：项目执行数之和或常年项目金额超过项目支出", "常年项目 889.16 > 项目支出 253.13"),
        "G9.completion-unit": ("info：完成值与度量单位不一致", "度量单位“%”，完成值“完成”"),
        "G10.project-text-figures": ("error：正文所述项目金额与自评表不同", "正文年初预算 20.00，自评表 21.00"),
        "R1.placeholders": ("warning：残留占位符、错年度标题或残缺年度", "“下降（增长）27.78%”；“XX年度”；“【单位名称】”"),
        "R2.instructions": ("warning：残留编写说明", "“此处需要按模版写完整一点”；“若涉及……的，应在……”"),
        "R3.reviewer-comments": ("warning：残留审阅批注", "“图名称统一放图下方”"),
        "R4.section-numbers": ("warning：一级标题缺号或跳号", "“收入决算情况说明”缺少编号“二、”"),
        "R5.doubled-punctuation": ("info：重复标点", "“共计支出0万元。。”"),
        "R6.figure-captions": ("info：图缺图名", "图下无“图N：……”"),
        "R7.year-residue": ("warning：标题、“截至”日期写成其他年度，比较年度不是上年度，标题中年度残缺",
                            "N 年度文件中写“截至 N−1 年12月31日”、“与 N−2 年度相比”，或年份多印一位（如“N年度”印成五位数）"),
        "R8.tables-published": ("error：正文列出数字而决算表未公开、缺表或被清空（每张表报告一次）",
                                "第五部分附表只列表名，没有表；“七、财政拨款“三公”经费支出决算情况说明”列出 0.39 万元，文件中却没有三公经费表"),
        "R11.tables-listed": ("warning：目录或正文所列的表文件中没有读到，正文也没有该表的情况说明",
                              "目录列出“十、部门预算绩效目标表”，文件中却没有此表"),
        "R9.blank-cells": ("info：表在同一栏中以 0.00 填写无数字的单元格，另有空白（整表空白不报）",
                           "2080501 行政单位离退休的“项目支出”空白，同栏其他行写 0.00"),
        "R10.unit-residue": ("warning：目录或部分标题所写单位与封面不同", "封面“某区财政局”，目录写“第一部分 某区民政局概况”"),
        "Y2.budget-restated": ("error：决算所列年初预算与同年度预算文件不同（超出两者印出精度）；warning：三公预算数不同（可能为调整后预算）",
                               "决算年初预算 2080505 161.62，同年度部门预算 141.09（预算文件第 264 行）"),
        "Y3.prior-budget": ("warning：由“比上年预算增减”推得的上年预算数与上年预算文件不同（超出印出精度）",
                            "基本支出 18570.82“与上年相比增加1447.63万元”，推得上年 17123.19，上年预算为 17023.19"),
        "Y1.prior-year": ("warning：本年披露的上年数与上年披露不同", "上年三公 6.89，上年披露为 6.98"),
    ]
}
