import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// The normalizer works on the values' bytes, through caches keyed by bytes: on hostile spellings it must give
/// what the text functions give (``TextFolding/trim(_:)``, ``Country/init(_:)``, ``Vocabulary/category(for:)``,
/// ``DateFormat/parse(_:)``), with the same unknown values and flags, the first time a spelling is seen and after.
@Suite struct ByteNormalizationTests {
    static let location = SourceLocation(source: "s", file: "f.csv", line: 3, record: 2)

    /// Countries: codes and names in any case, with ASCII and Unicode spaces around, composed and decomposed
    /// accents, look-alikes, and what is no country at all.
    static let countries = [
        "FR", " fr ", "France", "\u{00A0}RU\u{2003}", "\tTR\r\n", "Côte d’Ivoire", "Co\u{0302}te d’Ivoire",
        "Cote d'Ivoire", "ZZ", "N/A", "", "   ", "\u{3000}", "\u{0085}DE\u{205F}", "Тurkey", "ＦＲ", "fr\u{200B}",
        "Congo",
    ]
    /// Outcome labels: defaults, case, `_` and `-`, French with composed and decomposed accents, unknown ones.
    static let outcomes = [
        "Not_Compliant", "NOT COMPLIANT", "  not-compliant ", "données effacées", "donne\u{0301}es effacées",
        "upheld", "Upheld\u{00A0}", "??", "", "pending", "withdrawn", "WITHDRAWN",
    ]
    /// Dates: full and short forms, trailing datetimes, impossible days, full-width digits, spaces around.
    static let dates = [
        "2019-03-12", "2019-3-12", "2019-02-30", " 2019-03-12 ", "２０１９-03-12", "2019-03-12T10:00:00Z", "2019-03",
        "2019", "2019/03/12", "20190312", "", "12.03.2019", "2019-03-1x", "2019-13-01",
    ]

    static let vocabulary = Vocabulary(field: .outcome, overrides: ["??": "upheld-ish"])

    /// The complaint the text path makes of one row: the normalizer as it was before it worked on bytes, with
    /// a value not understood made unknown and flagged (the record is kept).
    static func expected(country: String, outcome: String, filed: String, formats: [DateFormat]) -> Complaint {
        func text(_ value: String) -> String? {
            let trimmed = TextFolding.trim(value)
            return trimmed.isEmpty ? nil : trimmed
        }
        var flagged: FlaggedFields = []
        var requesting = CountryValue.unrecognized("")
        if let name = text(country) {
            if let found = Country(name) {
                requesting = .member(found)
            } else {
                requesting = .unrecognized(name)
                flagged.insert(.requestingCountry)
            }
        }
        var date: CivilDate?
        if let value = text(filed) {
            date = formats.lazy.compactMap { $0.parse(value) }.first
            if date == nil { flagged.insert(.filedDate) }
        }
        var category = Outcome.pending
        if let label = text(outcome) {
            if let value = Outcome(rawValue: vocabulary.category(for: label) ?? "") {
                category = value
            } else {
                category = .unknown
                flagged.insert(.outcome)
            }
        }
        return Complaint(
            id: "C1", noticeID: nil, requestingCountry: requesting, filedDate: date, decisionDate: nil,
            outcome: category, outcomeLabel: text(outcome) ?? "", flagged: flagged, provenance: location)
    }

    static func normalizer(formats: [DateFormat]) -> RecordNormalizer {
        RecordNormalizer(
            kind: .complaint,
            plans: [
                FieldPlan(field: .id, valueIndex: 0, constant: nil, formats: [], vocabulary: nil),
                FieldPlan(field: .requestingCountry, valueIndex: 1, constant: nil, formats: [], vocabulary: nil),
                FieldPlan(field: .filedDate, valueIndex: 2, constant: nil, formats: formats, vocabulary: nil),
                FieldPlan(field: .outcome, valueIndex: 3, constant: nil, formats: [], vocabulary: vocabulary),
            ])
    }

    static let formatLists: [[String]] = [["iso"], ["yyyy-MM-dd"], ["yyyy/MM/dd", "yyyyMMdd"], ["dd.MM.yyyy", "iso"]]

