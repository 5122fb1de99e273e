/// A unit money is printed in. Amounts are stored in 分; a unit says how many 分 it holds.
public enum MoneyUnit: String, CaseIterable, Sendable {
    case yuan = "元"
    case tenThousandYuan = "万元"
    case hundredMillionYuan = "亿元"

    /// 分 in one unit: 元 = 100, 万元 = 1,000,000, 亿元 = 10,000,000,000.
    public var fenPerUnit: Int64 {
        switch self {
        case .yuan: return 100
        case .tenThousandYuan: return 1_000_000
        case .hundredMillionYuan: return 10_000_000_000
        }
    }

    /// Decimal places needed to show any whole number of 分 exactly in this unit.
    public var exactDecimals: Int {
        switch self {
        case .yuan: return 2
        case .tenThousandYuan: return 6
        case .hundredMillionYuan: return 10
        }
    }
}
