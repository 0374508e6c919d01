/// A JSON value rendered by hand: object keys sorted by their UTF-8 bytes, two-space indentation, numbers
/// as given (integers, or decimals already formatted by ``FixedDecimal``), strings escaped per RFC 8259.
///
/// The same value always gives the same text; nothing depends on `Dictionary` order or on Foundation's
/// `JSONSerialization`.
enum JSONValue {
    case string(String)
    case integer(Int)
    /// A number already formatted (`0.9500`).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys are sorted when rendered; a repeated key keeps its first value.
    case object([(String, JSONValue)])

    /// The text, ending with a line feed.
    ///
    /// - Parameter lineDepth: arrays and objects nested this deep or deeper are written on one line
    ///   (`{"a": 1, "b": [2, 3]}`), so that a long list of records reads and diffs one record a line;
    ///   `nil` to indent every level.
    func render(lineDepth: Int? = nil) -> String {
        var text = ""
        write(into: &text, indent: "", depth: 0, lineDepth: lineDepth ?? Int.max)
        return text + "\n"
    }

    private func write(into text: inout String, indent: String, depth: Int, lineDepth: Int) {
        if depth >= lineDepth {
            writeLine(into: &text)
            return
        }
        switch self {
        case .string(let value): text += JSONValue.quote(value)
        case .integer(let value): text += String(value)
        case .number(let value): text += value.isEmpty ? "null" : value
        case .bool(let value): text += value ? "true" : "false"
        case .null: text += "null"
        case .array(let values):
            guard !values.isEmpty else {
                text += "[]"
                return
            }
            text += "[\n"
            for (offset, value) in values.enumerated() {
                text += indent + "  "
                value.write(into: &text, indent: indent + "  ", depth: depth + 1, lineDepth: lineDepth)
                text += offset == values.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .object:
            let unique = sortedMembers
            guard !unique.isEmpty else {
                text += "{}"
                return
            }
            text += "{\n"
            for (offset, member) in unique.enumerated() {
                text += indent + "  " + JSONValue.quote(member.0) + ": "
                member.1.write(into: &text, indent: indent + "  ", depth: depth + 1, lineDepth: lineDepth)
                text += offset == unique.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        }
    }

    /// The value on one line: `, ` between items, `": "` after keys, keys sorted as in ``render(lineDepth:)``.
    private func writeLine(into text: inout String) {
        switch self {
        case .array(let values):
            text += "["
            for (offset, value) in values.enumerated() {
                if offset > 0 { text += ", " }
                value.writeLine(into: &text)
            }
            text += "]"
        case .object:
            text += "{"
            for (offset, member) in sortedMembers.enumerated() {
                if offset > 0 { text += ", " }
                text += JSONValue.quote(member.0) + ": "
                member.1.writeLine(into: &text)
            }
            text += "}"
        default:
            write(into: &text, indent: "", depth: 0, lineDepth: Int.max)
        }
    }

    /// An object's members without repeated keys (the first kept), sorted by their keys' UTF-8 bytes.
    private var sortedMembers: [(String, JSONValue)] {
        guard case .object(let members) = self else { return [] }
        var seen = Set<String>()
        return members.filter { seen.insert($0.0).inserted }
            .sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t` or `\u00XX`.
    static func quote(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
