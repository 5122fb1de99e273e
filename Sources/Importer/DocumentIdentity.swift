import Core

/// What a document says about itself, read from its text rather than assumed: the region of
/// its unit and the prior year its comparisons are against.
enum DocumentIdentity {
    static let regionSuffixes: Set<Character> = ["省", "市", "区", "县", "州", "旗", "盟"]

    /// The administrative region a unit's name begins with: successive pieces of 2–5
    /// characters ending in 省/市/区/县/州/旗/盟 ("上海市普陀区财政局" → "上海市普陀区",
    /// "中共遂宁市安居区委办公室" → "遂宁市安居区", "广州市天河区…" → "广州市天河区"); "" when the
    /// name starts with none.
    static func region(ofUnit name: String) -> String {
        var chars = Array(name)
        if chars.starts(with: Array("中共")) { chars.removeFirst(2) }
        var end = 0
        while end < chars.count {
            // The shortest piece (a name of 1–4 characters and its suffix) that is followed by
            // more text; a piece never starts with a suffix character ("市场监督管理局").
            guard !regionSuffixes.contains(chars[end]) else { break }
            guard var k = (end + 1..<min(chars.count, end + 5)).first(where: { regionSuffixes.contains(chars[$0]) }) else { break }
            // A city named …州 is followed by its own suffix ("广州市", "通州区"), not a 州 of its
            // own — unless that suffix begins a word ("…州市场监督管理局").
            if chars[k] == "州", k + 1 < chars.count, "市区县".contains(chars[k + 1]),
               !(chars[k + 1] == "市" && k + 2 < chars.count && chars[k + 2] == "场") {
                k += 1
            }
            end = k + 1
        }
        return String(chars[..<end])
    }

    /// The year the document compares against: the year most often written in "与Y年…相比",
    /// "比Y年", "较Y年" before the document's year; `year − 1` when it names none.
    static func priorYear(in lines: [String], year: Int) -> Int {
        var counts: [Int: Int] = [:]
        // 与 比 较 have no other equal characters: a line without their bytes states no comparison year.
        for line in lines where line.containsBytes("年")
            && (line.containsBytes("与") || line.containsBytes("比") || line.containsBytes("较")) {
            let text = line.withoutSpaces
            if let scalars = standaloneScalars(text) {
                // Scalars and characters are one to one (`StandaloneScalar`): the same scan on scalars.
                for i in scalars.indices where scalars[i] == 0x4E0E || scalars[i] == 0x6BD4 || scalars[i] == 0x8F83 {
                    if let y = statedYear(scalars, at: i + 1), y < year, y >= year - 10 { counts[y, default: 0] += 1 }
                }
                continue
            }
            let chars = Array(text)
            for i in chars.indices where chars[i] == "与" || chars[i] == "比" || chars[i] == "较" {
                if let y = statedYear(chars, at: i + 1), y < year, y >= year - 10 { counts[y, default: 0] += 1 }
            }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key ?? year - 1
    }

    /// The 4-digit year written at `i` and followed by 年, if any.
    static func statedYear(_ chars: [Character], at i: Int) -> Int? {
        guard i + 4 < chars.count, chars[i + 4] == "年", chars[i..<(i + 4)].allSatisfy(\.isASCIIDigitChar) else { return nil }
        return Int(String(chars[i..<(i + 4)]))
    }

    /// The scalars of `text` when each stands alone (`StandaloneScalar`), else nil.
    static func standaloneScalars(_ text: String) -> [UInt32]? {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard StandaloneScalar.contains(scalar.value) else { return nil }
            scalars.append(scalar.value)
        }
        return scalars
    }

    /// `statedYear` over standalone scalars: 4 ASCII digits at `i` followed by 年 (U+5E74).
    static func statedYear(_ scalars: [UInt32], at i: Int) -> Int? {
        guard i + 4 < scalars.count, scalars[i + 4] == 0x5E74 else { return nil }
        var value = 0
        for k in i..<(i + 4) {
            guard scalars[k] >= 0x30 && scalars[k] <= 0x39 else { return nil }
            value = value * 10 + Int(scalars[k] - 0x30)
        }
        return value
    }

    /// The first year before `year` written in `text` (a sentence's own comparison year).
    static func firstYear(in text: String, before year: Int) -> Int? {
        let chars = Array(text)
        for i in chars.indices where chars[i].isASCIIDigitChar && (i == 0 || !chars[i - 1].isASCIIDigitChar) {
            if let y = statedYear(chars, at: i), y < year { return y }
        }
        return nil
    }
}
