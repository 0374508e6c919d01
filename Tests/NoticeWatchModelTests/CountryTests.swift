import Foundation
import NoticeWatchModel
import Testing

@Suite("Country table")
struct CountryTests {
    @Test(
        "Codes, names in three languages, formal, short and former names resolve",
        arguments: [
            ("Russia", "RU"), ("Russian Federation", "RU"), ("Russie", "RU"), ("Rusia", "RU"), ("RUS", "RU"),
            ("RU", "RU"), ("rus", "RU"), ("  russia ", "RU"), ("\tRU\n", "RU"), ("Fédération de Russie", "RU"),
            ("Türkiye", "TR"), ("Tu\u{308}rkiye", "TR"), ("Turkey", "TR"), ("TURKIYE", "TR"), ("Turquie", "TR"),
            ("Turquía", "TR"), ("Iran (Islamic Republic of)", "IR"), ("Iran, Islamic Republic of", "IR"),
            ("Islamic Republic of Iran", "IR"), ("Moldova", "MD"), ("Republic of Moldova", "MD"),
            ("Moldova, Republic of", "MD"), ("UK", "GB"), ("U.K.", "GB"), ("Great Britain", "GB"),
            ("Britain", "GB"), ("GBR", "GB"), ("USA", "US"), ("U.S.", "US"), ("U.S.A.", "US"),
            ("United States of America", "US"), ("United States", "US"), ("États-Unis", "US"), ("Etats Unis", "US"),
            ("Côte d'Ivoire", "CI"), ("Cote d'Ivoire", "CI"), ("Côte d\u{2019}Ivoire", "CI"), ("COTE D IVOIRE", "CI"),
            ("Ivory Coast", "CI"), ("South Korea", "KR"), ("Republic of Korea", "KR"), ("Korea, Republic of", "KR"),
            ("Bolivia (Plurinational State of)", "BO"), ("Venezuela (Bolivarian Republic of)", "VE"),
            ("United Republic of Tanzania", "TZ"), ("Tanzania", "TZ"), ("Vietnam", "VN"), ("Viet Nam", "VN"),
            ("Laos", "LA"), ("Việt Nam", "VN"), ("Lao People's Democratic Republic", "LA"), ("Czechia", "CZ"),
            ("Czech Republic", "CZ"),
            ("North Macedonia", "MK"), ("Macedonia", "MK"), ("FYROM", "MK"), ("Eswatini", "SZ"), ("Swaziland", "SZ"),
            ("Burma", "MM"), ("Zaire", "CD"), ("DR Congo", "CD"), ("DRC", "CD"),
            ("Democratic Republic of the Congo", "CD"), ("Republic of the Congo", "CG"), ("Congo-Brazzaville", "CG"),
            ("Cape Verde", "CV"), ("East Timor", "TL"), ("Holland", "NL"), ("The Netherlands", "NL"),
            ("Syria", "SY"), ("Syrian Arab Republic", "SY"), ("Holy See", "VA"), ("Vatican City State", "VA"),
            ("State of Palestine", "PS"), ("Aruba", "AW"), ("Curacao", "CW"), ("Curaçao", "CW"),
            ("Sint Maarten", "SX"), ("Palau", "PW"), ("Micronesia", "FM"), ("Guinea", "GN"),
            ("Equatorial Guinea", "GQ"), ("St Kitts & Nevis", "KN"), ("Trinidad & Tobago", "TT"), ("UAE", "AE"),
            ("CAR", "CF"), ("Lao PDR", "LA"), ("NA", "NA"), ("no", "NO"), ("in", "IN"), ("CHE", "CH"),
        ])
    func resolves(name: String, alpha2: String) {
        #expect(Country(name)?.alpha2 == alpha2)
    }

    @Test(
        "Non-members, former unions, missing-value marks and empty text resolve to nothing",
        arguments: [
            "Atlantis", "Kosovo", "XK", "North Korea", "DPRK", "KP", "PRK", "Korea",
            "Democratic People's Republic of Korea", "Korea, Democratic People's Republic of", "Tuvalu", "TV",
            "Taiwan", "Hong Kong", "Macao", "USSR", "Soviet Union", "Yugoslavia", "Czechoslovakia",
            "Netherlands Antilles", "", " ", "-", "--", "N/A", "n/a", "n.a.", "RU.", "R U", "ZZ", "ZZZ", "?",
        ])
    func unknown(name: String) {
        #expect(Country(name) == nil)
    }

    @Test("A name that fits two members is never resolved", arguments: ["Congo", "CONGO", " congo ", "Cóngo"])
    func ambiguous(name: String) {
        #expect(Country(name) == nil)
        #expect(CountryTable.ambiguousKeys.contains(CountryTable.key(name)))
    }

    @Test("The ambiguous keys are exactly the expected ones")
    func ambiguousKeys() {
        #expect(CountryTable.ambiguousKeys == ["congo"])
    }

