/// Folds the spellings a user may use for one name: fullwidth and ASCII brackets, Chinese
/// and ASCII quotes, spaces and letter case. The `unit_search` index (schema.sql) stores
/// names folded the same way, except for case, which its tokenizer ignores.
public enum NameFold {
    public static func fold(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            switch character {
            case "（": result.append("(")
            case "）": result.append(")")
            case "“", "”", "\"", "‘", "’", "'", "「", "」", " ", "\u{3000}": continue
            default: result.append(character)
            }
        }
        return result
    }
}
