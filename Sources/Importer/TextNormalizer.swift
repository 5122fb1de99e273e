#if canImport(Glibc)
import Glibc
#endif

/// The text every template reader sees: page furniture removed and full-width figures made
/// half-width, with every line kept at its number (a removed line becomes empty), so that each
/// line a reader names is the line of the file as given.
///
/// - Page markers ("— 12 —", "- 3 -", "第 3 页", "第3页 共20页", "3/20") are removed wherever
///   they stand alone on a line; a bare page number only at a page's top or bottom, when it
///   follows the count of pages.
/// - Running headers and footers: a line that opens or closes at least three pages (and a third
///   of them), digits aside, is removed at those places. The first page (the cover) is kept.
/// - Full-width digits become ASCII; full-width ．，％－ become . , % - where they are part of
///   a number ("１，２３４．５６" → "1,234.56").
///
/// Re-joining of wrapped lines stays with the readers, which already read paragraphs and table
/// rows across line breaks (and so across a removed marker line).
public enum TextNormalizer {
    public static func normalize(_ text: SourceText) -> SourceText {
        var lines = text.lines
        let pages = pageRanges(text)
        var removed = Set<Int>()   // 0-based
        for (index, line) in lines.enumerated() where isPageMarker(line) { removed.insert(index) }
        for index in pageNumbers(lines, pages, removed: removed) { removed.insert(index) }
        for index in runningLines(lines, pages.dropFirst(), removed: removed) { removed.insert(index) }
        for index in removed { lines[index] = "" }
        for index in lines.indices where mayHoldFullWidth(lines[index]) { lines[index] = halfWidthFigures(lines[index]) }
        return text.replacingLines(lines)
    }

    // MARK: pages

    /// 0-based line ranges of the pages: split at form feeds and at "[PDF page" annotations.
    static func pageRanges(_ text: SourceText) -> [Range<Int>] {
        var starts = Set(text.pageStarts.map { $0 - 1 })
        for (index, line) in text.lines.enumerated() where line.utf8.first == 0x5B && line.fastHasPrefix("[PDF page") {
            starts.insert(index)
        }
        starts.insert(0)
        let sorted = starts.filter { $0 < text.lines.count }.sorted()
        return sorted.enumerated().map { k, start in start..<(k + 1 < sorted.count ? sorted[k + 1] : text.lines.count) }
    }

    /// The page's first (or last) line with text, annotations and removed lines skipped.
    static func edgeLine(_ lines: [String], _ page: Range<Int>, fromTop: Bool, removed: Set<Int>) -> Int? {
        func holdsText(_ index: Int) -> Bool {
            !removed.contains(index) && !(lines[index].utf8.first == 0x5B && lines[index].fastHasPrefix("[PDF page"))
                && !isSpaces(lines[index])
        }
        return fromTop ? page.first(where: holdsText) : page.reversed().first(where: holdsText)
    }

    /// Bare numbers at a page's top or bottom that count the pages: their value minus the
    /// page's index is the same on at least two pages (a code or figure that happens to open
    /// a page does not follow the count), or a lone one no larger than the page count.
    static func pageNumbers(_ lines: [String], _ pages: [Range<Int>], removed: Set<Int>) -> [Int] {
        var candidates: [(line: Int, offset: Int, value: Int)] = []
        for (k, page) in pages.enumerated() {
            for top in [true, false] {
                if let edge = edgeLine(lines, page, fromTop: top, removed: removed), isBareNumber(lines[edge]),
                   let value = Int(lines[edge].trimmingSpaces) {
                    candidates.append((edge, value - k, value))
                }
            }
        }
        var offsets: [Int: Int] = [:]
        for c in candidates { offsets[c.offset, default: 0] += 1 }
        return candidates.filter { c in
            offsets[c.offset]! >= 2 || (candidates.count == 1 && c.value <= pages.count)
        }.map(\.line)
    }

