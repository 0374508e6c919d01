import NoticeWatchModel

/// Writes the `sources.yml` lines that would map the values a source gave and NoticeWatch did not understand:
/// one `values:` line per value, and the field's whole entry with every such line added.
///
/// A label is mapped to the category its words suggest (``Vocabulary/guess(for:)``), else to `unknown`
/// (which records the decision that the label means nothing known); either way a comment names the choices. A
/// country is mapped to the member whose National Central Bureau requests the notices of a former state or a
/// territory (``CountrySuccessors``), else written as a comment, since a non-member has no member to map to. A
/// date gets no line: it needs a `format:`.
enum MappingSuggester {
    /// The `values:` line for `rawValue` of `field`, `""` for a date field.
    static func line(_ field: NormalizedField, rawValue: String, spec: FieldSpec?) -> String {
        let key = quoted(rawValue)
        switch field.valueKind {
        case .date, .text, .warrantList:
            return ""
        case .country, .countryList:
            if let (member, reason) = CountrySuccessors.member(for: rawValue) {
                return "\(key): \(member.alpha2)  # \(reason)"
            }
            return "# \(key): not a member country; map it to a member's ISO code only if that member's NCB "
                + "requested these notices"
        case .category:
            let categories = field.categories ?? []
            let choices = "one of: " + categories.joined(separator: ", ")
            let vocabulary = Vocabulary(field: field, overrides: spec?.values ?? [:])
            if let guess = vocabulary.guess(for: rawValue) {
                return "\(key): \(guess.category)  # guessed from \(quoted(guess.from)); \(choices)"
            }
            return "\(key): unknown  # no guess: replace unknown by \(choices)"
        }
    }

    /// The field's entry under `fields:`, six spaces in as in a sources file, with `lines` (this source's
    /// suggestions for the field) after its present `values:`; with no `values:` key when there is no entry to
    /// put under it (only comments).
    static func entry(_ field: NormalizedField, spec: FieldSpec?, lines: [String]) -> String {
        var text = "      \(field.rawValue):\n"
        if let from = spec?.from { text += "        from: \(quoted(from))\n" }
        if let formats = spec?.formats, !formats.isEmpty {
            text += "        format: [" + formats.map { quoted($0.description) }.joined(separator: ", ") + "]\n"
        }
        let present = (spec?.values ?? [:]).sorted { $0.key < $1.key }
        // A `values:` key holding only comments would be empty, which the sources file refuses.
        guard !present.isEmpty || lines.contains(where: { !$0.hasPrefix("#") }) else {
            for line in lines { text += "        \(line)\n" }
            return text
        }
        text += "        values:\n"
        for (label, target) in present { text += "          \(quoted(label)): \(target)\n" }
        for line in lines { text += "          \(line)\n" }
        return text
    }

    /// Every suggestion for `values` (one source's entries of several fields), given the source's mapping. A
    /// requesting country taken from the first warrant (the source maps `warrants` and no `requesting_country`)
    /// is mapped under `warrants`, whose `values:` map issuing countries.
    static func suggestions(
        source: String, fields: [FieldSpec], values: [ValueNotUnderstood]
    ) -> [MappingSuggestion] {
        let fromWarrants =
            !fields.contains { $0.field == .requestingCountry } && fields.contains { $0.field == .warrants }
        var byField: [NormalizedField: [String]] = [:]
        for value in values where !value.suggestion.isEmpty {
            guard var field = NormalizedField(rawValue: value.field) else { continue }
            if field == .requestingCountry && fromWarrants { field = .warrants }
            byField[field, default: []].append(value.suggestion)
        }
        return byField.keys.sorted().map { field in
            MappingSuggestion(
                source: source, field: field.rawValue,
                yaml: entry(field, spec: fields.first { $0.field == field }, lines: byField[field] ?? []))
        }
    }

    /// `text` as a double-quoted YAML scalar: `"` and `\` escaped, control characters as `\u` escapes.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// Former states and territories whose notices a member's National Central Bureau requests, for suggestions
/// only (a record's country is never guessed).
enum CountrySuccessors {
    /// Lookup key (``CountryTable/key(_:)``) to the member's alpha-2 code and the reason, in words.
    static let table: [String: (code: String, reason: String)] = {
        let entries: [([String], String, String)] = [
            (["ussr", "sovietunion", "su", "unionofsovietsocialistrepublics"], "RU", "Russia continues the USSR"),
            (
                ["yugoslavia", "yu", "federalrepublicofyugoslavia", "serbiaandmontenegro", "cs", "scg"], "RS",
                "Serbia continues Yugoslavia and Serbia and Montenegro"
            ),
            (
                ["hongkong", "hk", "hkg", "hongkongsar", "hongkongchina"], "CN",
                "Hong Kong's sub-bureau is part of China's NCB"
            ),
            (["macao", "macau", "mo", "mac", "macaosar"], "CN", "Macao's sub-bureau is part of China's NCB"),
        ]
        var table: [String: (code: String, reason: String)] = [:]
        for (keys, code, reason) in entries {
            for key in keys { table[key] = (code, reason) }
        }
        return table
    }()

    /// The member and the reason for `text`, or `nil`.
    static func member(for text: String) -> (Country, String)? {
        guard let entry = table[CountryTable.key(text)], let country = Country(entry.code) else { return nil }
        return (country, entry.reason)
    }
}
