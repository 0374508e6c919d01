import NoticeWatchModel
import NoticeWatchReport

/// A run that crowds every chart: the 30 member countries with the longest English names, 25 years of
/// filing ending in a partial year, a year without decisions, long Kaplan–Meier curves of five countries, and
/// input files named in French, Russian and Chinese, in several folders.
enum CrowdedChartFixture {
    static let asOf = CivilDate(year: 2025, month: 6, day: 30)!
    static let years = Array(2001...2025)

    /// Longest names first (`Saint Vincent and the Grenadines`), ties by code.
    static let countries = Array(
        Country.allMembers.sorted { ($1.name.count, $0.alpha2) < ($0.name.count, $1.alpha2) }.prefix(30))

    static var volumes: ComplaintVolumes {
        var rows: [ComplaintVolumes.Row] = []
        for (offset, country) in countries.enumerated() {
            let byYear = years.indices.map { index in max(0, 60 - 2 * offset + (index * 7 + offset * 3) % 11 - 5) }
            let total = byYear.reduce(0, +)
            rows.append(
                ComplaintVolumes.Row(
                    country: country, total: total, rank: offset + 1, share: 0, byYear: byYear,
                    changeFromPreviousYear: byYear[23] - byYear[22]))
        }
        let total = rows.reduce(0) { $0 + $1.total }
        let totalByYear = years.indices.map { index in rows.reduce(0) { $0 + $1.byYear[index] } }
        return ComplaintVolumes(
            rows: rows, years: years, total: total, totalByYear: totalByYear, unknownYear: 0,
            partialYear: PartialYear.of(lastYear: 2025, asOf: asOf))
    }

    static func tally(counted: Int, decided: Int, minimum: Int = 10) -> OutcomeTally {
        let rate = decided == 0 ? nil : Double(counted) / Double(decided)
        let interval = rate.map { ConfidenceInterval(lower: max(0, $0 - 0.12), upper: min(1, $0 + 0.12)) }
        return ReportFixture.tally(
            overturned: counted, upheld: decided - counted, rate: rate, interval: interval, tooFew: decided < minimum)
    }

    static var rates: OverturnRates {
        let byCountry = countries.enumerated().map { offset, country in
            // Every fourth country has too few decisions to rank; the others between 12 and 1,250.
            let decided = offset % 4 == 3 ? offset % 9 : 12 + (offset * 97) % 1_240
            return OverturnRates.CountryTally(
                country: country, tally: tally(counted: decided * (40 + offset) / 100, decided: decided))
        }
        let byYear = years.filter { $0 != 2012 }.map { year in
            OverturnRates.YearTally(year: year, tally: tally(counted: 20 + year % 7 * 3, decided: 45 + year % 5 * 9))
        }
        return OverturnRates(
            overall: tally(counted: 3_100, decided: 5_000), byCountry: byCountry.sorted { $0.country < $1.country },
            byYear: byYear, byCountryYear: [], persistent: [], partialYear: PartialYear.of(lastYear: 2025, asOf: asOf))
    }

    /// A curve of `subjects` durations over 4,000 days: an event every 9 days, a censoring every 5.
    static func survival(_ country: Country?, subjects: Int, pace: Double) -> SurvivalSummary {
        var steps: [SurvivalStep] = []
        var atRisk = subjects
        var survival = 1.0
        for day in stride(from: 3, through: 4_000, by: 3) where atRisk > 1 {
            let events = day % 9 == 0 && Double(day) * pace < 3_000 ? 1 : 0
            let censored = day % 5 == 0 ? 1 : 0
            guard events + censored > 0 else { continue }
            survival *= Double(atRisk - events) / Double(atRisk)
            let half = 0.02 + 0.1 * (1 - survival)
            steps.append(
                SurvivalStep(
                    time: day, atRisk: atRisk, events: events, censored: censored, survival: survival,
                    interval: survival == 1
                        ? ConfidenceInterval(lower: 1, upper: 1)
                        : ConfidenceInterval(lower: max(0, survival - half), upper: min(1, survival + half))))
            atRisk -= events + censored
        }
        let events = steps.reduce(0) { $0 + $1.events }
        let censored = steps.reduce(0) { $0 + $1.censored }
        let counted = events + censored
        return SurvivalSummary(
            country: country, subjects: counted, events: events, censored: censored, curve: steps,
            quantiles: [0.25, 0.5, 0.75].map {
                SurvivalQuantile(probability: $0, estimate: $0 == 0.5 ? 2_400 : nil, lower: nil, upper: nil)
            },
            atRisk: [], observedQuantiles: [], histogram: [],
            atRiskSeries: stride(from: 0, through: 3_999, by: 365).map { day in
                AtRisk(day: day, count: steps.reduce(0) { $1.time >= day ? $0 + $1.events + $1.censored : $0 })
            }, atRiskStep: 365)
    }

    static var noticeSurvival: [SurvivalSummary] {
        [survival(nil, subjects: 5_000, pace: 1)]
            + countries.prefix(5).enumerated().map { offset, country in
                survival(country, subjects: 1_000 - offset * 100, pace: 1 + Double(offset) / 4)
            }
    }

    static let files: [(source: String, kind: RecordKind, path: String)] = [
        ("registre-fr", .complaint, "données/plaintes_2024_été.csv"),
        ("реестр", .complaint, "жалобы/реестр_жалоб_2025.csv"),
        ("interpol-api-pages", .notice, "api_pages/red_notices_p001.json"),
        ("interpol-api-pages", .notice, "api_pages/red_notices_p002.json"),
        ("登记册", .notice, "通报/红色通报登记册.xml"),
    ]

    static var input: ReportInput {
        var figures = ReportFixture.figures
        figures.options = AnalysisOptions(asOf: asOf, asOfOrigin: "--as-of")
        figures.volumes = volumes
        figures.overturnRates = rates
        figures.noticeSurvival = noticeSurvival
        figures.complaintSurvival = noticeSurvival
        var ingest = ReportFixture.ingest
        ingest.sources = Dictionary(files.map { ($0.source, $0.kind) }, uniquingKeysWith: { first, _ in first })
            .sorted { $0.key < $1.key }
            .map {
                SourceAccounting(
                    source: $0.key, recordKind: $0.value, read: 1, kept: 1, merged: 0, quarantined: 0, mapping: [])
            }
        ingest.inputFiles = files.map {
            InputFile(
                source: $0.source, path: $0.path, size: 1, sha256: String(repeating: "d", count: 64), rowsRead: 1,
                readerChoices: [])
        }
        return ReportInput(ingest: ingest, figures: figures, provenance: ReportFixture.provenance)
    }
}