    /// Lines opening or closing ≥ 3 pages (and ≥ a third of them) with the same text, digits aside.
    static func runningLines(_ lines: [String], _ pages: ArraySlice<Range<Int>>, removed: Set<Int>) -> [Int] {
        guard pages.count >= 3 else { return [] }
        var places: [String: [Int]] = [:]
        for page in pages {
            var edges: [Int] = []
            if let first = edgeLine(lines, page, fromTop: true, removed: removed) { edges.append(first) }
            if let last = edgeLine(lines, page, fromTop: false, removed: removed), !edges.contains(last) { edges.append(last) }
            for index in edges {
                let key = shape(lines[index])
                if !key.isEmpty { places[key, default: []].append(index) }
            }
        }
        let needed = max(3, (pages.count + 2) / 3)
        return places.values.filter { $0.count >= needed }.flatMap { $0 }
    }

    /// A line's text without spaces, its digits as "#"; empty for lines that hold an amount
    /// (table rows are never furniture).
    static func shape(_ line: String) -> String {
        scalarShape(line) ?? characterShape(line)
    }

    /// `shape` over the scalars of a line whose scalars are its characters
    /// (`CharacterKey.standsAlone`); nil for any other line. Read from the UTF-8 bytes: the
    /// kept scalars' bytes, each ASCII digit as "#"; "" when a "." stands between two digits.
    static func scalarShape(_ line: String) -> String? {
        var line = line
        return line.withUTF8 { bytes -> String? in
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var previousIsDigit = false, dotAfterDigit = false, holdsAmount = false
            var i = 0
            while i < bytes.count {
                let (value, length) = CharacterKey.scalar(in: bytes, at: i)
                guard CharacterKey.standsAlone(value) else { return nil }
                if value != 0x20 && value != 0x3000 {
                    let isDigit = value >= 0x30 && value <= 0x39
                    if isDigit && dotAfterDigit { holdsAmount = true }
                    dotAfterDigit = value == 0x2E && previousIsDigit
                    previousIsDigit = isDigit
                    if isDigit {
                        kept.append(0x23)
                    } else {
                        for k in i..<(i + length) { kept.append(bytes[k]) }
                    }
                }
                i += length
            }
            return holdsAmount ? "" : String(decoding: kept, as: UTF8.self)
        }
    }

    /// `shape` character by character (any line).
    static func characterShape(_ line: String) -> String {
        let spaced = line.withoutSpaces
        let s = spaced.containsBytes("\u{3000}") ? String(spaced.filter { $0 != "\u{3000}" }) : spaced
        let chars = Array(s)
        for (i, c) in chars.enumerated() where c == "." && i > 0 && i + 1 < chars.count
            && chars[i - 1].isASCIIDigitChar && chars[i + 1].isASCIIDigitChar { return "" }
        return String(chars.map { $0.isASCIIDigitChar ? "#" : $0 })
    }

    // MARK: markers

    static let dashes: Set<Character> = ["-", "—", "–", "－", "―", "─", "_"]

    /// "— 12 —", "- 3 -", "第 3 页", "第3页 共20页", "第3页/共20页", "3 / 20".
    static func isPageMarker(_ line: String) -> Bool {
        // Cheap refusals first: a marker is short and holds an ASCII digit.
        guard line.utf8.count <= 64, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return scalarPageMarker(line) ?? characterPageMarker(line)
    }

