public import NoticeWatchModel

/// Notices by the charge categories of their arrest warrants.
///
/// Definition: a notice counts when at least one of its warrants names a charge; it counts once under each
/// category its warrants' charges fall in (a notice charged with fraud and murder under both, so the shares of a
/// group can add up to more than 100%). Shares are of the notices with a charge of the group, with Wilson
/// intervals. A notice counts for its requesting country, which is its first warrant's issuing country when
/// the source names no other; notices whose warrants come from several countries are counted apart.
enum ChargeFigure {
    static let id = "notice-charges"

    static func definition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: id, title: "Notices by charge",
            text: "A notice counts when one of its arrest warrants names a charge, once under each category its "
                + "charges fall in (terrorism, including taking part in an illegal armed formation; homicide; "
                + "drugs; fraud; other), matched on the words of the charge and of its translation, so shares "
                + "can add up to more than 100%. Shares are of the notices with a charge, overall and per "
                + "requesting country (the first warrant's issuing country when the source names no other), "
                + "with a \(WilsonInterval.methodText(confidenceLevel: options.confidenceLevel)). Notices whose "
                + "warrants come from several countries count for the first and are counted apart.")
    }

    /// The figure from counts by (requesting country, categories cited) and the count of notices with warrants
    /// from several countries.
    static func make(_ counts: [ChargeKey: Int], severalCountries: Int, options: AnalysisOptions) -> NoticeCharges {
        var overall = [Int](repeating: 0, count: ChargeCategory.allCases.count)
        var overallNotices = 0
        var byCountry: [PackedCountryKey: (notices: Int, categories: [Int])] = [:]
        for (key, count) in counts where key.categoryBits != 0 {
            overallNotices += count
            var entry =
                byCountry[PackedCountryKey(key.country)]
                ?? (0, [Int](repeating: 0, count: ChargeCategory.allCases.count))
            entry.notices += count
            for category in ChargeCategory.allCases where key.categoryBits & (1 << UInt8(category.ordinal)) != 0 {
                overall[category.ordinal] += count
                entry.categories[category.ordinal] += count
            }
            byCountry[PackedCountryKey(key.country)] = entry
        }
        func group(_ country: Country?, overall isOverall: Bool, _ notices: Int, _ cited: [Int]) -> NoticeCharges.Group
        {
            NoticeCharges.Group(
                country: country, isOverall: isOverall, notices: notices,
                rows: ChargeCategory.allCases.map { category in
                    let count = cited[category.ordinal]
                    return NoticeCharges.Row(
                        category: category, notices: count,
                        share: notices == 0 ? 0 : Double(count) / Double(notices),
                        interval: WilsonInterval.interval(
                            successes: count, trials: notices, confidenceLevel: options.confidenceLevel))
                })
        }
        var countries = byCountry.compactMap { key, entry -> NoticeCharges.Group? in
            guard let country = key.country else { return nil }
            return group(country, overall: false, entry.notices, entry.categories)
        }
        .sorted { ($0.notices, $1.country?.alpha2 ?? "") > ($1.notices, $0.country?.alpha2 ?? "") }
        if let unrecognized = byCountry[PackedCountryKey(nil)] {
            countries.append(group(nil, overall: false, unrecognized.notices, unrecognized.categories))
        }
        return NoticeCharges(
            overall: group(nil, overall: true, overallNotices, overall), countries: countries,
            severalCountries: severalCountries)
    }
}

/// An optional member country as a dictionary key.
struct PackedCountryKey: Hashable {
    var country: Country?

    init(_ country: Country?) { self.country = country }
}

/// A key of ``PartialAggregate``'s charge counts: the requesting country (8 bits), the categories cited (8 bits)
/// and whether the warrants come from several countries (1 bit).
struct ChargeKey: PackedKey {
    var country: Country?
    var categoryBits: UInt8
    var severalCountries: Bool

    var packed: UInt64 {
        PackedCountry.pack(country) << 16 | UInt64(categoryBits) << 8 | (severalCountries ? 1 : 0)
    }

    init(country: Country?, categoryBits: UInt8, severalCountries: Bool) {
        self.country = country
        self.categoryBits = categoryBits
        self.severalCountries = severalCountries
    }

    init(packed: UInt64) {
        self.init(
            country: PackedCountry.unpack(packed >> 16), categoryBits: UInt8((packed >> 8) & 0xFF),
            severalCountries: packed & 1 == 1)
    }
}

extension PartialAggregate {
    /// Counts a notice's warrants when it has a charge or warrants from several countries (nothing else is
    /// touched for a notice without warrants).
    @inline(__always)
    mutating func addCharges(_ notice: Notice.Facts) {
        let summary = notice.warrants
        guard summary.categoryBits != 0 || summary.severalCountries else { return }
        charges.add(
            ChargeKey(
                country: notice.requestingCountry, categoryBits: summary.categoryBits,
                severalCountries: summary.severalCountries))
    }

    /// The figure of the counted notices.
    func chargeFigure(options: AnalysisOptions) -> NoticeCharges {
        let counts = charges.dictionary
        let several = counts.reduce(0) { $0 + ($1.key.severalCountries ? $1.value : 0) }
        var merged: [ChargeKey: Int] = [:]
        for (key, count) in counts {
            let single = ChargeKey(country: key.country, categoryBits: key.categoryBits, severalCountries: false)
            merged[single, default: 0] += count
        }
        return ChargeFigure.make(merged, severalCountries: several, options: options)
    }
}
