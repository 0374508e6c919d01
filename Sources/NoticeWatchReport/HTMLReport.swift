import NoticeWatchModel

/// Renders `report.html`: the sections of `report.md` as one self-contained page for an editor or a browser,
/// with the charts inlined as SVG, the style inlined as CSS, no script and no external asset.
///
/// The page is built from the Markdown report's own text (``ReportBlock``), so it always has the same
/// sections, sentences and tables. Tables scroll inside their box with a sticky header row; every row of a
/// table that names a member country has an `id` (`<section>-<alpha-2 code>`, for example
/// `overturn-rates-ru`), so that a link can point at one country's row. The print style lays the page out for
/// A4. The markup is also well-formed XML (XHTML), so any XML parser can read it.
struct HTMLReport {
    /// `report.md`'s text.
    let markdown: String
    /// Each chart's SVG by its path in the report folder (`charts/volumes.svg`).
    let charts: [String: String]
    /// The page title.
    let title: String
    /// The ids of the Method section's definitions: the paragraph that gives one (it starts with `` `id`: ``)
    /// gets the anchor `definition-<id>`, so that a figure of `figures.json` can link to its definition.
    var definitions: Set<String> = []

    /// English short name → ISO alpha-2, for the row anchors.
    static let countryCodes: [String: String] = Dictionary(
        Country.allMembers.map { ($0.name, $0.alpha2.lowercased()) }, uniquingKeysWith: { first, _ in first })

