import Core

/// A number standing for a character in comparisons, so that long scans over Chinese text
/// compare integers instead of `Character`s (whose `==` normalizes both sides each time).
///
/// The key is the character's scalar when the character is one scalar of a block without
/// canonical decompositions (ASCII, CJK punctuation and unified ideographs, general
/// punctuation, full-width forms): two such characters are equal exactly when their scalars
/// are. Any other character has key 0 and is compared as a `Character`, so `same` agrees with
/// `==` everywhere.
enum CharacterKey {
    static func of(_ character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return 0 }
        switch scalar.value {
        case 0..<0x80, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFFEF:
            return scalar.value
        default:
            return 0
        }
    }

    static func keys(_ characters: [Character]) -> [UInt32] { characters.map(of) }

    /// Whether the characters of keys `a` and `b` are equal (`==` on the characters when either key is 0).
    @inline(__always)
    static func same(_ a: UInt32, _ b: UInt32, _ characterA: @autoclosure () -> Character,
                     _ characterB: @autoclosure () -> Character) -> Bool {
        a != 0 && b != 0 ? a == b : characterA() == characterB()
    }

    /// Whether `label` (its characters and keys) is at `start` of `text` (characters and keys).
    static func matches(_ label: [Character], _ labelKeys: [UInt32], at start: Int,
                        in text: [Character], _ textKeys: [UInt32]) -> Bool {
        guard start >= 0, start + label.count <= text.count else { return false }
        for k in label.indices where !same(labelKeys[k], textKeys[start + k], label[k], text[start + k]) { return false }
        return true
    }
}

extension CharacterKey {
    /// Whether `value` is always a whole character by itself, with no canonical decomposition
    /// (`StandaloneScalar`): in a text of such scalars, scalars and characters are one to one.
    @inline(__always)
    static func standsAlone(_ value: UInt32) -> Bool { StandaloneScalar.contains(value) }

    /// The scalar starting at byte `index` of valid UTF-8 `bytes`, and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F), 4)
    }
}

extension String {
    /// `hasPrefix(prefix)`, answered from the UTF-8 bytes where the characters at stake stand
    /// alone (`CharacterKey.standsAlone`: the prefix's, the text's character where the two first
    /// differ, or the one right after the prefix); `hasPrefix` itself otherwise. Equal bytes
    /// then mean equal characters, and the first different scalar a different character.
    func fastHasPrefix(_ prefix: String) -> Bool {
        // Different first bytes, each ASCII or the lead byte of U+4000…U+9FFF (no scalar there
        // or in ASCII has a canonical decomposition): different first characters.
        if let first = utf8.first, let wantedFirst = prefix.utf8.first, first != wantedFirst,
           Self.leadsPlainScalar(first), Self.leadsPlainScalar(wantedFirst) {
            return false
        }
        var text = self, wanted = prefix
        let answer: Bool? = text.withUTF8 { t in
            wanted.withUTF8 { p -> Bool? in
                var k = 0
                while k < p.count {
                    let (value, length) = CharacterKey.scalar(in: p, at: k)
                    guard CharacterKey.standsAlone(value) else { return nil }
                    k += length
                }
                var i = 0
                while i < p.count && i < t.count && t[i] == p[i] { i += 1 }
                if i == p.count {
                    // The prefix's bytes: a prefix unless the text's next scalar joins its last character.
                    if i == t.count { return true }
                    return CharacterKey.standsAlone(CharacterKey.scalar(in: t, at: i).value) ? true : nil
                }
                if i == t.count { return false }   // the text is shorter
                var start = i
                while start > 0 && t[start] & 0xC0 == 0x80 { start -= 1 }
                return CharacterKey.standsAlone(CharacterKey.scalar(in: t, at: start).value) ? false : nil
            }
        }
        return answer ?? hasPrefix(prefix)
    }

    /// Whether `byte` begins an ASCII scalar or one of U+4000…U+9FFF (lead bytes E4…E9).
    @inline(__always)
    private static func leadsPlainScalar(_ byte: UInt8) -> Bool {
        byte < 0x80 || (byte >= 0xE4 && byte <= 0xE9)
    }
}
