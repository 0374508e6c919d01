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
                + "ISO alpha-2 code. Share: the country's total over all complaints (denominator: every complaint, "
                + "including those with no filing year). Change: complaints filed in the last year shown minus the "
                + "calendar year before it. Years run without gaps from the first to the last year of filing."
        )
    }

    /// Builds the volume table from complaint counts per (country, filing year).
    ///
    /// - Complexity: O(c·y + k) for c countries, y years and k keys.
    static func make(_ filings: [PartialAggregate.FilingKey: Int]) -> ComplaintVolumes {
        let knownYears = filings.keys.compactMap(\.year)
        let years: [Int] = knownYears.min().map { first in Array(first...knownYears.max()!) } ?? []
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
                changeFromPreviousYear: years.count < 2
                    ? nil : byYear[country.index][years.count - 1] - byYear[country.index][years.count - 2]
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
            unrecognized: unrecognized, unrecognizedByYear: unrecognizedByYear
        )
    }
}
