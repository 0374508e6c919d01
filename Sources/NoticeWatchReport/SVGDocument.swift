/// A small SVG 1.1 document built from elements in order: plain text, no scripts, no external assets, no
/// `id` attributes (so that several charts can be inlined in one HTML page).
///
/// Coordinates are printed with 1 decimal (``FixedDecimal``); text is XML-escaped (``Escaping/xml(_:)``); the output ends with a
/// line feed and is the same for the same calls. The height can grow while the chart is laid out top to
/// bottom; it is fixed when the document is rendered.
struct SVGDocument {
    let width: Double
    var height: Double
    let title: String
    private var elements: [String] = []

    /// The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), told apart by readers with
    /// protanopia, deuteranopia or tritanopia: black, blue, vermillion, bluish green, reddish purple, orange,
    /// sky blue. Series take these colours in order; yellow (`#F0E442`) is left out, too light on white.
    static let palette = ["#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
    /// Grid lines.
    static let grid = "#DDDDDD"
    /// Axes, ticks and reference lines.
    static let axis = "#555555"
    /// Secondary text (captions, axis titles).
    static let secondaryText = "#333333"

    /// The smallest font size of any text, in px at the chart's 600 px width: readable in a newspaper column.
    static let minimumFontSize = 11.0

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// A coordinate or length as printed.
    static func number(_ value: Double) -> String { FixedDecimal.format(value, decimals: 1) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double? = nil) {
        elements.append(
            "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" "
                + "height=\"\(Self.number(max(0, height)))\" fill=\"\(fill)\"" + Self.opacity(opacity) + "/>"
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

    /// A dot; `hollow` draws a white disc with a coloured ring (a value not comparable with the others).
    mutating func circle(x: Double, y: Double, radius: Double, fill: String, hollow: Bool = false) {
        let paint = hollow ? "fill=\"#FFFFFF\" stroke=\"\(fill)\" stroke-width=\"1.5\"" : "fill=\"\(fill)\""
        elements.append(
            "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" \(paint)/>")
    }

    /// Text anchored at `x` (`start`, `middle` or `end`), baseline at `y`; never smaller than
    /// ``minimumFontSize``.
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12, bold: Bool = false,
        fill: String? = nil
    ) {
        let size = max(size, Self.minimumFontSize)
        elements.append(
            "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" "
                + "text-anchor=\"\(anchor)\"" + (bold ? " font-weight=\"bold\"" : "")
                + (fill.map { " fill=\"\($0)\"" } ?? "") + ">\(Escaping.xml(content))</text>"
        )
    }

    /// An unfilled path (`commands` in SVG path syntax).
    mutating func path(_ commands: String, stroke: String, width: Double = 2, dashed: Bool = false) {
        elements.append(
            "<path d=\"\(commands)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
                + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>")
    }

    /// A filled, unstroked closed path: a confidence band.
    mutating func area(_ commands: String, fill: String, opacity: Double) {
        elements.append("<path d=\"\(commands)\" fill=\"\(fill)\"" + Self.opacity(opacity) + " stroke=\"none\"/>")
    }

    private static func opacity(_ value: Double?) -> String {
        value.map { " fill-opacity=\"\(FixedDecimal.format($0, decimals: 2))\"" } ?? ""
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
            "<title>\(Escaping.xml(title))</title>",
            "<rect x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#FFFFFF\"/>",
        ]
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}
