/// The blocks of `report.md`, read back from the Markdown that ``MarkdownReport`` writes, so that `report.html`
/// has the same sections, sentences and tables as the Markdown report by construction.
///
/// Only the subset ``MarkdownReport`` and ``MarkdownTable`` write is recognised: ATX headings, paragraphs,
/// `- ` lists, pipe tables with an alignment row, and images alone on a line. Cells and text keep their
/// Markdown escapes; ``HTMLReport`` turns them into HTML.
enum ReportBlock: Equatable {
    case heading(level: Int, text: String)
    case paragraph([String])
    case list([String])
    case table(header: [String], rightAligned: [Bool], rows: [[String]])
    case image(alt: String, path: String)

    /// The blocks of `markdown`, in order.
    static func parse(_ markdown: String) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        var paragraph: [String] = []
        var list: [String] = []
        var table: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)) }
            if !list.isEmpty { blocks.append(.list(list)) }
            if let parsed = parseTable(table) { blocks.append(parsed) }
            paragraph = []
            list = []
            table = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("|") {
                if table.isEmpty { flush() }
                table.append(line)
            } else if line.hasPrefix("- ") {
                if list.isEmpty { flush() }
                list.append(String(line.dropFirst(2)))
            } else if let heading = parseHeading(line) {
                flush()
                blocks.append(heading)
            } else if let image = parseImage(line) {
                flush()
                blocks.append(image)
            } else if line.allSatisfy(\.isWhitespace) {
                flush()
            } else {
                if paragraph.isEmpty { flush() }
                paragraph.append(line)
            }
        }
        flush()
        return blocks
    }

    /// `## Title` → a level-2 heading; `nil` for any other line.
    static func parseHeading(_ line: String) -> ReportBlock? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return .heading(level: hashes, text: String(line.dropFirst(hashes + 1)))
    }

    /// `![alt](path)` alone on a line.
    static func parseImage(_ line: String) -> ReportBlock? {
        guard line.hasPrefix("!["), line.hasSuffix(")"), let middle = line.firstRange(of: "](") else { return nil }
        let alt = String(line[line.index(line.startIndex, offsetBy: 2)..<middle.lowerBound])
        let path = String(line[middle.upperBound..<line.index(before: line.endIndex)])
        guard !path.contains(" ") else { return nil }
        return .image(alt: alt, path: path)
    }

    /// A pipe table: header, alignment row, body; `nil` for no lines. Lines without an alignment row are
    /// kept as a table of body rows under an empty header.
    static func parseTable(_ lines: [String]) -> ReportBlock? {
        guard let first = lines.first else { return nil }
        let header = cells(first)
        let alignment = lines.count > 1 ? cells(lines[1]) : []
        let isAlignmentRow =
            !alignment.isEmpty && alignment.allSatisfy { cell in cell.allSatisfy { "-: ".contains($0) } }
        let rows = lines.dropFirst(isAlignmentRow ? 2 : 1).map(cells)
        let right = header.indices.map { isAlignmentRow && $0 < alignment.count && alignment[$0].hasSuffix(":") }
        return .table(header: header, rightAligned: right, rows: rows)
    }

    /// The cells of `| a | b\|c |`: split on pipes that are not backslash-escaped, trimmed, escapes kept.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in line {
            if escaped {
                cell.append(character)
                escaped = false
            } else if character == "\\" {
                cell.append(character)
                escaped = true
            } else if character == "|" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(character)
            }
        }
        cells.append(cell)
        // The text before the first pipe and after the last is not a cell.
        if cells.count >= 2 {
            cells.removeFirst()
            cells.removeLast()
        }
        return cells.map { $0.trimmingSpaces() }
    }
}

extension String {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
