/// Every template reader, in the order templates are tried; `PartialReader` last (never
/// chosen by confidence: the importer falls back to it when no template recognizes a text).
public enum TemplateReaders {
    public static let all: [TemplateReader.Type] = [SichuanReader.self, ShanghaiReader.self, ShanghaiBudgetReader.self,
                                                     JiangsuBudgetReader.self, PartialReader.self]

    public static func reader(named template: String) -> TemplateReader.Type? {
        all.first { $0.template == template }
    }
}
