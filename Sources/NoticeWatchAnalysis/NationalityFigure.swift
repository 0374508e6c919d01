public import NoticeWatchModel

/// Notices by the nationality of their subject.
///
/// Definition: every notice counts once in the total; it counts once under each member country its
/// nationalities list (a dual national under both, so rows can add up to more than the total); a notice listing
/// none counts as without nationality. Shares are of all notices. The table is made for list entries of the
/// public notices service, which name no requesting country: nationality and requesting country differ for
/// about one notice in ten where both are known, so this table is never read as one by requesting country.
enum NationalityFigure {
    static let id = "notice-nationalities"

    /// The figure from counts by nationality (key `nil`: no nationality) and the count of notices without a
    /// requesting country.
    static func make(_ counts: [Country?: Int], total: Int, withoutRequestingCountry: Int) -> NoticeNationalities {
        let rows = counts.compactMap { key, count -> NoticeNationalities.Row? in
            guard let key else { return nil }
            return NoticeNationalities.Row(
                nationality: key, notices: count, share: total == 0 ? 0 : Double(count) / Double(total))
        }
        .sorted { ($0.notices, $1.nationality) > ($1.notices, $0.nationality) }
        return NoticeNationalities(
            rows: rows, total: total, withoutNationality: counts[nil] ?? 0,
            withoutRequestingCountry: withoutRequestingCountry)
    }

    static func definition() -> FigureDefinition {
        FigureDefinition(
            id: id, title: "Notices by nationality of the subject",
            text: "Every notice counts once in the total and once under each member country among its subject's "
                + "nationalities (a dual national under both, so rows can add up to more than the total); "
                + "notices listing no member nationality are counted apart. Shares are of all notices. This is "
                + "not a count by requesting country: list entries of the public notices service name none, and "
                + "where detail pages name both, about one notice in ten is requested by a country that is not "
                + "the subject's nationality.")
    }
}

/// A nationality key of ``PartialAggregate``: the member country's table index + 1, 0 for none.
struct NationalityKey: PackedKey {
    var nationality: Country?

    var packed: UInt64 { nationality.map { UInt64($0.index) + 1 } ?? 0 }

    init(nationality: Country?) { self.nationality = nationality }

    init(packed: UInt64) { self.init(nationality: packed == 0 ? nil : Country(index: Int(packed) - 1)) }
}

extension PartialAggregate {
    /// Counts a notice under each of its nationalities (or as without nationality), and whether it names a
    /// requesting country.
    mutating func addNationalities(_ notice: Notice.Facts) {
        noticeTotal += 1
        if notice.requestingCountry == nil { noticesWithoutRequestingCountry += 1 }
        if notice.nationalities.isEmpty {
            noticesWithoutNationality += 1
            return
        }
        for nationality in notice.nationalities { nationalities.add(NationalityKey(nationality: nationality)) }
    }

    /// The figure of the counted notices.
    func nationalityFigure() -> NoticeNationalities {
        var counts: [Country?: Int] = [:]
        for (key, count) in nationalities.dictionary { counts[key.nationality, default: 0] += count }
        if noticesWithoutNationality > 0 { counts[nil, default: 0] += noticesWithoutNationality }
        return NationalityFigure.make(
            counts, total: noticeTotal, withoutRequestingCountry: noticesWithoutRequestingCountry)
    }
}
