extension AuditRules {
    /// Rules of this group, in order.
    static let tableRules: [AuditRule.Type] = []
}
