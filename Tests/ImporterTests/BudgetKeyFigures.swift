import Core
@testable import Importer

/// The key figures of budget disclosures read by hand, without their lines (a layout variant
/// moves lines): totals, 收入/支出 by fund, 基本/项目, 三公 and its parts, 机关运行经费, 政府采购,
/// 绩效目标, per-类 figures. The dev documents' keys are those of BudgetReaderTests,
/// JiangsuBudgetTests and BudgetFiguresTests (lines cited there); the two hold-outs were read
/// for this harness (lines cited here) and measured only once the readers were done.
enum BudgetKeyFigures {
    /// One figure: measure or code, fund (nil: the measure's own), column, value (分 or count),
    /// "table" or "text". `absent`: a figure whose place the document leaves open, which must
    /// not be stored (a stored one is a guess).
    struct Figure: Hashable, CustomStringConvertible {
        var key: String
        var fund: String?
        var column = "budget"
        var value: Int64
        var source = "table"
        var absent = false

        var description: String { "\(key) \(fund ?? "") \(column) \(source) \(absent ? "absent" : String(value))" }

        func matches(_ fact: ImportedFact) -> Bool {
            (fact.measureID == key || fact.code == key) && (fund == nil || fact.fund == fund) && fact.column == column
                && fact.provenance.kind == source
        }
    }

    static func t(_ key: String, _ fund: String?, _ value: Int64, column: String = "budget") -> Figure {
        Figure(key: key, fund: fund, column: column, value: value)
    }

    static func x(_ key: String, _ value: Int64) -> Figure { Figure(key: key, fund: nil, value: value, source: "text") }

    static func none(_ key: String, source: String = "table") -> Figure {
        Figure(key: key, fund: nil, value: 0, source: source, absent: true)
    }

    /// Disclosures measured only at the end: a Shanghai 单位预算 and a Jiangsu 2019 部门预算.
    static let holdOuts: Set<String> = ["2025-shanghai-putuo-quzhengfu-bangongshi-danwei-yusuan",
                                        "2019-jiangsu-shengji-gaojifayuan-bumen-yusuan"]

