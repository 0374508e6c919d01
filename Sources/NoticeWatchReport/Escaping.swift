/// The one escaping function of each output format. Every name or value that comes from an input or the command
/// line (folder names, file names, source names, labels, raw values, options) goes through one of these before it
/// reaches Markdown or SVG; CSV cells are quoted by ``CSVTable`` and JSON strings by ``JSONValue``.
///
/// Each runs in one pass over the text's scalars into a byte buffer: linear in the text's length whatever its
/// script.
enum Escaping {
    /// Text for a Markdown table cell or inside a line of running text: every ASCII punctuation mark that
    /// means something there to Markdown, GitHub's extensions or HTML is backslash-escaped (so `*`, `#`,
    /// `<script>`, `&amp;`, `[x](y)`, `$x$`, `~~x~~` and `|` show as written; `-`, `+`, `=` and digits mean
    /// something only at the start of a line, where this text never goes), line breaks and tabs become spaces
    /// (a blank line cannot end the paragraph or the table), and other control characters become U+FFFD.
    static func markdownText(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "|", "`", "*", "_", "<", ">", "[", "]", "#", "~", "&", "$":
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(scalar.value))
            case "\n", "\r", "\t":
                bytes.append(UInt8(ascii: " "))
            default:
                appendVisible(scalar, to: &bytes)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A whole Markdown code span showing `text` as written (for running text and list items, not table cells):
    /// delimited by a run of backticks longer than any in the text, padded with a space when the text starts or
    /// ends with a backtick or a space (which the span then strips), line breaks and tabs as spaces, other control
    /// characters as U+FFFD. Nothing inside a code span is formatting, so `<script>` and `*` need nothing more.
    static func markdownCode(_ text: String) -> String {
        var body: [UInt8] = []
        body.reserveCapacity(text.utf8.count)
        var run = 0
        var longest = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
            switch scalar {
            case "\n", "\r", "\t": body.append(UInt8(ascii: " "))
            default: appendVisible(scalar, to: &body)
            }
        }
        let fence = [UInt8](repeating: UInt8(ascii: "`"), count: longest + 1)
        let pad =
            body.first == UInt8(ascii: "`") || body.last == UInt8(ascii: "`") || body.first == UInt8(ascii: " ")
            || body.last == UInt8(ascii: " ")
        var bytes = fence
        if pad { bytes.append(UInt8(ascii: " ")) }
        bytes += body
        if pad { bytes.append(UInt8(ascii: " ")) }
        bytes += fence
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Text for XML (SVG) character data and attribute values: `&`, `<`, `>`, `"` and `'` as entities (so
    /// `]]>` and `<script>` stay text), and what XML 1.0 forbids (control characters other than tab and line
    /// feed, U+FFFE, U+FFFF) as U+FFFD.
    static func xml(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": bytes += Array("&amp;".utf8)
            case "<": bytes += Array("&lt;".utf8)
            case ">": bytes += Array("&gt;".utf8)
            case "\"": bytes += Array("&quot;".utf8)
            case "'": bytes += Array("&apos;".utf8)
            case "\n", "\t": bytes.append(UInt8(scalar.value))
            default:
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    bytes += replacement
                } else {
                    appendVisible(scalar, to: &bytes)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Appends `scalar` in UTF-8, or U+FFFD for a C0 control character or DEL.
    @inline(__always)
    private static func appendVisible(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        if scalar.value < 0x20 || scalar.value == 0x7F {
            bytes += replacement
        } else if scalar.value < 0x80 {
            bytes.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }
}
