/// A problem found in user input, with where it is and what to do about it.
/// Codes: Q1xx syntax, Q2xx names and types, Q3xx execution, S… store, I… import.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var code: String
    public var message: String
    public var span: SourceSpan?
    public var hints: [String]

    public init(_ severity: Severity = .error, code: String, message: String, span: SourceSpan? = nil, hints: [String] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.hints = hints
    }

    public var description: String { "\(severity.rawValue)[\(code)]: \(message)" }
}
