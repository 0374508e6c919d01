import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchIngest

/// Arrest warrants and charges of the public notices service's detail documents, of pandas' CSV dumps of them
/// and of a register's charge column; and the exact repeats a scraper writes when it slices capped queries.
@Suite struct WarrantTests {
    static func notices(_ result: IngestResult) -> [String: Notice] {
        Dictionary(uniqueKeysWithValues: result.notices.map { ($0.id, $0) })
    }

    @Test("Every warrant of a detail document is kept, with its country, charge, translation and category")
    func detailDocuments() throws {
        let result = try IngestFixtures.ingest("warrants/details")
        let notices = Self.notices(result)
        #expect(notices.count == 9)
        let chechen = try #require(notices["2016/48213"])
        #expect(chechen.requestingCountry == CountryValue("RU"))
        #expect(chechen.warrants.count == 2)
        #expect(chechen.warrants[0].charge == "Участие в незаконном вооружённом формировании (ч. 2 ст. 208 УК РФ)")
        #expect(chechen.warrants[0].chargeTranslation == "Participation in an illegal armed formation")
        #expect(chechen.warrants.map(\.chargeCategory) == [.terrorism, .terrorism])
        #expect(chechen.warrants[1].chargeTranslation == nil)
        let tajik = try #require(notices["2019/71550"])
        #expect(tajik.requestingCountry == CountryValue("RU"))
        #expect(tajik.nationalities == [Country("TJ")!])
        #expect(tajik.warrants.map(\.chargeCategory) == [.fraud])
        let dual = try #require(notices["2021/30117"])
        #expect(dual.requestingCountry == CountryValue("AR"))
        #expect(dual.warrants.map(\.issuingCountry.code) == ["AR", "ES"])
        #expect(dual.warrants.map(\.chargeCategory) == [.fraud, .homicide])
        #expect(dual.facts.warrants.severalCountries)
        #expect(dual.facts.warrants.categories == [.homicide, .fraud])
        #expect(notices["2014/9921"]?.warrants.first?.chargeCategory == .drugs)
        let hongKong = try #require(notices["2020/61002"])
        #expect(hongKong.requestingCountry == .unrecognized("HK"))
        #expect(hongKong.warrants.first?.issuingCountry == .unrecognized("HK"))
        #expect(hongKong.warrants.first?.chargeCategory == .fraud)
        #expect(notices["2018/15530"]?.warrants.first?.chargeCategory == ChargeCategory.other)
        #expect(notices["2017/22874"]?.warrants.first?.chargeCategory == .terrorism)
        #expect(notices["2022/4410"]?.warrants.first?.chargeCategory == .homicide)
        let missing = try #require(notices["2023/8812"])
        #expect(missing.kind == .yellowNotice)
        #expect(missing.warrants.isEmpty)
        #expect(!missing.facts.warrants.hasCharge)
        // The document fetched twice is one notice, its second copy an exact repeat.
        let source = try #require(result.sources.first)
        #expect((source.read, source.kept, source.merged, source.exactRepeats) == (10, 9, 1, 1))
        #expect(result.conflicts.isEmpty)
        #expect(result.mapsWarrants)
    }

