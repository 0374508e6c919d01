/// The table of Interpol member countries and every name NoticeWatch recognizes for each.
///
/// The data is in `CountryTable+Members.swift`, one line per member:
/// `alpha2|alpha3|English|French|Spanish|alias;alias;…`. Every field after the codes is a name to recognize;
/// the English field is the name reports print. `Datasets/COUNTRIES.md` documents the table and how to add a
/// spelling.
public enum CountryTable {
    /// One member country's codes and names.
    public struct Entry: Hashable, Sendable {
        public let alpha2: String
        public let alpha3: String
        public let english: String
        public let french: String
        public let spanish: String
        /// Other spellings: short names, former names, names in other orders (`Iran (Islamic Republic of)`).
        public let aliases: [String]
    }

    /// Every member, sorted by alpha-2 code.
    public static let members: [Entry] = parse(memberData)

    /// Lookup keys (see ``key(_:)``) of names to member index. Keys that fit several members are left out.
    static let indexByKey: [String: Int] = buildIndex(members).index

    /// Upper-case alpha-2 and alpha-3 codes to member index.
    static let indexByCode: [String: Int] = {
        var index: [String: Int] = [:]
        for (position, entry) in members.enumerated() {
            index[entry.alpha2] = position
            index[entry.alpha3] = position
        }
        return index
    }()

    /// Name keys that more than one member claims (`congo`): never resolved.
    public static let ambiguousKeys: Set<String> = buildIndex(members).ambiguous

    /// The UTF-8 length of the longest key in ``indexByKey``: a name whose key is longer names no member.
    static let longestKey: Int = indexByKey.keys.map(\.utf8.count).max() ?? 0

