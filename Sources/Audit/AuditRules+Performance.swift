extension AuditRules {
    /// Rules of this group, in order.
    static let performanceRules: [AuditRule.Type] = []
}