    /// Keys by disclosure (file name without -biaoge/-wenjian and .txt).
    static let keys: [String: [Figure]] = {
        var keys: [String: [Figure]] = [:]
        for (file, answers) in BudgetReaderTests.answers {
            let name = String(file.split(separator: "/").last!.dropLast(4))
            keys[name] = answers.map { Figure(key: $0.key, fund: $0.fund, column: $0.column, value: $0.value, source: $0.source) }
        }
        keys["2025-shanghai-putuo-shangwuwei-bumen-yusuan", default: []] += [
            t("grand_total", "all", 37_151_465_500), t("sangong_reception", "fiscal", 1_000_000),
            t("admin_operating", "general", 171_010_000), none("sangong_abroad"),
        ]
        keys["2024-shanghai-putuo-shehui-fuliyuan-danwei-yusuan", default: []] += [
            t("grand_total", "all", 1_212_116_400), t("income_total", "all", 1_212_116_400),
            t("vehicle_operation", "fiscal", 6_400_000), t("admin_operating", "general", 0), none("vehicle_purchase"),
        ]
        keys["2023-shanghai-putuo-wanli-jiedao-bumen-yusuan", default: []] += [
            x("procurement_sme_reserved", 332_000_000), x("procurement_micro_reserved", 232_400_000),
        ]
        keys["2025-shanghai-putuo-quzhengfu-bangongshi-bumen-yusuan"] = [
            x("procurement_sme_reserved", 34_000_000), x("procurement_micro_reserved", 34_000_000),
        ]
        keys["2018-jiangsu-shengji-gaojifayuan-bumen-yusuan"] = [
            t("fiscal_income", "fiscal", 33_172_150_000), t("expenditure_total", "all", 33_172_150_000),
            t("basic", "all", 18_570_820_000), t("project", "all", 11_343_270_000), t("reserve_funds", "all", 3_258_060_000),
            t("204", "fiscal", 26_200_880_000), t("general_basic", "general", 18_570_820_000),
            t("sangong_meetings_training", "fiscal", 2_558_260_000), t("sangong", "fiscal", 620_750_000),
            t("sangong_abroad", "fiscal", 170_000_000), t("sangong_reception", "fiscal", 183_950_000),
            t("meeting_fees", "fiscal", 271_260_000), t("training_fees", "fiscal", 1_666_250_000),
            t("admin_operating", "general", 3_407_380_000), t("grand_total", "all", 33_172_150_000),
            t("procurement", "all", 4_641_620_000), t("procurement_goods", "all", 962_860_000),
            t("procurement_works", "all", 539_000_000), t("procurement_services", "all", 3_139_760_000),
            none("vehicle_purchase"), none("vehicle_operation"),
            x("personnel", 15_163_440_000), x("vehicle_operation", 266_800_000), x("fiscal_income", 33_172_150_000),
            x("income_general", 33_172_150_000), x("basic", 18_570_820_000), x("project", 11_343_270_000),
            x("reserve_funds", 3_258_060_000), x("fiscal_expenditure", 33_172_150_000), x("sangong_abroad", 170_000_000),
            x("sangong_reception", 183_950_000), x("procurement", 4_641_620_000), x("procurement_goods", 962_860_000),
            x("procurement_works", 539_000_000), x("procurement_services", 3_139_760_000), x("perf_targets", 6),
            x("perf_targets_budget", 4_481_300_000), x("admin_operating", 3_407_380_000), x("vehicle_purchase", 0),
        ]
        keys["2017-jiangsu-shengji-shengwei-bangongting-bumen-yusuan"] = [
            t("expenditure_total", "all", 20_849_450_000), t("reserve_funds", "all", 196_720_000),
            t("fiscal_income", "fiscal", 20_702_250_000), t("201", "fiscal", 16_845_170_000),
            t("procurement", "all", 1_774_700_000), t("procurement_goods", "all", 496_200_000),
            t("procurement_services", "all", 1_278_500_000), t("income_fiscal_account", "all", 147_200_000),
            t("grand_total", "all", 20_849_450_000), none("procurement_works"), none("income_other_funds"),
            x("personnel", 7_819_470_000), x("income_fiscal_account", 147_200_000), x("fiscal_expenditure", 20_702_250_000),
            x("reserve_funds", 196_720_000),
        ]
        keys["2017-jiangsu-shengji-renda-bangongting-bumen-yusuan"] = [
            t("grand_total", "all", 13_649_070_000), t("fiscal_income", "fiscal", 13_649_070_000),
            t("income_general", "general", 13_649_070_000), none("income_gov_fund"),
        ]
        keys["2018-jiangsu-shengji-renda-bangongting-bumen-yusuan"] = [
            t("grand_total", "all", 15_897_440_000), x("income_fiscal_account", 0), x("income_other_funds", 0),
        ]
        keys["2025-shanghai-putuo-quzhengfu-bangongshi-danwei-yusuan"] = zfU
        keys["2019-jiangsu-shengji-gaojifayuan-bumen-yusuan"] = fy19
        return keys
    }()

    /// Hold-out: 2025-shanghai-putuo-quzhengfu-bangongshi-danwei-yusuan.txt (元 tables, 三公 in 万元).
    static let zfU: [Figure] = [
        t("income_total", "all", 9_101_677_535), t("grand_total", "all", 9_101_677_535),             // 153 收入总计
        t("expenditure_total", "all", 9_101_677_535), t("project", "all", 6_641_000_000),             // 153 支出总计 … 项目支出
        t("fiscal_income", "fiscal", 9_101_677_535), t("201", "all", 8_209_679_742),                  // 140
        t("201", "all", 6_641_000_000, column: "project"),                                            // 140 项目支出
        t("income_general", "general", 9_101_677_535), t("208", "all", 421_377_928),                  // 142
        t("210", "all", 109_707_343), t("221", "all", 360_912_522),                                   // 144, 146
        t("basic", "all", 2_460_677_535),                                                             // 237 支出预算总表 合计
        t("201", "all", 1_568_679_742, column: "basic"),                                              // 206
        t("fiscal_expenditure", "fiscal", 9_101_677_535), t("general_expenditure", "general", 9_101_677_535),  // 255, 301
        t("general_basic", "general", 2_460_677_535), t("general_project", "general", 6_641_000_000),  // 301, 384
        t("personnel", "general", 2_247_399_781), t("public_funds", "general", 213_277_754),          // 384
        t("sangong", "fiscal", 867_500_000), t("sangong_abroad", "fiscal", 839_000_000),              // 401
        t("sangong_reception", "fiscal", 28_500_000), t("admin_operating", "general", 213_280_000),   // 401
        none("vehicle_purchase"), none("vehicle_operation"),                                          // 401: blank
        x("income_total", 9_101_680_000), x("fiscal_income", 9_101_680_000),                          // 98
        x("expenditure_total", 9_101_680_000), x("fiscal_expenditure", 9_101_680_000),                // 100
        x("general_expenditure", 9_101_680_000), x("gov_fund_expenditure", 0), x("soe_expenditure", 0),  // 102–103
        x("sangong", 867_500_000), x("sangong_abroad", 839_000_000), x("sangong_vehicle", 0),         // 406–408
        x("vehicle_purchase", 0), x("vehicle_operation", 0), x("sangong_reception", 28_500_000),      // 408–410
        x("admin_operating", 213_280_000), x("procurement", 34_000_000), x("procurement_goods", 0),   // 412, 414
        x("procurement_works", 0), x("procurement_services", 34_000_000),                             // 414
        x("procurement_sme_reserved", 34_000_000), x("procurement_micro_reserved", 34_000_000),       // 415
        x("perf_targets", 11), x("perf_targets_budget", 6_626_000_000),                               // 417
    ]

