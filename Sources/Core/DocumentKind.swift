/// Which document a figure is read from: the final account (决算, what every statement
/// reads unless asked) or the budget (预算: the unit's 部门预算, else its 单位预算).
/// The raw value is `disclosure.kind`.
public enum DocumentKind: String, Hashable, Sendable, CaseIterable {
    case final = "决算"
    case budget = "预算"
}
