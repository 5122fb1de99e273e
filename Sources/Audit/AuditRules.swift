/// The audit's rules, in the order they run and report: the table families first, then the
/// text, then performance and residue.
public enum AuditRules {
    public static let all: [AuditRule.Type] = tableRules + textRules + performanceRules
}
