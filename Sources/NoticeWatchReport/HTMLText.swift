/// The one way `report.html` writes text from the report or from input files: every character that could
/// start markup or end an attribute is written as a character reference, so that a raw value from a leaked
/// file (`<script>`, `" onload="…`) is shown, never run. Used for element text and attribute values alike.
///
/// Only the references XML predefines are used (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;`), so the page also
/// parses as XHTML. Control characters other than tab and line feed, which neither HTML nor XML allows in a
/// document, become U+FFFD.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE
                    || scalar.value == 0xFFFF
                {
                    result.unicodeScalars.append("\u{FFFD}")
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// An id attribute's value from free text: lower-case ASCII letters and digits, other runs as one `-`.
    static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug += "-"
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "section" : slug
    }
}
