import Foundation

@testable import NoticeWatchReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The texts of an SVG chart with their estimated boxes (``TextMetrics``), read back with the XML parser, for
/// the checks a rendering would make: every text at least the minimum size, inside the drawing, and apart
/// from every other.
struct ChartTextLayout {
    struct Box: CustomStringConvertible {
        var text: String
        var size: Double
        var left: Double
        var right: Double
        var top: Double
        var bottom: Double

        func overlaps(_ other: Box) -> Bool {
            // Touching boxes do not overlap; a hundredth of a px absorbs the 1-decimal coordinates.
            left < other.right - 0.01 && other.left < right - 0.01 && top < other.bottom - 0.01
                && other.top < bottom - 0.01
        }

        var description: String {
            "\"\(text)\" [\(Int(left))…\(Int(right)) × \(Int(top))…\(Int(bottom))]"
        }
    }

    var width = 0.0
    var height = 0.0
    var boxes: [Box] = []
    var parseError: String?

    init(svg data: Data) {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        if !parser.parse() { parseError = String(describing: reader.error ?? parser.parserError) }
        width = reader.width
        height = reader.height
        boxes = reader.boxes
    }

    /// Texts smaller than the documented minimum.
    var tooSmall: [Box] { boxes.filter { $0.size < SVGDocument.minimumFontSize } }

    /// Texts that reach outside the drawing.
    var outside: [Box] { boxes.filter { $0.left < 0 || $0.right > width || $0.top < 0 || $0.bottom > height } }

    /// Every pair of texts whose boxes overlap.
    var overlapping: [(Box, Box)] {
        var pairs: [(Box, Box)] = []
        for (index, box) in boxes.enumerated() {
            for other in boxes[(index + 1)...] where box.overlaps(other) { pairs.append((box, other)) }
        }
        return pairs
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var width = 0.0
        var height = 0.0
        var boxes: [Box] = []
        var error: (any Error)?
        private var open: [String: String]?
        private var content = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "svg" {
                width = Double(attributes["width"] ?? "") ?? 0
                height = Double(attributes["height"] ?? "") ?? 0
            }
            if name == "text" {
                open = attributes
                content = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if open != nil { content += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            guard name == "text", let attributes = open else { return }
            open = nil
            let size = Double(attributes["font-size"] ?? "") ?? 0
            let x = Double(attributes["x"] ?? "") ?? 0
            let y = Double(attributes["y"] ?? "") ?? 0
            let width = TextMetrics.width(content, size: size, bold: attributes["font-weight"] == "bold")
            let left: Double
            switch attributes["text-anchor"] {
            case "middle": left = x - width / 2
            case "end": left = x - width
            default: left = x
            }
            boxes.append(
                Box(
                    text: content, size: size, left: left, right: left + width, top: y - TextMetrics.ascent * size,
                    bottom: y + TextMetrics.descent * size))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            error = parseError
        }
    }
}
