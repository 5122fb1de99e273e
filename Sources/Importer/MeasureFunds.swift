/// The fund of each catalog measure the readers state whose fund is not 'all' (the catalog's,
/// seeds/00_catalog.sql, repeated for the readers; the writer checks every fact against it).
/// One list for every reader: a measure's fund does not depend on the template.
enum MeasureFunds {
    static let byMeasure: [String: String] = [
        "income_general": "general", "income_gov_fund": "gov_fund", "income_soe": "soe",
        "fiscal_grand_total": "fiscal", "fiscal_income": "fiscal", "fiscal_opening_balance": "fiscal",
        "fiscal_expenditure": "fiscal", "fiscal_closing_balance": "fiscal",
        "general_expenditure": "general", "general_basic": "general", "general_project": "general",
        "personnel": "general", "public_funds": "general", "admin_operating": "general",
        "sangong": "fiscal", "sangong_abroad": "fiscal", "sangong_vehicle": "fiscal", "vehicle_purchase": "fiscal",
        "vehicle_operation": "fiscal", "sangong_reception": "fiscal",
        "sangong_meetings_training": "fiscal", "meeting_fees": "fiscal", "training_fees": "fiscal",
        "gov_fund_expenditure": "gov_fund", "gov_fund_opening_balance": "gov_fund", "gov_fund_basic": "gov_fund",
        "gov_fund_project": "gov_fund", "gov_fund_closing_balance": "gov_fund",
        "soe_expenditure": "soe", "soe_opening_balance": "soe", "soe_basic": "soe", "soe_project": "soe",
        "soe_closing_balance": "soe",
        "reserve_funds": "all",
    ]
}
