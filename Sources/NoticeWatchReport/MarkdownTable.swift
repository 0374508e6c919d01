/// A GitHub-flavoured Markdown table: a header row, an alignment row and body rows, cells escaped.
struct MarkdownTable {
    /// Column alignment in the delimiter row.
    enum Alignment {
        case left
        case right
    }

    let header: [String]
    let alignments: [Alignment]
    private(set) var rows: [[String]] = []

    /// A table with `header`; numeric columns are named in `right` (by position) and aligned right.
    init(header: [String], right: Set<Int> = []) {
        self.header = header
        self.alignments = header.indices.map { right.contains($0) ? .right : .left }
    }

    /// Appends a row of cells, already formatted; they are escaped when rendered.
    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "row has \(row.count) cells, header \(header.count)")
        rows.append(row)
    }

    /// Whether the table has no body rows.
    var isEmpty: Bool { rows.isEmpty }

    /// The table's text, each line ending with a line feed.
    func render() -> String {
        var lines = ["| " + header.map(Escaping.markdownText).joined(separator: " | ") + " |"]
        lines.append("|" + alignments.map { $0 == .right ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in rows {
            lines.append("| " + row.map(Escaping.markdownText).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` cut to `limit` characters with an ellipsis, for examples of raw values.
    ///
    /// - Complexity: O(`limit`): a long value is read only as far as it is shown.
    static func truncate(_ text: String, limit: Int = 60) -> String {
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex
        else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}