    /// Hold-out: 2019-jiangsu-shengji-gaojifayuan-bumen-yusuan.txt (万元).
    static let fy19: [Figure] = [
        t("fiscal_income", "fiscal", 37_188_340_000), t("income_general", "general", 37_188_340_000), // 178, 180
        t("income_total", "all", 37_188_340_000), t("expenditure_total", "all", 37_188_340_000),     // 214 当年收入/支出小计
        t("grand_total", "all", 37_188_340_000),                                                     // 218 收入合计
        t("basic", "all", 21_968_000_000), t("project", "all", 10_208_940_000),                      // 273
        t("reserve_funds", "all", 5_011_400_000),                                                    // 273
        t("fiscal_expenditure", "fiscal", 37_188_340_000),                                           // 290, 299
        t("204", "fiscal", 27_488_230_000), t("208", "fiscal", 2_355_650_000),                       // 301, 317
        t("221", "fiscal", 7_344_460_000), t("2080505", "fiscal", 1_384_700_000),                    // 327, 323 (name wrapped)
        t("general_expenditure", "general", 37_188_340_000), t("204", "general", 27_488_230_000),    // 386, 388
        t("general_basic", "general", 21_968_000_000),                                               // 432
        t("sangong_meetings_training", "fiscal", 2_382_020_000), t("sangong", "fiscal", 513_750_000),  // 486
        t("sangong_abroad", "fiscal", 160_000_000), t("sangong_vehicle", "fiscal", 266_800_000),     // 486
        t("sangong_reception", "fiscal", 86_950_000), t("meeting_fees", "fiscal", 271_020_000),      // 486
        t("training_fees", "fiscal", 1_597_250_000), none("vehicle_purchase"), none("vehicle_operation"),  // 486: 购置费 blank
        t("gov_fund_expenditure", "gov_fund", 0), t("admin_operating", "general", 3_580_050_000),    // 497, 515
        t("procurement", "all", 5_227_590_000), t("procurement_goods", "all", 1_637_720_000),        // 566, 567
        t("procurement_works", "all", 530_000_000), t("procurement_services", "all", 3_059_870_000), // 589, 592
        x("income_total", 37_188_340_000), x("fiscal_income", 37_188_340_000),                       // 664, 665
        x("expenditure_total", 37_188_340_000), x("basic", 21_968_000_000),                          // 672, 683
        x("project", 10_208_940_000), x("reserve_funds", 5_011_400_000),                             // 686, 689
        x("income_general", 37_188_340_000), x("fiscal_expenditure", 37_188_340_000),                // 697, 731
        x("personnel", 18_387_950_000), x("public_funds", 3_580_050_000),                            // 783, 787
        x("sangong_abroad", 160_000_000), x("vehicle_operation", 266_800_000),                       // 819–820, 823, 829
        x("sangong_reception", 86_950_000), x("vehicle_purchase", 0),                                // 821, 830; 828
        x("meeting_fees", 271_020_000), x("training_fees", 1_597_250_000),                           // 832–833, 835–836
        x("admin_operating", 3_580_050_000),                                                         // 845
        x("procurement", 5_227_590_000), x("procurement_goods", 1_637_720_000),                      // 850, 853
        x("procurement_works", 530_000_000), x("procurement_services", 3_059_870_000),               // 853–854
        x("perf_targets_budget", 37_188_340_000),                                                    // 861–862
    ]
}
