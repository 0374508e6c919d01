extension HTMLReport {
    /// The HTML of one line of the report's Markdown: backslash escapes, `code`, **strong**, *emphasis* and
    /// `[text](target)` links; every other character through ``HTMLText/escape(_:)``.
    ///
    /// Tags always nest: a marker that would close a tag other than the innermost open one is written as
    /// text, and tags still open at the end are closed.
    func inline(_ markdown: String) -> String {
        let characters = Array(markdown)
        var html = ""
        var open: [String] = []
        var plain = ""
        func flushPlain() {
            html += HTMLText.escape(plain)
            plain = ""
        }
        func toggle(_ tag: String, marker: String) {
            flushPlain()
            if open.last == tag {
                open.removeLast()
                html += "</\(tag)>"
            } else if !open.contains(tag) {
                open.append(tag)
                html += "<\(tag)>"
            } else {
                html += HTMLText.escape(marker)
            }
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count:
                plain.append(characters[index + 1])
                index += 2
                continue
            case "`":
                if let end = characters[(index + 1)...].firstIndex(of: "`") {
                    flushPlain()
                    html += "<code>" + HTMLText.escape(String(characters[(index + 1)..<end])) + "</code>"
                    index = end + 1
                    continue
                }
            case "*":
                if index + 1 < characters.count, characters[index + 1] == "*" {
                    toggle("strong", marker: "**")
                    index += 2
                } else {
                    toggle("em", marker: "*")
                    index += 1
                }
                continue
            case "[":
                if let link = self.link(in: characters, at: index) {
                    flushPlain()
                    html += link.html
                    index = link.end
                    continue
                }
            default:
                break
            }
            plain.append(character)
            index += 1
        }
        flushPlain()
        for tag in open.reversed() { html += "</\(tag)>" }
        return html
    }

    /// `[text](target)` starting at `start`: the anchor and the index after it, or `nil` when the brackets do
    /// not form a link. A target that is one of the report's charts points at the chart inlined in the page.
    private func link(in characters: [Character], at start: Int) -> (html: String, end: Int)? {
        var index = start + 1
        var text = ""
        while index < characters.count, characters[index] != "]" {
            if characters[index] == "\\", index + 1 < characters.count { index += 1 }
            text.append(characters[index])
            index += 1
        }
        guard index + 1 < characters.count, characters[index + 1] == "(",
            let close = characters[(index + 2)...].firstIndex(of: ")")
        else { return nil }
        let target = String(characters[(index + 2)..<close])
        let href = charts[target] == nil ? target : "#" + chartID(target)
        return ("<a href=\"\(HTMLText.escape(href))\">\(HTMLText.escape(text))</a>", close + 1)
    }

    /// The id of a chart's figure in the page: `chart-volumes` for `charts/volumes.svg`.
    func chartID(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return "chart-" + HTMLText.slug(name.hasSuffix(".svg") ? String(name.dropLast(4)) : name)
    }

    /// A chart's SVG for inlining: the XML declaration dropped (it may only start a document).
    static func inlineSVG(_ svg: String) -> String {
        var text = Substring(svg)
        if text.hasPrefix("<?xml"), let end = text.firstRange(of: "?>") {
            text = text[end.upperBound...]
        }
        while text.first?.isNewline == true { text.removeFirst() }
        while text.last?.isNewline == true { text.removeLast() }
        return String(text)
    }
}
