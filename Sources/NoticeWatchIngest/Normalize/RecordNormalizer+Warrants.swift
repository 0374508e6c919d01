import NoticeWatchModel

/// A notice's arrest warrants: from a list of warrants (the service's `arrest_warrants`) or from one charge
/// column, each with its charge category.
extension RecordNormalizer {
    /// The warrants the values give, in the source's order; empty (no allocation) when the source maps none or
    /// gives none.
    ///
    /// - A `warrants` value is a list (``WarrantListParser``); each object gives `issuing_country_id` (or
    ///   `issuing_country`), `charge` and `charge_translation`. A scraper's placeholder (`N/A`, `None`) is no
    ///   value. Any other text is a value not understood: counted, the `warrants` flag set, no warrant kept.
    /// - Else a `charge` (and `charge_translation`) value is one warrant issued by the requesting country.
    ///
    /// - Complexity: O(bytes of the value); a charge seen before is categorized by one lookup.
    mutating func warrants(
        _ fields: RecordFields, _ location: SourceLocation, requestingCountry: CountryValue,
        _ flagged: inout FlaggedFields
    ) -> [Warrant] {
        if let bytes = value(.warrants, fields) {
            guard let objects = WarrantListParser.parse(bytes) else {
                if !WarrantListParser.isPlaceholder(bytes) {
                    let entry = tally.entry(.warrants, RecordNormalizer.string(bytes), at: location)
                    flag(.warrants, entry: entry, &flagged)
                }
                return []
            }
            return objects.map { object in
                let country = object["issuingcountryid"] ?? object["issuingcountry"] ?? object["country"] ?? ""
                return warrant(
                    charge: TextFolding.trim(object["charge"] ?? ""),
                    translation: object["chargetranslation"].map(TextFolding.trim).flatMap { $0.isEmpty ? nil : $0 },
                    issuingCountry: issuingCountry(TextFolding.trim(country)))
            }
        }
        let charge = text(.charge, fields)
        let translation = text(.chargeTranslation, fields)
        guard charge != nil || translation != nil else { return [] }
        return [warrant(charge: charge ?? "", translation: translation, issuingCountry: requestingCountry)]
    }

    /// The warrant of a charge, its category looked up once per distinct charge and translation.
    mutating func warrant(charge: String, translation: String?, issuingCountry: CountryValue) -> Warrant {
        let key = translation.map { charge + "\u{0}" + $0 } ?? charge
        let category: ChargeCategory?
        if let known = chargeCategories[key] {
            category = known
        } else {
            category = ChargeMatcher.category(charge: charge, translation: translation)
            if chargeCategories.count < ByteCache.limit { chargeCategories[key] = .some(category) }
        }
        return Warrant(
            issuingCountry: issuingCountry, charge: charge, chargeTranslation: translation, chargeCategory: category)
    }

    /// A warrant's issuing country: a member (after the source's `values:` on `warrants`, then on
    /// `requesting_country`), else the text.
    func issuingCountry(_ text: String) -> CountryValue {
        guard !text.isEmpty else { return .unrecognized("") }
        let mapped =
            plans[NormalizedField.warrants.position]?.vocabulary?.category(for: text)
            ?? plans[NormalizedField.requestingCountry.position]?.vocabulary?.category(for: text)
        return CountryValue(mapped ?? text)
    }

    /// The requesting country when the source maps none and the first warrant names its issuing country (the
    /// service's rule: the first warrant's country requests); an issuing country that names no member is a value
    /// not understood of `requesting_country`.
    mutating func requestingCountry(
        from warrants: [Warrant], _ location: SourceLocation, _ flagged: inout FlaggedFields
    ) -> CountryValue? {
        guard let first = warrants.first?.issuingCountry, first.code != "" else { return nil }
        if first.member == nil {
            flag(.requestingCountry, entry: tally.entry(.requestingCountry, first.code, at: location), &flagged)
        }
        return first
    }
}