    /// `isPageMarker` over the scalars of a line whose scalars are its characters
    /// (`CharacterKey.standsAlone`); nil for any other line.
    static func scalarPageMarker(_ line: String) -> Bool? {
        var s: [UInt32] = []
        for scalar in line.unicodeScalars {
            let value = scalar.value
            guard CharacterKey.standsAlone(value) else { return nil }
            if value != 0x20 && value != 0x3000 && value != 0x09 { s.append(value) }
        }
        guard !s.isEmpty, s.count <= 16 else { return false }
        func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }
        guard s.contains(where: isDigit) else { return false }
        let dashes = scalarDashes
        if dashes.contains(s.first!), dashes.contains(s.last!), s.allSatisfy({ dashes.contains($0) || isDigit($0) }) { return true }
        let di = UInt32(0x7B2C), ye = UInt32(0x9875), gong = UInt32(0x5171)   // 第 页 共
        if s.first == di, s.last == ye {
            return s.dropFirst().dropLast().allSatisfy { isDigit($0) || $0 == ye || $0 == gong || $0 == 0x2F || $0 == 0xFF0C || $0 == 0x2C }
        }
        if let slash = s.firstIndex(of: 0x2F), slash > 0, slash < s.count - 1 {
            return s.enumerated().allSatisfy { $0.offset == slash || isDigit($0.element) }
        }
        return false
    }

    /// The scalars of `dashes` that stand alone (the others send a line to `characterPageMarker`).
    static let scalarDashes: Set<UInt32> = Set(dashes.compactMap { dash in
        dash.unicodeScalars.count == 1 ? dash.unicodeScalars.first!.value : nil })

    /// `isPageMarker` character by character (any line).
    static func characterPageMarker(_ line: String) -> Bool {
        let s = Array(line.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" })
        guard !s.isEmpty, s.count <= 16 else { return false }
        let digits = s.filter(\.isASCIIDigitChar).count
        guard digits > 0 else { return false }
        // Dashes around a number.
        if let first = s.first, let last = s.last, dashes.contains(first), dashes.contains(last),
           s.allSatisfy({ dashes.contains($0) || $0.isASCIIDigitChar }) { return true }
        // 第N页, optionally followed by 共M页 (with a separator).
        let text = String(s)
        if text.hasPrefix("第"), text.hasSuffix("页") {
            let inner = text.dropFirst().dropLast()
            return inner.allSatisfy { $0.isASCIIDigitChar || $0 == "页" || $0 == "共" || $0 == "/" || $0 == "，" || $0 == "," }
        }
        // N/M
        if let slash = s.firstIndex(of: "/"), slash > 0, slash < s.count - 1 {
            return s.enumerated().allSatisfy { $0.offset == slash || $0.element.isASCIIDigitChar }
        }
        return false
    }

    /// Whether the line is `trimmingSpaces`-empty: only ASCII and ideographic spaces (each a
    /// character of its own, and no other character equals either).
    static func isSpaces(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x20 {
                    i += 1
                } else if bytes[i] == 0xE3 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 {
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// A line holding only a number of 1–4 digits: ASCII digits between ASCII or ideographic
    /// spaces (a digit followed by anything but a space or the end could be joined to it).
    static func isBareNumber(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var i = 0, digits = 0, digitsEnded = false
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x20 {
                    i += 1
                    if digits > 0 { digitsEnded = true }
                } else if byte == 0xE3 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 {
                    i += 3
                    if digits > 0 { digitsEnded = true }
                } else if byte >= 0x30 && byte <= 0x39 && !digitsEnded {
                    digits += 1
                    i += 1
                } else {
                    return false
                }
            }
            return digits >= 1 && digits <= 4
        }
    }

    // MARK: full width

    /// Whether the line holds a full-width digit (U+FF10…U+FF19 = EF BC 90…99), ．％－ (EF BC
    /// 8E/85/8D) or a full-width comma right after an ASCII digit: the only forms changed.
    /// Chinese text is full of other full-width punctuation (，（：), which is left alone.
    static func mayHoldFullWidth(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            guard bytes.count >= 3, let base = bytes.baseAddress else { return false }
            // From one EF byte to the next (memchr).
            var i = 0
            while i < bytes.count - 2, let hit = memchr(base + i, 0xEF, bytes.count - 2 - i) {
                i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if bytes[i + 1] == 0xBC {
                    let third = bytes[i + 2]
                    if (0x90...0x99).contains(third) || third == 0x8E || third == 0x85 || third == 0x8D { return true }
                    if third == 0x8C, i > 0, (0x30...0x39).contains(bytes[i - 1]) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Full-width digits to ASCII; ．，％－ to ASCII where they belong to a number.
    static func halfWidthFigures(_ line: String) -> String {
        var chars = Array(line)
        func digit(_ c: Character) -> Character? {
            guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1, (0xFF10...0xFF19).contains(v) else { return nil }
            return Character(Unicode.Scalar(v - 0xFF10 + 0x30)!)
        }
        for i in chars.indices { if let d = digit(chars[i]) { chars[i] = d } }
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < chars.count && chars[i].isASCIIDigitChar }
        for i in chars.indices {
            switch chars[i] {
            case "．" where isDigit(i - 1) && isDigit(i + 1): chars[i] = "."
            case "，" where isDigit(i - 1) && isDigit(i + 1) && isDigit(i + 2) && isDigit(i + 3) && !isDigit(i + 4):
                chars[i] = ","
            case "％" where isDigit(i - 1): chars[i] = "%"
            case "－" where isDigit(i + 1): chars[i] = "-"
            default: break
            }
        }
        return String(chars)
    }
}
