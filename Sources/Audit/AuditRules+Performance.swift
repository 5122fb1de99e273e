extension AuditRules {
    /// Rules of this group, in order.
    static let performanceRules: [AuditRule.Type] = [
        ExecutionRate.self, FundingRows.self, ScoresAndWeights.self, IndicatorDirection.self, CostIndicators.self,
        DownwardAdjustment.self, ProjectsWithoutForm.self, ProjectTotals.self, CompletionUnit.self, ProjectTextFigures.self,
    ]
}
