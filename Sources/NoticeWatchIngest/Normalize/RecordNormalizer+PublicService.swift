import NoticeWatchModel

/// The values of Interpol's public notices service as sources write them: notice ids in their two forms and
/// lists of nationalities.
extension RecordNormalizer {
    /// The notice id in the service's form: `2019-12345` (the form of its URLs) is `2019/12345`; any other id
    /// is kept as written.
    static func noticeID(_ id: String) -> String {
        let bytes = Array(id.utf8)
        guard bytes.count >= 6, bytes[4] == UInt8(ascii: "-"),
            bytes[0..<4].allSatisfy({ (0x30...0x39).contains($0) }),
            bytes[5...].allSatisfy({ (0x30...0x39).contains($0) })
        else { return id }
        var rewritten = bytes
        rewritten[4] = UInt8(ascii: "/")
        return String(decoding: rewritten, as: UTF8.self)
    }

    /// The kind a link of the public notices service names, `nil` when the kind value is no such link.
    func serviceKind(_ fields: RecordFields) -> NoticeKind? {
        guard let bytes = value(.kind, fields), bytes.contains(UInt8(ascii: "/")) else { return nil }
        return PublicServiceShape.kind(ofLink: RecordNormalizer.string(bytes))
    }

    /// The member countries a nationalities value lists, in its order, each once: a JSON array (`["RU","IL"]`),
    /// a Python list as pandas writes it (`['RU', 'IL']`), or codes or names separated by commas, semicolons or
    /// vertical bars (`RU,IL`). A source's `values:` on the field maps entries to members first. An entry that
    /// names no member country (`HK`, `TW`, `UNK`) is not in the list: it is a value not understood, counted
    /// with its text, and the record's `nationalities` flag is set.
    ///
    /// - Complexity: O(bytes of the value); O(entries) for a spelling seen before.
    mutating func nationalities(
        _ fields: RecordFields, _ location: SourceLocation, _ flagged: inout FlaggedFields
    ) -> [Country] {
        guard let bytes = value(.nationalities, fields) else { return [] }
        let parsed: (members: [Country], unrecognized: [Int])
        if let cached = nationalityLists.value(for: bytes) {
            parsed = parsedNationalities[cached]
        } else {
            let vocabulary = plans[NormalizedField.nationalities.position]?.vocabulary
            var members: [Country] = []
            var unrecognized: [Int] = []
            for entry in RecordNormalizer.countryList(RecordNormalizer.string(bytes)) {
                if let country = Country(vocabulary?.category(for: entry) ?? entry) {
                    if !members.contains(country) { members.append(country) }
                } else {
                    let position = tally.entry(.nationalities, entry, at: location)
                    if !unrecognized.contains(position) { unrecognized.append(position) }
                }
            }
            parsed = (members, unrecognized)
            if nationalityLists.count < ByteCache.limit && bytes.count <= ByteCache.longestKey {
                parsedNationalities.append(parsed)
                nationalityLists.insert(parsedNationalities.count - 1, for: bytes)
            }
        }
        for position in parsed.unrecognized { flag(.nationalities, entry: position, &flagged) }
        return parsed.members
    }

    /// The entries of a list value, trimmed, without brackets and quotes, empty entries dropped.
    static func countryList(_ text: String) -> [String] {
        let separators: Set<Character> = [",", ";", "|"]
        let dropped: Set<Character> = ["[", "]", "\"", "'"]
        var entries: [String] = []
        var entry = ""
        for character in text {
            if separators.contains(character) {
                entries.append(entry)
                entry = ""
            } else if !dropped.contains(character) {
                entry.append(character)
            }
        }
        entries.append(entry)
        return entries.map { TextFolding.trim($0) }.filter { !$0.isEmpty }
    }
}
