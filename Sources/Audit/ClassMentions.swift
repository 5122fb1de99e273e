import Core

/// A 类/款/项 the text names: the names as printed (类 first), the codes where printed
/// (3, 5 and 7 digits), and the line of the 类 name.
struct ClassMention: Hashable, Sendable {
    var names: [String]
    var codes: [String?]
    var line: Int
}

/// Finds the 类/款/项 the narrative names, in both printed forms: with level words
/// “一般公共服务支出（类）财政事务（款）行政运行（项）” and with codes
/// “一般公共服务(201）商贸事务(13）招商引资(08）”. Lines are joined (a name may wrap),
/// spaces dropped and half-width parentheses read as full-width.
enum ClassMentions {
    static let stops: Set<Character> = ["，", "。", "；", "：", "、", ",", ";", ":", ".", "．", "！", "？", "“", "”", "\"", "%", "％"]

    static func scan(_ paragraphs: [ImportedParagraph]) -> [ClassMention] {
        var chars: [Character] = [], lines: [Int] = []
        for paragraph in paragraphs where paragraph.kind == "text" {
            for (character, line) in paragraph.charactersWithLines
            where character != " " && character != "\u{3000}" && character != "\n" && character != "\t" {
                chars.append(character == "(" ? "（" : character == ")" ? "）" : character)
                lines.append(line)
            }
            // A paragraph break ends a name only where the text ends a sentence; a wrapped line does not.
        }
        var mentions: [ClassMention] = []
        var index = 0
        while index + 2 < chars.count {
            if chars[index] == "（", chars[index + 1] == "类", chars[index + 2] == "）" {
                mentions.append(wordForm(chars, lines, at: index))
                index += 3
            } else if let code = code(chars, at: index, digits: 3), code.first == "2", index == 0 || !(chars[index - 1].isASCII && chars[index - 1].isNumber) {
                if let mention = codeForm(chars, lines, at: index, classCode: code) { mentions.append(mention) }
                index += 5
            } else {
                index += 1
            }
        }
        return mentions.filter { !($0.names.first ?? "").isEmpty }
    }

    /// “X（类）Y（款）Z（项）”: 款 and 项 when they follow without a sentence break.
    static func wordForm(_ chars: [Character], _ lines: [Int], at marker: Int) -> ClassMention {
        var names = [backward(chars, from: marker)]
        var position = marker + 3
        for level in ["款", "项"] {
            guard let (name, end) = forward(chars, from: position, marker: { chars, i in
                i + 2 < chars.count && chars[i] == "（" && chars[i + 1] == Character(level) && chars[i + 2] == "）" ? 3 : nil
            }) else { break }
            names.append(name)
            position = end
        }
        return ClassMention(names: names, codes: Array(repeating: nil, count: names.count), line: lines[max(0, marker - 1)])
    }

    /// “X(201）Y(13）Z(08）”: codes after each name.
    static func codeForm(_ chars: [Character], _ lines: [Int], at marker: Int, classCode: String) -> ClassMention? {
        var names = [backward(chars, from: marker)], codes: [String?] = [classCode]
        var position = marker + 5, full = classCode
        for _ in 0..<2 {
            var part = ""
            guard let (name, end) = forward(chars, from: position, marker: { chars, i in
                guard let code = code(chars, at: i, digits: 2) else { return nil }
                part = code
                return 4
            }) else { break }
            full += part
            names.append(name)
            codes.append(full)
            position = end
        }
        return ClassMention(names: names, codes: codes, line: lines[max(0, marker - 1)])
    }

    /// The digits of “（ddd）” at `index`, or nil.
    static func code(_ chars: [Character], at index: Int, digits: Int) -> String? {
        guard index + digits + 1 < chars.count, chars[index] == "（", chars[index + digits + 1] == "）" else { return nil }
        let body = chars[(index + 1)...(index + digits)]
        guard body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(body)
    }

    /// The name ending before `end`: back to a sentence mark, a digit or a parenthesis.
    static func backward(_ chars: [Character], from end: Int) -> String {
        var start = end
        while start > 0 {
            let c = chars[start - 1]
            if stops.contains(c) || c == "）" || c == "（" || (c.isASCII && c.isNumber) || c == "]" || c == "】" { break }
            start -= 1
        }
        return String(chars[start..<end])
    }

    /// The name from `start` up to the first place `marker` matches (returning its length),
    /// if no sentence mark or digit comes first and the name is at most 40 characters.
    static func forward(_ chars: [Character], from start: Int, marker: ([Character], Int) -> Int?) -> (String, Int)? {
        var index = start
        while index < chars.count, index - start <= 40 {
            if let length = marker(chars, index) { return index > start ? (String(chars[start..<index]), index + length) : nil }
            let c = chars[index]
            if stops.contains(c) || (c.isASCII && c.isNumber) { return nil }
            index += 1
        }
        return nil
    }
}
