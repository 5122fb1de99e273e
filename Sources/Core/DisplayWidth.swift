/// How many terminal columns text occupies: the one measure used by the table renderer, the
/// caret renderer and the REPL.
///
/// Width is summed per grapheme cluster (`Character`). A cluster is as wide as its first
/// scalar of non-zero width (its base): East Asian Wide and Fullwidth characters (中, （, ＝)
/// and emoji with emoji presentation (👍) are 2, combining marks, zero-width characters and
/// controls are 0, everything else (East Asian Ambiguous included) is 1. So `e` + U+0301 is
/// 1, a ZWJ family sequence is 2 (the width of its first emoji), a flag (two regional
/// indicators) is 2, and a narrow symbol followed by VS16 (❤ U+FE0F) becomes 2. A cluster is
/// never wider than 2.
///
/// The per-scalar widths come from a generated range table (`DisplayWidthTable.swift`, made
/// by `scripts/display_width_table.py` from the `wcwidth` package or Python's unicodedata),
/// searched by bisection. Unlike glibc `wcwidth`, the result does not depend on the locale.
public enum DisplayWidth {
    /// The display width of `text`: the sum of its grapheme clusters' widths.
    public static func of(_ text: String) -> Int {
        var printableASCII = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            printableASCII = false
            break
        }
        if printableASCII { return text.utf8.count }
        // Scalars that stand alone are characters of one scalar (the CJK text of documents).
        var total = 0
        for scalar in text.unicodeScalars {
            guard StandaloneScalar.contains(scalar.value) else { return characterWidth(text) }
            total += min(scalarWidth(scalar), 2)
        }
        return total
    }

    /// `of(text)` summed character by character (any text).
    static func characterWidth(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The display width of one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        var width = 0
        var base: UInt32?
        for scalar in character.unicodeScalars {
            let value = scalar.value
            if let baseValue = base {
                if value == 0xFE0F, width == 1, isEmojiVariationBase(baseValue) { width = 2 }
            } else {
                let scalarWidth = scalarWidth(scalar)
                if scalarWidth > 0 {
                    width = scalarWidth
                    base = value
                }
            }
        }
        return min(width, 2)
    }

    /// The display width of one scalar on its own (0, 1 or 2), straight from the table.
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // The scalars documents are mostly written in, without the search: each range lies
        // within one entry of the table or one gap between entries (a test compares every scalar).
        switch value {
        case 0x20..<0x7F, 0x2010...0x2027: return 1
        case 0x2FF0...0x3029, 0x3250...0xA48C, 0xFF01...0xFF60: return 2
        default: return tableWidth(value)
        }
    }

    /// The width the table gives `value` (1 when no range holds it).
    static func tableWidth(_ value: UInt32) -> Int {
        lookup(value, in: nonNarrowRanges, stride: 3) ?? 1
    }

    /// `text` cut on `Character` boundaries so that it fits in `width` columns, ending with
    /// "…" (1 column) when anything was cut. Text that fits is returned unchanged; the result
    /// is never wider than `width` (it may be one column narrower when a wide character does
    /// not fit before the "…"). A width below 1 gives "".
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        if of(text) <= width { return text }
        guard width >= 1 else { return "" }
        let budget = width - 1
        var used = 0
        var result = ""
        for character in text {
            let characterWidth = of(character)
            if used + characterWidth > budget { break }
            used += characterWidth
            result.append(character)
        }
        return result + "…"
    }

    /// Whether VS16 after this scalar turns it from 1 column to 2 (❤️, 1️⃣).
    static func isEmojiVariationBase(_ value: UInt32) -> Bool {
        lookup(value, in: emojiVariationBases, stride: 2) != nil
    }

    /// Bisection over flat sorted ranges: (first, last) or (first, last, width) per entry.
    /// Returns the range's width (or 1 for two-element entries) when `value` is inside one.
    private static func lookup(_ value: UInt32, in table: [UInt32], stride: Int) -> Int? {
        var low = 0
        var high = table.count / stride - 1
        while low <= high {
            let middle = (low + high) / 2
            let first = table[middle * stride]
            let last = table[middle * stride + 1]
            if value < first {
                high = middle - 1
            } else if value > last {
                low = middle + 1
            } else {
                return stride == 3 ? Int(table[middle * stride + 2]) : 1
            }
        }
        return nil
    }
}