    @Test("A pandas CSV of detail documents: Python lists of dicts, the first warrant's country requests")
    func pandasDump() throws {
        let result = try IngestFixtures.ingest("warrants/pandas")
        let notices = Self.notices(result)
        let twoCountries = try #require(notices["2016/48213"])
        #expect(twoCountries.requestingCountry == CountryValue("RU"))
        #expect(twoCountries.warrants.map(\.issuingCountry.code) == ["RU", "KZ"])
        #expect(
            twoCountries.warrants[1].charge
                == "Terrorism, according to article 255 of the Criminal Code of the Republic of Kazakhstan "
                + "('Act of terrorism')")
        #expect(twoCountries.warrants.map(\.chargeCategory) == [.terrorism, .terrorism])
        #expect(twoCountries.facts.warrants.severalCountries)
        let hongKong = try #require(notices["2020/61002"])
        #expect(hongKong.requestingCountry == .unrecognized("HK"))
        #expect(hongKong.flagged.contains(.requestingCountry))
        let none = try #require(notices["2021/30117"])
        #expect(none.warrants.isEmpty)
        #expect(none.requestingCountry == .unrecognized(""))
        #expect(none.flagged.isEmpty)
        // A cut-off list is a value not understood: the notice is kept, flagged, with no warrant.
        let cut = try #require(notices["2018/15530"])
        #expect(cut.warrants.isEmpty)
        #expect(cut.flagged.contains(.warrants))
        let value = try #require(result.valuesNotUnderstood.first { $0.field == "warrants" })
        #expect(value.rawValue == "[{'issuing_country_id': 'FR', 'charge': 'Blanchiment")
        #expect(value.count == 1)
        // The requesting country came from the first warrant: its mapping goes under warrants.
        #expect(
            result.mappingSuggestions.map(\.yaml) == [
                "      warrants:\n        from: \"arrest_warrants\"\n        values:\n"
                    + "          \"HK\": CN  # Hong Kong's sub-bureau is part of China's NCB\n"
            ])
    }

    @Test("A register's Charges and Charge translation columns map with no sources file")
    func registerCharges() throws {
        let result = try IngestFixtures.ingest("warrants/register")
        let mapping = try #require(result.sources.first?.mapping)
        #expect(mapping.contains { $0.hasPrefix("charge ← ") || $0.contains("charge") })
        let notices = Self.notices(result)
        #expect(notices.count == 7)
        let russian = try #require(notices["RN-2011-0042"])
        #expect(russian.warrants.count == 1)
        #expect(russian.warrants[0].issuingCountry == CountryValue("RU"))
        #expect(russian.warrants[0].chargeCategory == .terrorism)
        #expect(russian.warrants[0].chargeTranslation == "Participation in an illegal armed formation")
        #expect(notices["RN-2012-0107"]?.warrants.first?.chargeCategory == .drugs)
        #expect(notices["RN-2012-0107"]?.warrants.first?.chargeTranslation == nil)
        #expect(notices["RN-2013-0311"]?.warrants.first?.chargeCategory == .homicide)
        #expect(notices["RN-2014-0020"]?.warrants.first?.chargeCategory == .fraud)
        #expect(notices["RN-2015-0999"]?.warrants == [])
        #expect(notices["RN-2016-0500"]?.warrants.first?.chargeCategory == .fraud)
        #expect(notices["RN-2017-0077"]?.warrants.first?.chargeCategory == .drugs)
    }

    @Test("A capped scrape: identical rows are exact repeats, a row that differs is a merged conflict")
    func cappedScrape() throws {
        let result = try IngestFixtures.ingest("warrants/capped-scrape")
        #expect(result.notices.count == 4)
        let source = try #require(result.sources.first)
        #expect(source.read == 17)
        #expect(source.kept == 4)
        #expect(source.merged == 13)
        #expect(source.exactRepeats == 12)
        #expect(source.quarantined == 0)
        #expect(source.withValuesNotUnderstood == 0)
        #expect(result.conflicts.map(\.id) == ["2019/98458"])
        #expect(result.notices.allSatisfy { $0.warrants.isEmpty })
        #expect(Self.notices(result)["2013/41497"]?.nationalities == [Country("NG")!, Country("GB")!])
    }

    @Test("From a sources file: warrants mapped to the array, values: maps an issuing country, no requesting country")
    func sourcesFile() throws {
        let yaml = """
            version: 1
            sources:
              - name: details
                path: details.ndjson
                record: notice
                fields:
                  id: entity_id
                  warrants:
                    from: arrest_warrants
                    values:
                      "HK": CN
            """
        let lines = [
            #"{"entity_id": "2020/61002", "arrest_warrants": [{"issuing_country_id": "HK", "charge": "Conspiracy to defraud"}]}"#,
            #"{"entity_id": "2022/4410", "arrest_warrants": [{"issuing_country_id": "EG", "charge": "\u0627\u0644\u0642\u062a\u0644 \u0627\u0644\u0639\u0645\u062f"}]}"#,
            #"{"entity_id": "2023/8812", "arrest_warrants": null}"#,
        ]
        let folder = try IngestFixtures.temporaryFolder(text: [
            "sources.yml": yaml, "details.ndjson": lines.joined(separator: "\n") + "\n",
        ])
        let notices = Self.notices(try DatasetIngestor(directory: folder).ingest())
        #expect(notices["2020/61002"]?.requestingCountry == CountryValue("CN"))
        #expect(notices["2020/61002"]?.warrants.first?.issuingCountry == CountryValue("CN"))
        #expect(notices["2020/61002"]?.flagged == [])
        #expect(notices["2022/4410"]?.warrants.first?.charge == "القتل العمد")
        #expect(notices["2022/4410"]?.warrants.first?.chargeCategory == .homicide)
        #expect(notices["2023/8812"]?.warrants == [])
    }

    @Test("In a series of captures, a notice seen again the next night is a sighting; a repeat within one night is")
    func capturesAreNotRepeats() throws {
        let header = "entity_id,forename,name,date_of_birth,nationalities\n"
        let night = "2019/98458,IRINA,SOKOLOVA,1997/07/12,\"RU,IL\"\n2013/41497,CHINEDU,OKAFOR,1985/06/14,NG\n"
        let folder = try IngestFixtures.temporaryFolder(text: [
            "snapshots/2026-11-01/red_notices.csv": header + night,
            "snapshots/2026-11-02/red_notices.csv": header + night + "2013/41497,CHINEDU,OKAFOR,1985/06/14,NG\n",
        ])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.captures.count == 2)
        #expect(result.sources.map(\.merged) == [0, 3])
        #expect(result.sources.map(\.exactRepeats) == [0, 1])
        let spilled = try SpillTests.ingest(folder, budget: 0, piece: 1)
        #expect(spilled.sources.map(\.exactRepeats) == [0, 1])
    }

    @Test("Between two captures of detail documents, a changed charge is a modification of the warrants")
    func chargeChangedBetweenCaptures() throws {
        func document(_ charge: String) -> String {
            #"[{"entity_id": "2019/71550", "nationalities": ["TJ"], "arrest_warrants": [{"issuing_country_id": "RU", "#
                + #""charge": "\#(charge)", "charge_translation": null}]}]"#
        }
        let folder = try IngestFixtures.temporaryFolder(text: [
            "snapshots/2026-11-01/details.json": document("Мошенничество"),
            "snapshots/2026-11-02/details.json": document("Мошенничество в особо крупном размере"),
        ])
        let result = try DatasetIngestor(directory: folder).ingest()
        #expect(result.conflicts.isEmpty)
        #expect(result.presences.first?.modifications.map(\.fields) == [["warrants"]])
    }

    @Test("Spilled to disk, warrants and exact repeats come back as read in memory", arguments: [0, 3])
    func spilled(budget: Int) throws {
        for folder in ["warrants/details", "warrants/pandas", "warrants/capped-scrape"] {
            let expected = try SpillTests.ingest(IngestFixtures.folder(folder))
            let spilled = try SpillTests.ingest(IngestFixtures.folder(folder), budget: budget, piece: 2)
            SpillTests.expectSame(spilled, expected)
            #expect(Array(spilled.notices).map(\.warrants) == Array(expected.notices).map(\.warrants))
            #expect(spilled.sources.map(\.exactRepeats) == expected.sources.map(\.exactRepeats))
        }
    }

    @Test("Merging: a notice without warrants takes them from a later copy, two lists that differ conflict")
    func merging() {
        let location = SourceLocation(source: "s", file: "a.json", line: 1, record: 1)
        let warrant = Warrant(matching: "Мошенничество", translation: nil, issuingCountry: CountryValue("RU"))
        var kept = Notice(
            id: "2019/1", kind: .redNotice, requestingCountry: .unrecognized(""), issueDate: nil, status: .unknown,
            cancellationDate: nil, cancellationReason: .unknown, provenance: location)
        var detail = kept
        detail.warrants = [warrant]
        #expect(RecordMerger.combine(&kept, detail).isEmpty)
        #expect(kept.warrants == [warrant])
        var other = detail
        other.warrants = [Warrant(matching: "Murder", translation: nil, issuingCountry: CountryValue("KZ"))]
        let differences = RecordMerger.combine(&kept, other)
        #expect(differences.map(\.field) == [.warrants])
        #expect(differences.first?.kept == "RU: Мошенничество")
        #expect(kept.warrants == [warrant])
    }
}