    @Test("bytes and text agree on every spelling, first seen and cached", arguments: formatLists)
    func bytesAgreeWithText(formatNames: [String]) throws {
        let formats = formatNames.compactMap(DateFormat.init)
        #expect(formats.count == formatNames.count)
        var normalizer = Self.normalizer(formats: formats)
        let fields = RecordFields(count: 4)
        var rows: [(String, String, String)] = []
        for country in Self.countries { rows.append((country, "upheld", "2020-01-01")) }
        for outcome in Self.outcomes { rows.append(("FR", outcome, "")) }
        for date in Self.dates { rows.append(("FR", "upheld", date)) }
        for round in 0..<2 {
            for (country, outcome, filed) in rows {
                fields.load(RawRecord(line: 3, record: 2, values: [" C1 ", country, filed, outcome]))
                let got = normalizer.normalize(fields, at: Self.location)
                let want = Self.expected(country: country, outcome: outcome, filed: filed, formats: formats)
                guard case .success(.complaint(let complaint)) = got else {
                    Issue.record("round \(round): \(got) against \(want)")
                    continue
                }
                #expect(complaint == want, "round \(round): \(country.debugDescription) \(outcome) \(filed)")
            }
        }
        // Each value not understood is one entry, counted once per row in both rounds.
        let entries: [ValueNotUnderstood] = normalizer.tally.values(source: "s", kind: .complaint, fields: [])
        let counted = entries.map { "\($0.field) \($0.rawValue) \($0.count)" }
        #expect(entries.allSatisfy { (entry: ValueNotUnderstood) in entry.firstLocation == Self.location })
        #expect(counted.contains("requesting_country Congo 2"))
        #expect(counted.contains("outcome ?? 2"))
        #expect(entries.allSatisfy { (entry: ValueNotUnderstood) in !entry.rawValue.isEmpty && entry.count % 2 == 0 })
    }

    @Test("an outcome label is one shared string per spelling")
    func labelsAreShared() {
        var normalizer = Self.normalizer(formats: [.iso])
        let fields = RecordFields(count: 4)
        var labels: [String] = []
        for _ in 0..<3 {
            fields.load(RawRecord(line: 1, record: 1, values: ["C1", "FR", "", "  Compliant subject to updates  "]))
            guard case .success(.complaint(let complaint)) = normalizer.normalize(fields, at: Self.location) else {
                Issue.record("the row was not kept")
                return
            }
            labels.append(complaint.outcomeLabel)
        }
        #expect(labels == Array(repeating: "Compliant subject to updates", count: 3))
        let identities = labels.map { label in label.utf8.withContiguousStorageIfAvailable { $0.baseAddress } }
        #expect(Set(identities.map { $0.map { Int(bitPattern: $0) } }).count == 1)
    }

    @Test("the cache keeps keys apart byte for byte and stops growing at its limit")
    func cacheKeys() {
        var cache = ByteCache()
        let long = String(repeating: "x", count: ByteCache.longestKey + 1)
        let special = [
            "", "é", "e\u{0301}", "a", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop",
            "a label longer than sixteen bytes 1", "a label longer than sixteen bytes 2", long,
        ]
        let keys = special + (0..<(ByteCache.limit + 50)).map { "key \($0)" }
        for (index, key) in keys.enumerated() {
            var key = key
            key.withUTF8 { cache.insert(index, for: UnsafeRawBufferPointer($0)) }
        }
        #expect(cache.count == ByteCache.limit)
        for (index, key) in keys.enumerated() {
            var key = key
            let found = key.withUTF8 { cache.value(for: UnsafeRawBufferPointer($0)) }
            let kept = key != long && index <= ByteCache.limit
            #expect(found == (kept ? index : nil), "\(key)")
        }
    }

    @Test(
        "full-length dates are read from the bytes as the format reads them",
        arguments: [
            "iso", "yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "dd.MM.yyyy", "MM/dd/yyyy", "yyyy-MM", "yyyy",
        ])
    func fixedLayouts(formatName: String) throws {
        let format = try #require(DateFormat(formatName))
        let samples = [
            "2019-03-12", "2019/03/12", "20190312", "12.03.2019", "03/12/2019", "2019-02-29", "2020-02-29",
            "2019-13-01",
            "2019-00-10", "0000-01-01", "2019-03-1a", "2019.03.12", "1.3.2019", "2019-03", "2019",
        ]
        let layout = FixedDateLayout(format)
        #expect((layout == nil) == (formatName == "yyyy-MM" || formatName == "yyyy"))
        for sample in samples {
            var copy = sample
            let fast = copy.withUTF8 { layout?.parse(UnsafeRawBufferPointer($0)) }
            if let fast { #expect(fast == format.parse(sample), "\(formatName) \(sample)") }
        }
    }
}
