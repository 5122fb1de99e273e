/// Every template reader, in the order templates are tried.
public enum TemplateReaders {
    public static let all: [TemplateReader.Type] = [SichuanReader.self, ShanghaiReader.self, ShanghaiBudgetReader.self,
                                                     JiangsuBudgetReader.self]

    public static func reader(named template: String) -> TemplateReader.Type? {
        all.first { $0.template == template }
    }
}