/// The charge matcher: case and accents folded, the charge and its translation, six languages.
@Suite struct ChargeMatcherTests {
    @Test(
        "Common charges in Russian, Spanish, French, English, Turkish and Arabic",
        arguments: [
            ("УЧАСТИЕ В НЕЗАКОННОМ ВООРУЖЁННОМ ФОРМИРОВАНИИ", nil, ChargeCategory.terrorism),
            ("ч. 2 ст. 208 УК РФ", "Participation in an illegal armed formation", .terrorism),
            ("Terrorismo", nil, .terrorism),
            ("Apologie du terrorisme", nil, .terrorism),
            ("Silahlı Terör Örgütü Üyeliği", nil, .terrorism),
            ("الانضمام إلى جماعة إرهابية", nil, .terrorism),
            ("Убийство", nil, .homicide),
            ("HOMICIDIO", nil, .homicide),
            ("Meurtre avec préméditation", nil, .homicide),
            ("Kasten öldürme", nil, .homicide),
            ("Незаконный сбыт наркотиков", nil, .drugs),
            ("Tráfico de estupefacientes", nil, .drugs),
            ("Trafic de stupéfiants", nil, .drugs),
            ("Uyuşturucu ticareti", nil, .drugs),
            ("Мошенничество", nil, .fraud),
            ("ESTAFA", nil, .fraud),
            ("Escroquerie", nil, .fraud),
            ("Nitelikli DOLANDIRICILIK", nil, .fraud),
            ("Wire fraud", nil, .fraud),
            ("Кража", "Theft", .other),
            ("", "Money laundering", .other),
        ] as [(String, String?, ChargeCategory)])
    func categories(charge: String, translation: String?, expected: ChargeCategory) {
        #expect(ChargeMatcher.category(charge: charge, translation: translation) == expected)
    }

