extension AuditRules {
    /// Rules of this group, in order: text ↔ table and within the text (D), 三公 (E), other
    /// matters (F), template residue and completeness (R), across years (Y).
    static let textRules: [AuditRule.Type] = [
        D1PrintedTwice.self, D2Share.self, D3Growth.self, D4Completion.self, D5SharesSum.self, D6ExecutionOnZeroBase.self, D7SharePercentSign.self, D8ComparativeWords.self, D9ItemisedList.self,
        D10ClassNames.self, D11LevelWithChange.self, D12BudgetGrowth.self,
        E1SangongParts.self, E2VehicleParts.self, E3SangongPartsDisclosed.self, E4SangongCounts.self,
        E5VehicleCountsByType.self, E6SangongReasons.self, E7SangongMeetingsTraining.self,
        F1Procurement.self, F2VehiclesByUse.self, F3VehicleCountsAgree.self,
        R1Placeholders.self, R2Instructions.self, R3ReviewerComments.self, R4SectionNumbers.self,
        R5DoubledPunctuation.self, R6FigureCaptions.self, R7YearResidue.self, R8TablesPublished.self, R9BlankCells.self,
        R10UnitResidue.self,
        R11TablesListed.self,
        Y1PriorYearRestated.self, Y2BudgetRestated.self, Y3PriorBudget.self,
    ]
}
