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
