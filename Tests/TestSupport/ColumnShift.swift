/// A layout fault for tests: a table's figure columns shifted one to the left.
public enum ColumnShift {
    /// In the tab-separated rows of `lines` (1-based line numbers in `range`) whose first
    /// figure cell holds a decimal amount, drops that cell and pads the row at the end: the
    /// row's first amount is lost and the others move under the wrong headings.
    public static func shiftFigures(_ lines: [String], in range: ClosedRange<Int>) -> [String] {
        var shifted = lines
        for n in range where shifted[n - 1].contains("\t") {
            var fields = shifted[n - 1].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > 3, fields[2].contains(".") else { continue }
            fields.remove(at: 2)
            fields.append("")
            shifted[n - 1] = fields.joined(separator: "\t")
        }
        return shifted
    }
}
