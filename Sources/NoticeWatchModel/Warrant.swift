/// The kind of offence a warrant's charge names, for the common cases; the charge's text is kept beside it.
///
/// Declared in priority order: a charge that names several (`"terrorism and murder"`) takes the first.
public enum ChargeCategory: String, Hashable, Sendable, CaseIterable, Codable, Comparable {
    /// Terrorism, and taking part in an illegal armed formation (the Russian Criminal Code's article 208).
    case terrorism
    case homicide
    case drugs
    case fraud
    /// A charge given that names none of the above.
    case other

    /// The category's position in ``allCases``.
    public var ordinal: Int {
        switch self {
        case .terrorism: 0
        case .homicide: 1
        case .drugs: 2
        case .fraud: 3
        case .other: 4
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// One arrest warrant of a notice: the country that issued it and the charge as the source writes it.
public struct Warrant: Hashable, Sendable {
    /// The issuing country: a member, the text that names none (`HK`), or `.unrecognized("")` when not given.
    public var issuingCountry: CountryValue
    /// The charge as written (usually in the issuing country's language), trimmed; `""` when not given.
    public var charge: String
    /// The charge's translation (English when the service gives one), trimmed; `nil` when not given.
    public var chargeTranslation: String?
    /// The category of the charge and its translation (``ChargeMatcher``); `nil` when neither is given.
    public var chargeCategory: ChargeCategory?

    public init(
        issuingCountry: CountryValue, charge: String, chargeTranslation: String? = nil,
        chargeCategory: ChargeCategory? = nil
    ) {
        self.issuingCountry = issuingCountry
        self.charge = charge
        self.chargeTranslation = chargeTranslation
        self.chargeCategory = chargeCategory
    }

    /// A warrant whose category is matched from its charge and translation.
    public init(matching charge: String, translation: String?, issuingCountry: CountryValue) {
        self.init(
            issuingCountry: issuingCountry, charge: charge, chargeTranslation: translation,
            chargeCategory: ChargeMatcher.category(charge: charge, translation: translation))
    }
}

/// What figures read of a notice's warrants, in two bytes: the charge categories its warrants cite and whether
/// they come from several issuing countries.
public struct WarrantSummary: Hashable, Sendable {
    /// One bit per ``ChargeCategory`` ordinal.
    public var categoryBits: UInt8
    /// Whether the warrants name two or more different issuing countries.
    public var severalCountries: Bool

    public init(categoryBits: UInt8 = 0, severalCountries: Bool = false) {
        self.categoryBits = categoryBits
        self.severalCountries = severalCountries
    }

    /// The summary of `warrants`.
    ///
    /// - Complexity: O(w²) in the number of warrants (a handful); nothing is allocated.
    public init(_ warrants: [Warrant]) {
        var bits: UInt8 = 0
        var several = false
        for (index, warrant) in warrants.enumerated() {
            if let category = warrant.chargeCategory { bits |= 1 << UInt8(category.ordinal) }
            if !several, warrant.issuingCountry.code != "" {
                several = warrants[..<index].contains {
                    $0.issuingCountry.code != "" && $0.issuingCountry.code != warrant.issuingCountry.code
                }
            }
        }
        self.init(categoryBits: bits, severalCountries: several)
    }

    /// Whether any warrant has a charge (a category).
    public var hasCharge: Bool { categoryBits != 0 }

    /// Whether a warrant's charge falls in `category`.
    public func cites(_ category: ChargeCategory) -> Bool { categoryBits & (1 << UInt8(category.ordinal)) != 0 }

    /// The categories cited, in ``ChargeCategory`` order.
    public var categories: [ChargeCategory] { ChargeCategory.allCases.filter(cites) }
}
