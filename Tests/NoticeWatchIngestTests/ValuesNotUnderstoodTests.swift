import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// A value that cannot be understood removes a value, not a record; a row is set aside only when it cannot be a
/// record. Fixtures look like real exports: header spellings of a register, quoted free text in several scripts,
/// a register's own cancellation wordings, non-member countries and former states.
@Suite("Values not understood")
struct ValuesNotUnderstoodTests {
    /// A notice register that maps a cancellation date but no status.
    static func sources(
        reason: String = "      cancellation_reason: Cancellation reason\n",
        country: String = "      requesting_country: Requesting country\n"
    ) -> String {
        """
        version: 1
        sources:
          - name: register
            path: register.csv
            record: notice
            fields:
              id: Notice ID
        \(country)\
              issue_date: { from: Date of issue, format: dd/MM/yyyy }
              cancellation_date: { from: Date of cancellation, format: dd/MM/yyyy }
        \(reason)\
              kind: { value: red-notice }
        """
    }

    /// Every hazard once: a reason label no vocabulary has, non-members and former states, an impossible date, a
    /// repeated header, a title line, a totals row, a row with no id, free text in Cyrillic, Arabic and Chinese.
    static let register = """
        Notice ID,Requesting country,Date of issue,Date of cancellation,Cancellation reason,Charge
        2019/1001,Russian Federation,12/03/2019,01/06/2021,Deleted following CCF decision,"Мошенничество, в особо крупном размере"
        2019/1002,Kosovo,14/03/2019,,,"Trafficking; ""organised"" group"
        2019/1003,Hong Kong,15/03/2019,02/02/2022,Deleted following CCF decision,"洗钱"
        2019/1004,U.S.S.R.,30/02/2019,,,"احتيال"
        2019/1005,TW,16/03/2019,03/03/2023,Withdrawn by NCB,"Fraud"
        Notice ID,Requesting country,Date of issue,Date of cancellation,Cancellation reason,Charge
        Notices cancelled after review by the Commission,,,,,
        2020/2001,Türkiye,01/02/2020,,,"Terörizm"
        Total,,,,,5
        ,Türkiye,02/02/2020,,,"no id"
        2020/2002,Hong Kong,03/02/2020,,,"洗钱"

        """

    static func ingest(_ files: [String: String]) throws -> IngestResult {
        try DatasetIngestor(directory: IngestFixtures.temporaryFolder(text: files)).ingest()
    }

