import Foundation
import NoticeWatchModel

/// Minimal readers of the generator's own output, enough to count what the files hold.
enum BundleScanning {
    /// Splits CSV `text` into records of fields, honouring double quotes (doubled quotes inside), with
    /// `delimiter`; line breaks inside quotes stay in the field. The final empty line is dropped.
    static func csvRecords(_ text: String, delimiter: Character) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count && characters[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == delimiter {
                fields.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                fields.append(field)
                records.append(fields)
                fields = []
                field = ""
            } else {
                field.append(character)
            }
            index += 1
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(fields)
        }
        return records
    }

    /// The text between `"key": "` (or `"key":"`) and the next quote on `line`, or `nil` when absent or null.
    static func jsonValue(_ key: String, in line: Substring) -> String? {
        for opening in ["\"\(key)\": \"", "\"\(key)\":\""] {
            guard let start = line.range(of: opening) else { continue }
            let rest = line[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return String(rest[..<end])
        }
        return nil
    }

    /// The text of the first `<tag>…</tag>` or `<tag attr>…</tag>` in `text`.
    static func xmlText(_ tag: String, in text: Substring) -> String? {
        guard let open = text.range(of: "<\(tag)") else { return nil }
        guard let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let afterOpen = text.index(after: close)
        guard let end = text[afterOpen...].range(of: "</\(tag)>") else { return nil }
        return String(text[afterOpen..<end.lowerBound])
    }

    /// Every full date in `text` written as `yyyy-MM-dd`, `yyyy/MM/dd`, `dd/MM/yyyy` or `dd.MM.yyyy`, and
    /// the number of date-shaped strings that are no valid day (`31.02.2020`).
    static func dates(in text: String) -> (dates: [CivilDate], invalid: Int) {
        let bytes = Array(text.utf8)
        var dates: [CivilDate] = []
        var invalid = 0
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<(from + count) {
                guard (0x30...0x39).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < bytes.count && (0x30...0x39).contains(bytes[index]) }
        var index = 0
        while index + 10 <= bytes.count {
            defer { index += 1 }
            guard !isDigit(index - 1), !isDigit(index + 10) else { continue }
            let separators: Set<UInt8> = [0x2D, 0x2F, 0x2E]
            var parts: (Int, Int, Int)?
            if separators.contains(bytes[index + 4]), bytes[index + 7] == bytes[index + 4],
                let year = digits(index, 4), let month = digits(index + 5, 2), let day = digits(index + 8, 2)
            {
                parts = (year, month, day)
            } else if separators.contains(bytes[index + 2]), bytes[index + 5] == bytes[index + 2],
                let day = digits(index, 2), let month = digits(index + 3, 2), let year = digits(index + 6, 4)
            {
                parts = (year, month, day)
            }
            guard let (year, month, day) = parts else { continue }
            if let date = CivilDate(year: year, month: month, day: day) { dates.append(date) } else { invalid += 1 }
        }
        return (dates, invalid)
    }
}
