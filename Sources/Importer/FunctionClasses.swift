/// The 类 of the 支出功能分类 by the names tables and text print for them: the summary tables
/// print 类 rows by name only, the narrative names them with "（类）".
enum FunctionClasses {
    /// Current names (name → code), in code order.
    static let names: [(name: String, code: String)] = [
        ("一般公共服务支出", "201"), ("外交支出", "202"), ("国防支出", "203"), ("公共安全支出", "204"), ("教育支出", "205"),
        ("科学技术支出", "206"), ("文化旅游体育与传媒支出", "207"), ("社会保障和就业支出", "208"), ("卫生健康支出", "210"),
        ("节能环保支出", "211"), ("城乡社区支出", "212"), ("农林水支出", "213"), ("交通运输支出", "214"),
        ("资源勘探工业信息等支出", "215"), ("商业服务业等支出", "216"), ("金融支出", "217"), ("援助其他地区支出", "219"),
        ("自然资源海洋气象等支出", "220"), ("住房保障支出", "221"), ("粮油物资储备支出", "222"), ("国有资本经营预算支出", "223"),
        ("灾害防治及应急管理支出", "224"), ("其他支出", "229"), ("债务还本支出", "231"), ("债务付息支出", "232"),
        ("抗疫特别国债安排的支出", "234"),
    ]

    /// 类 the summary tables do not print as rows, which a narrative may still name.
    static let unlistedNames: [(name: String, code: String)] = [("社会保险基金支出", "209"), ("债务发行费用支出", "233")]

    /// The code of the 类 a narrative names, with or without the trailing 支出.
    static func code(named label: String) -> String? {
        let name = label.hasSuffix("支出") ? label : label + "支出"
        return (names + unlistedNames).first { $0.name == name }?.code
    }

    /// Names of earlier classification years that tables still print (名称 changed since).
    static let formerNames: [String: String] = [
        "医疗卫生与计划生育支出": "210", "文化体育与传媒支出": "207", "医疗卫生支出": "210",
    ]
}