    @Test("records keep their unknown fields; only rows that cannot be records are set aside, each by its code")
    func registerHazards() throws {
        let result = try Self.ingest(["sources.yml": Self.sources(), "register.csv": Self.register])
        #expect(
            IngestFixtures.lines(result) == [
                "notice 2019/1001 red-notice RU 2019-03-12 cancelled 2021-06-01 @register.csv:2 "
                    + "flagged=cancellation_reason",
                "notice 2019/1002 red-notice Kosovo 2019-03-14 active - @register.csv:3 flagged=requesting_country",
                "notice 2019/1003 red-notice Hong Kong 2019-03-15 cancelled 2022-02-02 @register.csv:4 "
                    + "flagged=requesting_country,cancellation_reason",
                "notice 2019/1004 red-notice U.S.S.R. - active - @register.csv:5 flagged=requesting_country,issue_date",
                "notice 2019/1005 red-notice TW 2019-03-16 cancelled 2023-03-03 @register.csv:6 "
                    + "flagged=requesting_country",
                "notice 2020/2001 red-notice TR 2020-02-01 active - @register.csv:9",
                "notice 2020/2002 red-notice Hong Kong 2020-02-03 active - @register.csv:12 "
                    + "flagged=requesting_country",
                "quarantine register.csv:7 #6 - repeated-header: the row repeats the header row: not data "
                    + "raw=\"Notice ID, Requesting country, Date of issue, Date of cancellation, Cancellation reason\"",
                "quarantine register.csv:8 #7 - title-line: only \"Notices cancelled after review by the Commission\" "
                    + "is filled: a title or note line, not data raw=\"Notices cancelled after review by the Commission\"",
                "quarantine register.csv:10 #9 id totals-row: \"Total\" in the id column marks a totals row: not data "
                    + "raw=\"Total\"",
                "quarantine register.csv:11 #10 id missing-id: no value for id: a row without an id cannot be a "
                    + "record raw=\"Türkiye, 02/02/2020\"",
                "source register notice read=11 kept=7 merged=0 quarantined=4",
            ])
        #expect(IngestFixtures.balances(result))
        #expect(result.sources.first?.withValuesNotUnderstood == 6)
        #expect(
            result.valuesNotUnderstood.map { "\($0.field) \($0.rawValue) ×\($0.count) @\($0.firstLocation)" } == [
                "cancellation_reason Deleted following CCF decision ×2 @register.csv:2",
                "issue_date 30/02/2019 ×1 @register.csv:5",
                "requesting_country Hong Kong ×2 @register.csv:4", "requesting_country Kosovo ×1 @register.csv:3",
                "requesting_country TW ×1 @register.csv:6", "requesting_country U.S.S.R. ×1 @register.csv:5",
            ])
        let hongKong = try #require(result.notices.first { $0.id == "2019/1003" })
        #expect(hongKong.requestingCountry == .unrecognized("Hong Kong"))
        #expect(hongKong.facts.requestingCountry == nil)
    }

    @Test("the suggested sources.yml lines are exact: pasted, they map the labels and the countries they can")
    func suggestionsWorkWhenPasted() throws {
        let result = try Self.ingest(["sources.yml": Self.sources(), "register.csv": Self.register])
        let suggestions = Dictionary(
            uniqueKeysWithValues: result.mappingSuggestions.map { ($0.field, $0.yaml) })
        #expect(
            suggestions["cancellation_reason"] == """
                      cancellation_reason:
                        from: "Cancellation reason"
                        values:
                          "Deleted following CCF decision": ccf-decision  # guessed from "ccf decision"; one of: \
                ccf-decision, withdrawn-by-requesting-country, general-secretariat-review, subject-located, other, \
                unknown

                """)
        #expect(
            suggestions["requesting_country"] == """
                      requesting_country:
                        from: "Requesting country"
                        values:
                          "Hong Kong": CN  # Hong Kong's sub-bureau is part of China's NCB
                          # "Kosovo": not a member country; map it to a member's ISO code only if that member's \
                NCB requested these notices
                          # "TW": not a member country; map it to a member's ISO code only if that member's NCB \
                requested these notices
                          "U.S.S.R.": RU  # Russia continues the USSR

                """)
        let pasted = try Self.ingest([
            "sources.yml": Self.sources(
                reason: suggestions["cancellation_reason"] ?? "", country: suggestions["requesting_country"] ?? ""),
            "register.csv": Self.register,
        ])
        #expect(
            pasted.valuesNotUnderstood.map { "\($0.field) \($0.rawValue)" } == [
                "issue_date 30/02/2019", "requesting_country Kosovo", "requesting_country TW",
            ])
        #expect(pasted.notices.first { $0.id == "2019/1003" }?.requestingCountry == Country("CN").map { .member($0) })
        #expect(pasted.notices.first { $0.id == "2019/1003" }?.cancellationReason == .ccfDecision)
        #expect(pasted.notices.first { $0.id == "2019/1004" }?.requestingCountry == Country("RU").map { .member($0) })
    }

    @Test("values: on requesting_country must name a member")
    func countryValuesAreChecked() throws {
        let yaml = Self.sources(
            country: "      requesting_country:\n        from: Requesting country\n"
                + "        values: { \"Kosovo\": Kosovo }\n")
        let error = #expect(throws: IngestError.self) {
            try Self.ingest(["sources.yml": yaml, "register.csv": Self.register])
        }
        #expect(
            error?.description
                == "sources.yml:10:29: error[sources-file-unknown-value]: \"Kosovo\" is not a member country's ISO "
                + "code or name (requesting_country values map raw text to a member, such as RU or Russia)")
    }

    @Test("complaints: French labels map, an unknown one makes the outcome unknown, not the row quarantined")
    func complaintOutcomes() throws {
        let yaml = """
            version: 1
            sources:
              - name: registre
                path: registre.csv
                record: complaint
                csv: { delimiter: ";" }
                fields:
                  id: Référence
                  requesting_country: Pays requérant
                  filed_date: { from: Date de dépôt, format: dd.MM.yyyy }
                  outcome: Décision
            """
        let csv = """
            Référence;Pays requérant;Date de dépôt;Décision;Objet
            CCF/0101/21;Fédération de Russie;04.01.2021;Non conforme;"Demande d'effacement; ""urgent"" et complète"
            CCF/0102/21;Turquie;05.01.2021;Renvoyé en session plénière;"Accès"
            CCF/0103/21;Égypte;06.01.2021;Conforme;"Révision"
            CCF/0104/21;Turquie;07.01.2021;Renvoyé en session plénière;"Accès"

            """
        let result = try Self.ingest(["sources.yml": yaml, "registre.csv": csv])
        #expect(result.quarantine.isEmpty)
        #expect(result.complaints.map(\.outcome) == [.overturned, .unknown, .upheld, .unknown])
        #expect(result.complaints.map(\.outcomeLabel)[1] == "Renvoyé en session plénière")
        #expect(
            result.valuesNotUnderstood.map { "\($0.field) \($0.rawValue) ×\($0.count) \($0.suggestion)" } == [
                "outcome Renvoyé en session plénière ×2 \"Renvoyé en session plénière\": unknown  # no guess: "
                    + "replace unknown by one of: overturned, upheld, partially-overturned, inadmissible, withdrawn, "
                    + "pending, unknown"
            ])
    }

    @Test("merging: an unknown value takes the duplicate's known one and is no conflict; two known values conflict")
    func mergingPrefersKnownValues() throws {
        let yaml = """
            version: 1
            sources:
              - name: register
                path: register.csv
                record: notice
                fields:
                  id: Notice ID
                  requesting_country: Country
                  status: Status
                  cancellation_reason: Reason
              - name: pages
                path: pages.ndjson
                record: notice
                fields:
                  id: entity_id
                  requesting_country: country
                  status: status
                  cancellation_reason: reason
            """
        let register = """
            Notice ID,Country,Status,Reason
            2019/1,Kosovo,Cancelled,Deleted following CCF decision
            2019/2,RU,,
            2019/3,RU,Active,

            """
        let pages = """
            {"entity_id": "2019/1", "country": "RS", "status": "cancelled", "reason": "CCF decision"}
            {"entity_id": "2019/2", "country": "RU", "status": "cancelled", "reason": "ccf"}
            {"entity_id": "2019/3", "country": "TR", "status": "cancelled"}

            """
        let result = try Self.ingest(["sources.yml": yaml, "register.csv": register, "pages.ndjson": pages])
        #expect(
            result.notices.map { "\($0.id) \($0.requestingCountry.code) \($0.status) \($0.cancellationReason)" } == [
                "2019/1 RS cancelled ccfDecision", "2019/2 RU cancelled ccfDecision", "2019/3 RU active unknown",
            ])
        #expect(result.notices.map(\.flagged) == [[], [], []])
        #expect(
            result.conflicts.map { "\($0.id) \($0.field) \($0.keptValue) \($0.discardedValue)" } == [
                "2019/3 requesting_country RU TR", "2019/3 status active cancelled",
            ])
        // The values were not understood where they were read, whatever the merge made of the records.
        #expect(result.valuesNotUnderstood.map(\.rawValue) == ["Deleted following CCF decision", "Kosovo"])
    }

    @Test("records spilled to disk come back with their unrecognized countries and flags", arguments: [0, 2])
    func spilledRecordsRoundTrip(budget: Int) throws {
        let files = ["sources.yml": Self.sources(), "register.csv": Self.register]
        let folder = try IngestFixtures.temporaryFolder(text: files)
        let expected = try DatasetIngestor(directory: folder).ingest()
        var ingestor = DatasetIngestor(directory: folder)
        ingestor.recordBudget = budget
        ingestor.spillPieceSize = 2
        let spilled = try ingestor.ingest()
        #expect(spilled.notices.inMemory == nil)
        #expect(Array(spilled.notices) == Array(expected.notices))
        var facts: [Notice.Facts] = []
        spilled.notices.forEachFacts { facts.append($0) }
        #expect(facts == expected.notices.map(\.facts))
        #expect(spilled.valuesNotUnderstood == expected.valuesNotUnderstood)
        #expect(spilled.sources == expected.sources)
    }
}

