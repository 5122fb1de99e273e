/// A physical line that continues a wrapped paragraph: the source `line` and the offset in
/// the paragraph's body where its text begins, counted in Unicode scalars (as SQLite's
/// `substr` and `instr` count characters).
public struct LineStart: Hashable, Sendable {
    public var offset: Int
    public var line: Int

    public init(offset: Int, line: Int) {
        self.offset = offset
        self.line = line
    }
}

/// Mapping a place in a paragraph's body back to its source line, and the column that stores
/// the line starts (`paragraph.line_starts`: `offset:line` pairs, comma-separated, NULL for a
/// paragraph of one line).
extension ImportedParagraph {
    /// The source line holding the character at `index` of `body`.
    public func line(at index: String.Index) -> Int {
        guard !lineStarts.isEmpty else { return line }
        return line(atScalar: body.unicodeScalars.distance(from: body.startIndex, to: index))
    }

    /// The source line of scalar `offset` in `body`.
    public func line(atScalar offset: Int) -> Int {
        lineStarts.last { $0.offset <= offset }?.line ?? line
    }

    /// The source line of byte `offset` of `body`'s UTF-8 (as the audit's byte searches return).
    public func line(atUTF8 offset: Int) -> Int {
        guard !lineStarts.isEmpty else { return line }
        let utf8 = body.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: min(max(0, offset), utf8.count))
        return line(at: index)
    }

    /// The source line of `Character` number `offset` of `body` (as `Array(body)` indexes it).
    public func line(atCharacter offset: Int) -> Int {
        guard !lineStarts.isEmpty else { return line }
        return line(at: body.index(body.startIndex, offsetBy: min(max(0, offset), body.count)))
    }

    /// The source line where `needle` first occurs in `body`, or the first line when it does not.
    public func line(of needle: String) -> Int {
        guard !lineStarts.isEmpty, let range = body.firstRange(of: needle) else { return line }
        return line(at: range.lowerBound)
    }

    /// Each `Character` of `body` with its source line.
    public var charactersWithLines: [(character: Character, line: Int)] {
        guard !lineStarts.isEmpty else { return body.map { ($0, line) } }
        var result: [(character: Character, line: Int)] = [], offset = 0, next = 0, current = line
        result.reserveCapacity(body.count)
        for character in body {
            while next < lineStarts.count, lineStarts[next].offset <= offset { current = lineStarts[next].line; next += 1 }
            result.append((character, current))
            offset += character.unicodeScalars.count
        }
        return result
    }

    /// The text of the physical lines from `from` up to (not including) `end`, as far as this
    /// paragraph holds them.
    public func text(fromLine from: Int, beforeLine end: Int) -> Substring {
        let scalars = body.unicodeScalars
        var lower = 0, upper = scalars.count
        for start in lineStarts {
            if start.line <= from { lower = start.offset }
            if start.line >= end { upper = min(upper, start.offset) }
        }
        if line >= end { upper = 0 }
        guard lower < upper else { return "" }
        let a = scalars.index(scalars.startIndex, offsetBy: lower), b = scalars.index(scalars.startIndex, offsetBy: upper)
        return body[a..<b]
    }

    /// The paragraph with every line number shifted by `offset` (a part of a disclosure
    /// printed after another).
    public func moved(by offset: Int) -> ImportedParagraph {
        var copy = self
        copy.line += offset
        copy.lineTo += offset
        copy.lineStarts = lineStarts.map { LineStart(offset: $0.offset, line: $0.line + offset) }
        return copy
    }

    /// The `line_starts` column: nil for one line.
    public var lineStartsText: String? {
        lineStarts.isEmpty ? nil : lineStarts.map { "\($0.offset):\($0.line)" }.joined(separator: ",")
    }

    /// Line starts read back from the `line_starts` column (malformed pairs are skipped).
    public static func lineStarts(decoding text: String?) -> [LineStart] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let offset = Int(parts[0]), let line = Int(parts[1]) else { return nil }
            return LineStart(offset: offset, line: line)
        }
    }
}
