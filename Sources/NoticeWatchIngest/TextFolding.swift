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

    /// The most characters of a value a message quotes (on standard error, in an error or a quarantine reason):
    /// a longer value is cut there, ends with `…` and is followed by its whole length, `"ЖЖЖ…" (4,194,304 bytes)`.
    /// The whole value is only in the data-quality tables (`quarantine.csv`, `records.sqlite`).
    static let quoteLimit = 80

    /// The most names a message lists (a header's columns, a file's keys); the others are counted.
    static let listLimit = 20

    /// `text` quoted for a message, with quotes and backslashes escaped, cut at ``quoteLimit`` characters.
    ///
    /// - Complexity: O(min(n, ``quoteLimit``)): a long value is read only as far as it is quoted.
    static func quoted(_ text: String) -> String {
        var result = "\""
        var count = 0
        for character in text {
            if count == quoteLimit { return result + "…\" (" + grouped(text.utf8.count) + " bytes)" }
            count += 1
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }

    /// `text` as it is when it has at most ``quoteLimit`` characters, else cut there like ``quoted(_:)``:
    /// `ЖЖЖ… (4,194,304 bytes)`.
    static func shortened(_ text: String) -> String {
        guard let end = text.index(text.startIndex, offsetBy: quoteLimit, limitedBy: text.endIndex), end < text.endIndex
        else { return text }
        return text[..<end] + "… (" + grouped(text.utf8.count) + " bytes)"
    }

    /// `names` quoted and joined by `, `, at most ``listLimit`` of them, then `and N more`.
    static func quotedList(_ names: [String]) -> String {
        let shown = names.prefix(listLimit).map(quoted).joined(separator: ", ")
        return names.count > listLimit ? shown + " and \(names.count - listLimit) more" : shown
    }

    /// `count` with `,` between groups of three digits (`4,194,304`).
    static func grouped(_ count: Int) -> String {
        let digits = Array(String(count))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
