extension AuditRules {
    /// Rules of this group, in order.
    static let tableRules: [AuditRule.Type] = [
        A1IncomeSide.self, A2ExpenditureSide.self, A3IncomeSources.self, A4ExpenditureParts.self,
        A5FiscalBalance.self, A6GeneralParts.self, A7BudgetBalance.self, A8FiscalParts.self,
        B1CodeHierarchy.self, B2TableTotal.self, B3RowIdentity.self, B4EconomicDetail.self,
        B5PersonnelPublic.self, B6BasicSplit.self, B7TablesRead.self,
        C1ClassTotals.self, C2FiscalColumns.self, C3TableAndText.self, C4BasicGeneral.self, C5AdminOperating.self,
        C6SangongEconomic.self,
    ]
}