    @Test("The first category in priority order wins; no text has no category")
    func priorityAndAbsence() {
        #expect(ChargeMatcher.category(charge: "Estafa y homicidio", translation: nil) == .homicide)
        #expect(ChargeMatcher.category(charge: "Мошенничество", translation: "Terrorism financing") == .terrorism)
        #expect(ChargeMatcher.category(charge: "", translation: nil) == nil)
        #expect(ChargeMatcher.fold("Élodie ÖZTÜRK Ёлка") == "elodie ozturk елка")
    }

    @Test("A notice's summary: categories cited and warrants from several countries")
    func summary() {
        let warrants = [
            Warrant(matching: "Estafa", translation: nil, issuingCountry: CountryValue("AR")),
            Warrant(matching: "", translation: nil, issuingCountry: .unrecognized("")),
            Warrant(matching: "Homicidio", translation: nil, issuingCountry: CountryValue("AR")),
        ]
        let summary = WarrantSummary(warrants)
        #expect(summary.categories == [.homicide, .fraud])
        #expect(!summary.severalCountries)
        #expect(
            WarrantSummary(warrants + [Warrant(matching: "x", translation: nil, issuingCountry: CountryValue("ES"))])
                .severalCountries)
        #expect(WarrantSummary([]) == WarrantSummary())
    }
}
