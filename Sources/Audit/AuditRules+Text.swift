extension AuditRules {
    /// Rules of this group, in order.
    static let textRules: [AuditRule.Type] = []
}
