/// A small SVG 1.1 document built from elements in order: plain text, no scripts, no external assets.
///
/// Coordinates are printed with 1 decimal (``FixedDecimal``); text is XML-escaped; the output ends with a
/// line feed and is the same for the same calls.
struct SVGDocument {
    let width: Double
    let height: Double
    let title: String
    private var elements: [String] = []

    /// The colours of series, in order: distinguishable, also in grey print.
    static let palette = ["#1b4f72", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#5d6d7e"]

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// A coordinate or length as printed.
    static func number(_ value: Double) -> String { FixedDecimal.format(value, decimals: 1) }

    /// Text escaped for XML content and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // XML 1.0 forbids most control characters even as references.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
        elements.append(
            "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" "
                + "height=\"\(Self.number(max(0, height)))\" fill=\"\(fill)\"/>"
        )
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false
    ) {
        elements.append(
            "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" "
                + "stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
                + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>"
        )
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
        elements.append(
            "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" fill=\"\(fill)\"/>")
    }

    /// Text anchored at `x` (`start`, `middle` or `end`), baseline at `y`.
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12, bold: Bool = false
    ) {
        elements.append(
            "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" "
                + "text-anchor=\"\(anchor)\"" + (bold ? " font-weight=\"bold\"" : "")
                + ">\(Self.escape(content))</text>"
        )
    }

    /// A polyline path through `points` (`M` then `L`), unfilled.
    mutating func path(_ commands: String, stroke: String, width: Double = 2) {
        elements.append(
            "<path d=\"\(commands)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"/>")
    }

    /// A closed shape through `commands`, filled with `fill` at `opacity`, with no outline (an interval band).
    mutating func band(_ commands: String, fill: String, opacity: Double) {
        elements.append(
            "<path d=\"\(commands)\" fill=\"\(fill)\" fill-opacity=\"\(Self.number(opacity))\" stroke=\"none\"/>")
    }

    /// The document's text.
    func render() -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(Self.number(width))\" "
                + "height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
                + "font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">",
            "<title>\(Self.escape(title))</title>",
            "<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#ffffff\"/>",
        ]
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}
