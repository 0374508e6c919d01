import NoticeWatchModel

/// Complaint volumes per requesting country: the computation of ``ComplaintVolumes`` and its definition.
enum VolumeFigure {
    static let id = "complaint-volume"

    /// The definition the report prints.
    static func definition(options: AnalysisOptions) -> FigureDefinition {
        FigureDefinition(
            id: id, title: "Complaints per requesting country",
            text: "Every CCF complaint counted once, under the member country that requested the challenged "
                + "notice or diffusion, whatever its outcome. Per calendar year of filing; complaints with no "
                + "filing date count in the total and in \"year unknown\", in no year column. All "
                + "\(Country.allMembers.count) member countries are listed, zeros included. Rank: by total, "
                + "descending; equal totals share a rank (competition ranking 1, 2, 2, 4) and are listed by "
                + "ISO alpha-2 code. Complaints whose requesting country is not recognized or not given count in the "
                + "total and in one \"unrecognized / not a member\" row, never in a member's row or the ranking. "
                + "Share: the country's total over all complaints (denominator: every complaint, "
                + "including those with no filing year). Years run without gaps from the first to the last year of "
                + "filing. When the as-of date (\(options.asOf)) falls before the end of the last year, that "
                + "year is partial and labelled so with the months it covers (for example \"2025 (partial: "
                + "Jan–Jun)\") in every table, chart and sentence. Change: complaints filed in the last complete "
                + "year minus the complete year before it; a partial year is never compared with a full one, so "
                + "with a partial last year the change is between the two years before it (the column says which)."
        )
    }

    /// Builds the volume table from complaint counts per (country, filing year).
    ///
    /// - Complexity: O(c·y + k) for c countries, y years and k keys.
    static func make(_ filings: [PartialAggregate.FilingKey: Int], asOf: CivilDate) -> ComplaintVolumes {
        let knownYears = filings.keys.compactMap(\.year)
        let years: [Int] = knownYears.min().map { first in Array(first...knownYears.max()!) } ?? []
        let partialYear = PartialYear.of(lastYear: years.last, asOf: asOf)
        let complete = partialYear == nil ? years.count : years.count - 1
        let members = Country.allMembers
        var totals = [Int](repeating: 0, count: members.count)
        var byYear = [[Int]](repeating: [Int](repeating: 0, count: years.count), count: members.count)
        var unknownYear = 0
        var unrecognized = 0
        var unrecognizedByYear = [Int](repeating: 0, count: years.count)
        for (key, count) in filings {
            if let year = key.year {
                if let country = key.country {
                    byYear[country.index][year - years[0]] += count
                } else {
                    unrecognizedByYear[year - years[0]] += count
                }
            } else {
                unknownYear += count
            }
            if let country = key.country { totals[country.index] += count } else { unrecognized += count }
        }
        let total = totals.reduce(0, +) + unrecognized
        var rows = members.map { country in
            ComplaintVolumes.Row(
                country: country, total: totals[country.index], rank: 0,
                share: total == 0 ? 0 : Double(totals[country.index]) / Double(total),
                byYear: byYear[country.index],
                changeFromPreviousYear: complete < 2
                    ? nil : byYear[country.index][complete - 1] - byYear[country.index][complete - 2]
            )
        }
        rows.sort { ($1.total, $0.country.alpha2) < ($0.total, $1.country.alpha2) }
        for position in rows.indices {
            let tied = position > 0 && rows[position - 1].total == rows[position].total
            rows[position].rank = tied ? rows[position - 1].rank : position + 1
        }
        let totalByYear = years.indices.map { column in
            byYear.reduce(unrecognizedByYear[column]) { $0 + $1[column] }
        }
        return ComplaintVolumes(
            rows: rows, years: years, total: total, totalByYear: totalByYear, unknownYear: unknownYear,
            partialYear: partialYear, unrecognized: unrecognized, unrecognizedByYear: unrecognizedByYear
        )
    }
}
