/// A range of characters in one line of input, counted in `Character`s from 0
/// (the column shown to users is `start + 1`).
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    public var length: Int { end - start }
    public var description: String { "\(start)..<\(end)" }
}
