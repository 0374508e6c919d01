/// A country as a record holds it: a member country, or the text of a country that is not recognized.
///
/// Invariant: ``unrecognized(_:)`` holds the trimmed text as the source wrote it, text that
/// ``Country/init(_:)`` resolves to no member (a non-member such as `Kosovo` or `TW`, a former state such as
/// `U.S.S.R.`, an ambiguous name such as `Congo`, a typing error), or `""` when the source gives no country.
/// Such a record counts in every total and in one "unrecognized / not a member" row, never in a member's row and
/// never in a ranking. Members order before unrecognized texts; members by alpha-2 code, texts byte by byte.
public enum CountryValue: Hashable, Comparable, Sendable, CustomStringConvertible {
    case member(Country)
    case unrecognized(String)

    /// The value for `text`: the member it names, else the trimmed text as unrecognized.
    public init(_ text: some StringProtocol) {
        if let country = Country(text) {
            self = .member(country)
        } else {
            self = .unrecognized(String(text).trimmingSpaces())
        }
    }

    /// The member country, `nil` when the country is not recognized or not given.
    @inlinable
    public var member: Country? {
        if case .member(let country) = self { country } else { nil }
    }

    /// The alpha-2 code of a member, else the text as written (`""` when none was given).
    public var code: String {
        switch self {
        case .member(let country): country.alpha2
        case .unrecognized(let text): text
        }
    }

    /// The short English name of a member, else the text as written.
    public var description: String {
        switch self {
        case .member(let country): country.name
        case .unrecognized(let text): text
        }
    }

    public static func < (lhs: CountryValue, rhs: CountryValue) -> Bool {
        switch (lhs, rhs) {
        case (.member(let left), .member(let right)): left < right
        case (.member, .unrecognized): true
        case (.unrecognized, .member): false
        case (.unrecognized(let left), .unrecognized(let right)): Array(left.utf8).lexicographicallyPrecedes(right.utf8)
        }
    }
}