    @Test("There are 196 members with unique, well-formed codes")
    func membership() {
        let members = CountryTable.members
        #expect(members.count == 196)
        #expect(Set(members.map(\.alpha2)).count == 196)
        #expect(Set(members.map(\.alpha3)).count == 196)
        let upper = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        #expect(members.filter { $0.alpha2.count != 2 || !$0.alpha2.allSatisfy(upper.contains) }.isEmpty)
        #expect(members.filter { $0.alpha3.count != 3 || !$0.alpha3.allSatisfy(upper.contains) }.isEmpty)
        #expect(Country.allMembers.count == 196)
    }

    @Test("The table is sorted by alpha-2 code, and countries order by it")
    func sorted() {
        let codes = CountryTable.members.map(\.alpha2)
        #expect(codes == codes.sorted())
        #expect(Country.allMembers == Country.allMembers.sorted())
        #expect(Country("AD")! < Country("ZW")!)
        #expect(Country("Russia")! < Country("Türkiye")!)
    }

    @Test("Members outside the United Nations and the newest members are in the table")
    func particularMembers() {
        for code in ["PS", "VA", "AW", "CW", "SX", "PW", "FM", "KI", "VU", "SS", "SB"] {
            #expect(Country(code)?.alpha2 == code)
        }
    }

    @Test("Every member is found by each of its codes and names", arguments: CountryTable.members)
    func everyName(entry: CountryTable.Entry) {
        let names = [
            entry.alpha2, entry.alpha3, entry.alpha2.lowercased(), entry.alpha3.lowercased(), entry.english,
            entry.french, entry.spanish,
        ]
        for name in names {
            #expect(Country(name)?.alpha2 == entry.alpha2, "\(name)")
        }
        for alias in entry.aliases where !CountryTable.ambiguousKeys.contains(CountryTable.key(alias)) {
            #expect(Country(alias)?.alpha2 == entry.alpha2, "\(alias)")
        }
    }

    @Test("Every field is filled and trimmed", arguments: CountryTable.members)
    func wellFormed(entry: CountryTable.Entry) {
        for field in [entry.english, entry.french, entry.spanish] + entry.aliases {
            #expect(!field.isEmpty)
            #expect(field.first?.isWhitespace == false && field.last?.isWhitespace == false, "\(field)")
            #expect(!CountryTable.key(field).isEmpty, "\(field)")
        }
    }

    @Test("No short alias is another member's code")
    func aliasesAreNotOtherCodes() {
        var codeOwner: [String: String] = [:]
        for entry in CountryTable.members {
            codeOwner[entry.alpha2.lowercased()] = entry.alpha2
            codeOwner[entry.alpha3.lowercased()] = entry.alpha2
        }
        var clashes: [String] = []
        for entry in CountryTable.members {
            for name in [entry.english, entry.french, entry.spanish] + entry.aliases {
                if let owner = codeOwner[CountryTable.key(name)], owner != entry.alpha2 {
                    clashes.append("\(entry.alpha2): \(name) is the code of \(owner)")
                }
            }
        }
        #expect(clashes == [])
    }

    @Test(
        "Lookup keys fold case, punctuation and Latin diacritics",
        arguments: [
            ("Türkiye", "turkiye"), ("Tu\u{308}rkiye", "turkiye"), ("Côte d'Ivoire", "cotedivoire"),
            ("Iran (Islamic Republic of)", "iranislamicrepublicof"), ("St Kitts & Nevis", "stkittsandnevis"),
            ("Ísland", "island"), ("Česko", "cesko"), ("Österreich", "osterreich"), ("São Tomé", "saotome"),
            ("  U.S.A. ", "usa"), ("Việt Nam", "vietnam"),
            ("Vie\u{323}\u{302}t Nam", "vietnam"), ("Ơ Ư Ỵ Ỹ", "ouyy"), ("Țară și", "tarasi"), ("", ""), ("-", ""),
            ("N/A", "na"),
        ])
    func key(text: String, folded: String) {
        #expect(CountryTable.key(text) == folded)
    }

    @Test("A country prints its English short name and carries its codes")
    func printing() {
        let russia = Country("Russian Federation")!
        #expect(russia.description == "Russia")
        #expect(russia.name == "Russia")
        #expect(russia.alpha3 == "RUS")
        #expect(Country(index: russia.index) == russia)
        #expect(Country("Turkey")!.description == "Türkiye")
        #expect(Country("Republic of Korea")!.description == "South Korea")
        #expect(Country("Swaziland")!.description == "Eswatini")
    }

    @Test("Datasets/COUNTRIES.md lists exactly the members of the table, in order")
    func documentation() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Datasets").appendingPathComponent("COUNTRIES.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let rows = text.split(separator: "\n").map(String.init).filter { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.count == 3 && cells[0].count == 2 && cells[0].allSatisfy(\.isUppercase)
        }
        let expected = CountryTable.members.map { "| \($0.alpha2) | \($0.alpha3) | \($0.english) |" }
        #expect(rows.count == 196)
        #expect(rows.count == expected.count)
        let differences = zip(rows, expected).filter { $0 != $1 }.map { "\($0) should be \($1)" }
        #expect(differences == [])
    }
}