    /// The whole page, ending with one line feed.
    func render() -> String {
        let blocks = ReportBlock.parse(markdown)
        var ids = Set<String>()
        func unique(_ base: String) -> String {
            var id = base
            var suffix = 2
            while ids.contains(id) {
                id = "\(base)-\(suffix)"
                suffix += 1
            }
            ids.insert(id)
            return id
        }
        var body: [String] = []
        var contents: [(id: String, text: String)] = []
        var section = "report"
        var sectionOpen = false
        var navigationIndex: Int?
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                let id = unique(HTMLText.slug(plainText(text)))
                if level == 2 {
                    if navigationIndex == nil { navigationIndex = body.count }
                    if sectionOpen { body.append("</section>") }
                    body.append("<section id=\"\(HTMLText.escape(id))-section\">")
                    sectionOpen = true
                    contents.append((id, text))
                }
                section = id
                body.append("<h\(level) id=\"\(HTMLText.escape(id))\">\(inline(text))</h\(level)>")
            case .paragraph(let lines):
                let anchor = definitionID(lines[0]).map { " id=\"\(HTMLText.escape(unique("definition-" + $0)))\"" }
                body.append("<p\(anchor ?? "")>" + lines.map(inline).joined(separator: "\n") + "</p>")
            case .list(let items):
                body.append("<ul>\n" + items.map { "<li>\(inline($0))</li>" }.joined(separator: "\n") + "\n</ul>")
            case .table(let header, let right, let rows):
                body.append(table(header: header, right: right, rows: rows, section: section, unique: unique))
            case .image(let alt, let path):
                body.append(figure(alt: alt, path: path, unique: unique))
            }
        }
        if sectionOpen { body.append("</section>") }
        let navigation =
            "<nav aria-label=\"Contents\">\n<ul>\n"
            + contents.map { "<li><a href=\"#\(HTMLText.escape($0.id))\">\(inline($0.text))</a></li>" }
            .joined(separator: "\n") + "\n</ul>\n</nav>"
        if !contents.isEmpty { body.insert(navigation, at: navigationIndex ?? 0) }
        let text = body.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="noticewatch"/>
            <title>\(HTMLText.escape(title))</title>
            <style>
            \(HTMLReport.style)</style>
            </head>
            <body>
            <main>
            \(text)
            </main>
            </body>
            </html>

            """
    }

    /// A table in a scrolling box; a row naming a member country gets the anchor `<section>-<code>`.
    private func table(
        header: [String], right: [Bool], rows: [[String]], section: String, unique: (String) -> String
    ) -> String {
        func cellClass(_ column: Int) -> String { column < right.count && right[column] ? " class=\"number\"" : "" }
        var lines = ["<div class=\"table\">", "<table>", "<thead>", "<tr>"]
        for (column, cell) in header.enumerated() {
            lines.append("<th scope=\"col\"\(cellClass(column))>\(inline(cell))</th>")
        }
        lines += ["</tr>", "</thead>", "<tbody>"]
        for row in rows {
            let code = row.lazy.compactMap { HTMLReport.countryCodes[plainText($0)] }.first
            let anchor = code.map { " id=\"\(HTMLText.escape(unique(section + "-" + $0)))\"" } ?? ""
            lines.append("<tr\(anchor)>")
            for (column, cell) in row.enumerated() { lines.append("<td\(cellClass(column))>\(inline(cell))</td>") }
            lines.append("</tr>")
        }
        lines += ["</tbody>", "</table>", "</div>"]
        return lines.joined(separator: "\n")
    }

    /// A chart inlined with its caption, or the caption alone (with the path) when the chart is not known.
    private func figure(alt: String, path: String, unique: (String) -> String) -> String {
        let id = unique(chartID(path))
        guard let svg = charts[path] else {
            return "<p id=\"\(HTMLText.escape(id))\">\(inline(alt)) (<code>\(HTMLText.escape(path))</code>)</p>"
        }
        return "<figure class=\"chart\" id=\"\(HTMLText.escape(id))\">\n\(HTMLReport.inlineSVG(svg))\n"
            + "<figcaption>\(inline(alt)) (<code>\(HTMLText.escape(path))</code>)</figcaption>\n</figure>"
    }

    /// The definition id a paragraph starts with (`` `overturn-rate`: … ``), when it is one of ``definitions``.
    private func definitionID(_ line: String) -> String? {
        guard line.hasPrefix("`"), let end = line.dropFirst().firstIndex(of: "`") else { return nil }
        let id = String(line[line.index(after: line.startIndex)..<end])
        return definitions.contains(id) && line[end...].hasPrefix("`: ") ? id : nil
    }

    /// The text a reader sees in a Markdown fragment: escapes and emphasis markers removed.
    func plainText(_ markdown: String) -> String {
        var text = ""
        var escaped = false
        for character in markdown {
            if escaped {
                text.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character != "*" && character != "`" {
                text.append(character)
            }
        }
        return text
    }

    /// The page's style: readable on a screen, sticky table headers, A4 in print.
    static let style = """
        :root { color-scheme: light; }
        body { margin: 0; font: 16px/1.5 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #ffffff; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; line-height: 1.25; }
        h1 { font-size: 1.8rem; }
        h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 1px solid #cccccc; padding-bottom: 0.2rem; }
        h3 { font-size: 1.1rem; margin-top: 1.75rem; }
        nav ul { columns: 2; padding-left: 1.25rem; font-family: Helvetica, Arial, sans-serif; font-size: 0.9rem; }
        code { font-family: Menlo, Consolas, monospace; font-size: 0.85em; background: #f3f3f3; padding: 0 0.2em; }
        a { color: #0b5394; }
        .table { max-height: 36rem; overflow: auto; margin: 1rem 0; border: 1px solid #dddddd; }
        table { border-collapse: separate; border-spacing: 0; font: 0.85rem/1.35 Helvetica, Arial, sans-serif; }
        th, td { padding: 0.25rem 0.5rem; border-bottom: 1px solid #e6e6e6; text-align: left; vertical-align: top; }
        thead th { position: sticky; top: 0; z-index: 1; background: #f7f7f7; border-bottom: 2px solid #bbbbbb; }
        .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tbody tr:target { background: #fff3c4; }
        tbody tr:nth-child(even) { background: #fafafa; }
        figure.chart { margin: 1.5rem 0; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        figcaption { font: 0.85rem/1.4 Helvetica, Arial, sans-serif; color: #444444; margin-top: 0.3rem; }
        @page { size: A4; margin: 18mm 15mm 20mm; }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
          .table { max-height: none; overflow: visible; border: none; }
          table { font-size: 8pt; width: 100%; }
          thead { display: table-header-group; }
          thead th { position: static; }
          tr, figure.chart { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          section { break-before: auto; }
        }

        """
}
