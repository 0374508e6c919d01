/// One of Interpol's 196 member countries.
///
/// A `Country` is a small index into ``CountryTable/members`` (sorted by ISO alpha-2 code), so records stay
/// compact and comparisons are integer comparisons. Countries order by their alpha-2 code.
public struct Country: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position in the table, in one byte (there are 196 members).
    private let storedIndex: UInt8

    /// The position of this country in ``CountryTable/members``.
    public var index: Int { Int(storedIndex) }

    /// Creates the country at `index` of ``CountryTable/members``; the index must be in range.
    public init(index: Int) {
        precondition(CountryTable.members.indices.contains(index), "country index \(index) out of range")
        storedIndex = UInt8(index)
    }

    /// The table entry: codes and names.
    public var entry: CountryTable.Entry { CountryTable.members[index] }
    /// ISO 3166-1 alpha-2 code, upper case (`RU`).
    public var alpha2: String { entry.alpha2 }
    /// ISO 3166-1 alpha-3 code, upper case (`RUS`).
    public var alpha3: String { entry.alpha3 }
    /// The short English name used in reports (`Russia`).
    public var name: String { entry.english }

    /// The short English name.
    public var description: String { entry.english }

    public static func < (lhs: Country, rhs: Country) -> Bool { lhs.storedIndex < rhs.storedIndex }

    /// Every member country, in table order (by alpha-2 code).
    public static var allMembers: [Country] { CountryTable.members.indices.map(Country.init(index:)) }

    /// The member country that `text` names: an ISO alpha-2 or alpha-3 code, an English, French or Spanish
    /// name, a common short name or a former name. Case, spaces, punctuation and diacritics are ignored in
    /// names; a code must stand alone (`ru`, ` RUS `), so `N/A` is not Namibia's `NA`.
    ///
    /// Returns `nil` for anything not in the table and for names that fit more than one member (`Congo`):
    /// a country is never guessed.
    public init?(_ text: some StringProtocol) {
        guard let index = CountryTable.index(forName: text) else { return nil }
        self.init(index: index)
    }
}