/// Nationality lists of the public notices service name territories and codes that are no member (`HK`, `TW`,
/// Interpol's `UNK` for unknown): the notice keeps its member nationalities, and each such entry is a value not
/// understood with its count, never dropped in silence.
@Suite("Nationalities not understood")
struct NationalitiesNotUnderstoodTests {
    static let page = """
        {"total": 3, "_embedded": {"notices": [
          {"entity_id": "2019/12345", "forename": "ИВАН", "name": "ПЕТРОВ", "nationalities": ["RU", "HK"],
           "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red/2019-12345"}}},
          {"entity_id": "2020/2001", "forename": "MEI", "name": "CHEN", "nationalities": ["TW"],
           "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red/2020-2001"}}},
          {"entity_id": "2021/777", "forename": "JOSÉ", "name": "PÉREZ", "nationalities": ["UNK", "HK", "VE"],
           "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red/2021-777"}}}
        ]}}
        """

    @Test("every notice is kept with its member nationalities; HK, TW and UNK are counted as not understood")
    func nonMembersAreReported() throws {
        let result = try DatasetIngestor(
            directory: IngestFixtures.temporaryFolder(text: ["red_2026-12-01.json": Self.page])
        ).ingest()
        let notices = result.notices.array
        #expect(notices.map(\.id) == ["2019/12345", "2020/2001", "2021/777"])
        #expect(notices.map { $0.nationalities.map(\.alpha2) } == [["RU"], [], ["VE"]])
        #expect(notices.map { $0.flagged.contains(.nationalities) } == [true, true, true])
        let values = result.valuesNotUnderstood.filter { $0.field == "nationalities" }
        #expect(values.map(\.rawValue) == ["HK", "TW", "UNK"])
        #expect(values.map(\.count) == [2, 1, 1])
        #expect(result.quarantine.isEmpty)
    }

    @Test("values: on nationalities maps an entry to a member")
    func valuesMapAnEntry() throws {
        let sources = """
            version: 1
            sources:
              - name: red-list
                path: red_2026-12-01.json
                record: notice
                json:
                  records: _embedded.notices
                fields:
                  id: entity_id
                  kind: { value: red-notice }
                  nationalities:
                    from: nationalities
                    values:
                      UNK: VE
            """
        let result = try DatasetIngestor(
            directory: IngestFixtures.temporaryFolder(text: ["sources.yml": sources, "red_2026-12-01.json": Self.page])
        ).ingest()
        #expect(result.notices.array.map { $0.nationalities.map(\.alpha2) } == [["RU"], [], ["VE"]])
        #expect(result.valuesNotUnderstood.filter { $0.field == "nationalities" }.map(\.rawValue) == ["HK", "TW"])
    }
}
