/// Scalars that are always a whole character by themselves and have no canonical
/// decomposition: ASCII printable characters and TAB, general punctuation, CJK punctuation
/// (without the combining tone marks U+302A–302F), CJK ideographs, full- and half-width forms
/// (without the combining sound marks U+FF9E–FF9F). In a text made only of these, characters
/// and scalars are one to one (no grapheme cluster joins two of them, and none is another's
/// canonical equivalent), so a scan over the scalars is exactly one over the `Character`s,
/// without the cost of grapheme breaking and normalizing comparisons.
public enum StandaloneScalar {
    @inlinable @inline(__always)
    public static func contains(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x20...0x7E, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF9D, 0xFFE0...0xFFEE:
            return true
        default:
            return false
        }
    }

    /// Whether every scalar of `text` stands alone: its scalar offsets are then character
    /// offsets, and equal pieces of it are equal bytes.
    public static func containsAll(of text: String) -> Bool {
        text.unicodeScalars.allSatisfy { contains($0.value) }
    }
}