    /// The index in ``members`` of the country that `text` names, or `nil`.
    ///
    /// A code matches only when the text, spaces trimmed, is the two or three letters alone in any case
    /// (`RU`, `rus`): `N/A` or `n.a.` is not Namibia's `NA`. Any other text matches a name by its ``key(_:)``.
    /// Empty text, text with no letters or digits, unknown names and ambiguous names give `nil`.
    ///
    /// - Complexity: O(n) in the text's length to trim it; the key is folded only as far as the longest known
    ///   key, so a long value costs no more to fold than a long name.
    public static func index(forName text: some StringProtocol) -> Int? {
        let trimmed = String(text).trimmingSpaces()
        if (2...3).contains(trimmed.utf8.count),
            trimmed.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }),
            let position = indexByCode[trimmed.uppercased()]
        {
            return position
        }
        guard let folded = key(trimmed.unicodeScalars, limit: longestKey), !folded.isEmpty else { return nil }
        return indexByKey[folded]
    }

    /// The lookup key of a name: letters and digits only, lower case, Latin diacritics removed
    /// (`Türkiye` → `turkiye`, `Côte d'Ivoire` → `cotedivoire`, `Iran (Islamic Republic of)` →
    /// `iranislamicrepublicof`). `&` counts as `and`.
    ///
    /// - Complexity: O(n) in the text's length.
    public static func key(_ text: some StringProtocol) -> String {
        key(text.unicodeScalars, limit: .max) ?? ""
    }

    /// The ``key(_:)`` of `scalars`, or `nil` as soon as it would be longer than `limit` UTF-8 bytes: no scalar
    /// after that point is read.
    ///
    /// The key is written as UTF-8 bytes into one buffer (appending a string's scalars to a string view copies
    /// the string each time, which made a long non-Latin value quadratic).
    ///
    /// - Complexity: O(min(n, limit)) scalars read.
    static func key(_ scalars: some Sequence<Unicode.Scalar>, limit: Int) -> String? {
        var bytes: [UInt8] = []
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x30...0x39, 0x61...0x7A: bytes.append(UInt8(value))
                case 0x41...0x5A: bytes.append(UInt8(value + 0x20))
                case 0x26: bytes += [0x61, 0x6E, 0x64]  // "and"
                default: continue
                }
            } else if (0x300...0x36F).contains(value) {
                continue  // combining diacritical marks
            } else if let folded = latinFold[value] {
                bytes += folded.utf8
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                bytes += scalar.properties.lowercaseMapping.utf8
            }
            if bytes.count > limit { return nil }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func parse(_ data: String) -> [Entry] {
        var entries: [Entry] = []
        for line in data.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map {
                String($0).trimmingSpaces()
            }
            precondition(fields.count == 6, "country table line has \(fields.count) fields: \(line)")
            let aliases = fields[5].split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            entries.append(
                Entry(
                    alpha2: fields[0], alpha3: fields[1], english: fields[2], french: fields[3], spanish: fields[4],
                    aliases: aliases
                )
            )
        }
        return entries.sorted { $0.alpha2 < $1.alpha2 }
    }

    static func buildIndex(_ entries: [Entry]) -> (index: [String: Int], ambiguous: Set<String>) {
        var index: [String: Int] = [:]
        var ambiguous: Set<String> = []
        for (position, entry) in entries.enumerated() {
            let names = [entry.english, entry.french, entry.spanish] + entry.aliases
            for name in names {
                let folded = key(name)
                guard !folded.isEmpty, !ambiguous.contains(folded) else { continue }
                if let other = index[folded], other != position {
                    index[folded] = nil
                    ambiguous.insert(folded)
                } else {
                    index[folded] = position
                }
            }
        }
        return (index, ambiguous)
    }

    /// Latin letters with diacritics to their base letters: Latin-1 Supplement, Latin Extended-A, the
    /// Romanian comma-below and Vietnamese horned letters of Latin Extended-B, and the Vietnamese block of
    /// Latin Extended Additional (`Việt Nam` → `vietnam`), whether written precomposed or not.
    static let latinFold: [UInt32: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "a"), ("æ", "ae"), ("Æ", "ae"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "c"),
            ("ďđð", "d"), ("ĎĐÐ", "d"), ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "e"), ("ĝğġģ", "g"), ("ĜĞĠĢ", "g"),
            ("ĥħ", "h"), ("ĤĦ", "h"), ("ìíîïĩīĭįı", "i"), ("ÌÍÎÏĨĪĬĮİ", "i"), ("ĵ", "j"), ("Ĵ", "j"),
            ("ķ", "k"), ("Ķ", "k"), ("ĺļľŀł", "l"), ("ĹĻĽĿŁ", "l"), ("ñńņňŉ", "n"), ("ÑŃŅŇ", "n"),
            ("òóôõöøōŏő", "o"), ("ÒÓÔÕÖØŌŎŐ", "o"), ("œ", "oe"), ("Œ", "oe"), ("ŕŗř", "r"), ("ŔŖŘ", "r"),
            ("śŝşš", "s"), ("ŚŜŞŠ", "s"), ("ß", "ss"), ("ţťŧ", "t"), ("ŢŤŦ", "t"), ("ùúûüũūŭůűų", "u"),
            ("ÙÚÛÜŨŪŬŮŰŲ", "u"), ("ŵ", "w"), ("Ŵ", "w"), ("ýÿŷ", "y"), ("ÝŶŸ", "y"), ("źżž", "z"), ("ŹŻŽ", "z"),
            ("þ", "th"), ("Þ", "th"), ("șȘ", "s"), ("țȚ", "t"), ("ơƠ", "o"), ("ưƯ", "u"),
        ]
        var table: [UInt32: String] = [:]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = base }
        }
        // U+1EA0...U+1EF9 come in runs of upper/lower pairs over one base letter each: Ạạ…Ặặ, Ẹẹ…Ệệ, and so on.
        let vietnamese: [(ClosedRange<UInt32>, String)] = [
            (0x1EA0...0x1EB7, "a"), (0x1EB8...0x1EC7, "e"), (0x1EC8...0x1ECB, "i"), (0x1ECC...0x1EE3, "o"),
            (0x1EE4...0x1EF1, "u"), (0x1EF2...0x1EF9, "y"),
        ]
        for (range, base) in vietnamese {
            for value in range { table[value] = base }
        }
        return table
    }()
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
