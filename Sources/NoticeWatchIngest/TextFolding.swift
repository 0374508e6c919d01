/// Small text helpers shared by the readers and the normalizer: trimming and folding for lookups.
enum TextFolding {
    /// `text` without leading and trailing white space (spaces, tabs, line breaks, no-break spaces).
    ///
    /// - Complexity: O(1) when the text starts and ends with a non-space ASCII byte, else O(n).
    static func trim(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Whether `scalar` is white space (Unicode `White_Space`), without a property-table lookup.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// The lookup key of a label: trimmed, lower case, runs of white space, `_` and `-` as one space.
    /// `"  Not_Compliant "` → `"not compliant"`.
    static func labelKey(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in trim(text).lowercased() {
            if character.isWhitespace || character == "_" || character == "-" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(character)
        }
        return result
    }

    /// The key of a header name for inference: letters and digits only, lower case (`"Date-of-Issue"` →
    /// `"dateofissue"`).
    static func headerKey(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    /// `text` quoted for a message, with quotes and backslashes escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}
