import NoticeWatchModel

/// Builds `figures.json`: every figure of the report as data, each with its definition id, filters, value,
/// interval, n and method (schema `figures.schema.json`, documented in OUTPUTS.md).
///
/// Figures are listed in the report's order (volumes, rates, persistent overturns, cancellations,
/// nationalities, times to event, exclusions, the public list), rows in the order of their CSV table. Every
/// definition id is one of the report's Method section, listed under `definitions`.
enum FiguresDocument {
    /// The schema's name and version, incremented when a key changes meaning; keys may be added.
    static let schemaName = "noticewatch-figures"
    static let schemaVersion = 1

    /// The definition ids of the Method section that the figures refer to.
    enum Definition {
        static let volume = "complaint-volume"
        static let overturn = "overturn-rate"
        static let persistent = "persistent-overturns"
        static let cancelled = "notice-cancelled-share"
        static let ccf = "notice-ccf-share"
        static let nationalities = "notice-nationalities"
        static let noticeSurvival = "notice-time-to-cancellation"
        static let complaintSurvival = "complaint-time-to-decision"
        static let observed = "observed-duration-quantiles"
        static let histogram = "duration-histogram"
        static let exclusions = "exclusions"
        static let listChanges = "public-list-changes"
        static let timeOnList = "public-list-time-on-list"
    }

    static func build(_ input: ReportInput) -> JSONValue {
        let figures = input.figures
        let options = figures.options
        let definitions = figures.definitions.map { definition in
            JSONValue.object([
                ("id", .string(definition.id)), ("title", .string(definition.title)),
                ("text", .string(definition.text)),
            ])
        }
        return .object([
            ("schema", .string(schemaName)), ("schema_version", .integer(schemaVersion)),
            ("tool", .object([("name", .string("noticewatch")), ("version", .string(input.provenance.toolVersion))])),
            ("as_of", .string(options.asOf.description)), ("as_of_origin", .string(options.asOfOrigin)),
            ("confidence_level", .number(FixedDecimal.format(options.confidenceLevel, decimals: 4))),
            ("definitions", .array(definitions)),
            ("figures", .array(entries(figures).map(\.json))),
        ])
    }

    /// Every figure, in the report's order.
    static func entries(_ figures: Figures) -> [FigureEntry] {
        var entries = volumes(figures.volumes) + overturnRates(figures.overturnRates)
        entries += persistent(figures.overturnRates) + cancellations(figures.noticeCancellations)
        entries += nationalities(figures.noticeNationalities)
        let method = figures.options.survivalInterval
        entries += survival(figures.noticeSurvival, definition: Definition.noticeSurvival, subject: "notices", method)
        entries += survival(
            figures.complaintSurvival, definition: Definition.complaintSurvival, subject: "complaints", method)
        entries += figures.exclusions.sorted().map { exclusion in
            FigureEntry(
                Definition.exclusions, "records_left_out",
                filters: [("figure", .text(exclusion.figure)), ("reason", .text(exclusion.reason))],
                value: .integer(exclusion.count), unit: "records", method: "count", n: nil)
        }
        if let series = figures.publicList { entries += publicList(series, method: method) }
        return entries
    }

    /// `complaint-volume`: per member country its complaints and share; per year for countries with any.
    static func volumes(_ volumes: ComplaintVolumes) -> [FigureEntry] {
        let definition = Definition.volume
        func yearEntry(_ year: Int, _ count: Int, _ country: Country?) -> FigureEntry {
            var entry = FigureEntry(
                definition, "complaints", filters: FigureEntry.country(country) + [("year", .integer(year))],
                value: .integer(count), unit: "complaints", method: "count", n: nil)
            if volumes.partialYear?.year == year { entry.notes.append("partial-year") }
            return entry
        }
        var entries = [
            FigureEntry(
                definition, "complaints", value: .integer(volumes.total), unit: "complaints", method: "count", n: nil),
            FigureEntry(
                definition, "complaints_unknown_year", value: .integer(volumes.unknownYear), unit: "complaints",
                method: "count", n: nil),
        ]
        for (year, count) in zip(volumes.years, volumes.totalByYear) { entries.append(yearEntry(year, count, nil)) }
        for row in volumes.rows {
            let filters = FigureEntry.country(row.country)
            var count = FigureEntry(
                definition, "complaints", filters: filters, value: .integer(row.total), unit: "complaints",
                method: "count", n: nil)
            count.counts = [("rank", row.rank)]
            var share = FigureEntry(
                definition, "share", filters: filters, value: FigureEntry.proportion(row.share), unit: "proportion",
                method: "share", n: volumes.total)
            share.numerator = row.total
            entries += [count, share]
            guard row.total > 0 else { continue }
            let known = row.byYear.prefix(volumes.years.count).reduce(0, +)
            for (year, count) in zip(volumes.years, row.byYear) { entries.append(yearEntry(year, count, row.country)) }
            entries.append(
                FigureEntry(
                    definition, "complaints_unknown_year", filters: filters, value: .integer(row.total - known),
                    unit: "complaints", method: "count", n: nil))
            if let change = row.changeFromPreviousYear, let years = volumes.changeYears {
                entries.append(
                    FigureEntry(
                        definition, "change_from_previous_year",
                        filters: filters + [
                            ("year", .integer(years.later)), ("compared_with", .integer(years.earlier)),
                        ],
                        value: .integer(change), unit: "complaints", method: "difference", n: nil))
            }
        }
        if volumes.unrecognized > 0 {
            var share = FigureEntry(
                definition, "share", filters: FigureEntry.unrecognized,
                value: FigureEntry.proportion(Double(volumes.unrecognized) / Double(max(volumes.total, 1))),
                unit: "proportion", method: "share", n: volumes.total)
            share.numerator = volumes.unrecognized
            entries += [
                FigureEntry(
                    definition, "complaints", filters: FigureEntry.unrecognized, value: .integer(volumes.unrecognized),
                    unit: "complaints", method: "count", n: nil),
                share,
            ]
        }
        return entries
    }

    /// `overturn-rate`: the overall rate, per country, per year of decision and per country and year.
    static func overturnRates(_ rates: OverturnRates) -> [FigureEntry] {
        func entry(_ filters: [(String, FigureEntry.FilterValue)], _ tally: OutcomeTally, year: Int?) -> FigureEntry {
            var entry = FigureEntry(
                Definition.overturn, "rate", filters: filters, value: FigureEntry.proportion(tally.rate),
                unit: "proportion", method: "share", n: tally.decided)
            entry.numerator = tally.overturnedCounted
            entry.interval = FigureEntry.wilson(tally.interval)
            entry.counts = [
                ("overturned", tally.overturned), ("upheld", tally.upheld),
                ("partially_overturned", tally.partiallyOverturned), ("inadmissible", tally.inadmissible),
                ("withdrawn", tally.withdrawn), ("pending", tally.pending),
                ("outcome_not_understood", tally.unknown),
            ]
            if tally.tooFewToRank { entry.notes.append("too-few-to-rank") }
            if let year, rates.partialYear?.year == year { entry.notes.append("partial-year") }
            return entry
        }
        var entries = [entry([], rates.overall, year: nil)]
        entries += rates.byCountry.map { entry(FigureEntry.country($0.country), $0.tally, year: nil) }
        if let tally = rates.unrecognized { entries.append(entry(FigureEntry.unrecognized, tally, year: nil)) }
        entries += rates.byYear.map { entry([("year", .integer($0.year))], $0.tally, year: $0.year) }
        entries += rates.byCountryYear.map {
            entry(FigureEntry.country($0.country) + [("year", .integer($0.year))], $0.tally, year: $0.year)
        }
        return entries
    }

    /// `persistent-overturns`: per country tested, the raw and Holm-adjusted p-values of Fisher's exact test.
    static func persistent(_ rates: OverturnRates) -> [FigureEntry] {
        let listed = Set(rates.persistent.map(\.country))
        var entries: [FigureEntry] = []
        for row in rates.byCountry {
            guard let comparison = row.comparison else { continue }
            for (measure, value, method) in [
                ("p_value", comparison.pValue, "fisher-exact-two-sided"),
                ("p_value_holm", comparison.adjustedPValue, "fisher-exact-two-sided-holm"),
            ] {
                var entry = FigureEntry(
                    Definition.persistent, measure, filters: FigureEntry.country(row.country),
                    value: value.isFinite ? .number(String(value)) : .null, unit: "p-value", method: method,
                    n: row.tally.decided)
                entry.counts = [
                    ("others_decided", comparison.othersDecided),
                    ("others_overturned_counted", comparison.othersOverturnedCounted),
                ]
                if listed.contains(row.country) { entry.notes.append("persistent") }
                entries.append(entry)
            }
        }
        return entries
    }

    /// `notice-cancelled-share` and `notice-ccf-share`: overall, then per country with notices.
    static func cancellations(_ figure: NoticeCancellations) -> [FigureEntry] {
        var entries: [FigureEntry] = []
        let rows =
            [(figure.overall, FigureEntry.country(figure.overall.country))]
            + figure.byCountry.map { ($0, FigureEntry.country($0.country)) }
            + (figure.unrecognized.map { [($0, FigureEntry.unrecognized)] } ?? [])
        for (row, filters) in rows {
            var cancelled = FigureEntry(
                Definition.cancelled, "share", filters: filters, value: FigureEntry.proportion(row.cancelledShare),
                unit: "proportion", method: "share", n: row.notices - row.unknownStatus)
            cancelled.numerator = row.cancelled
            cancelled.counts = [("notices", row.notices), ("unknown_status", row.unknownStatus)]
            cancelled.interval = FigureEntry.wilson(row.cancelledInterval)
            var ccf = FigureEntry(
                Definition.ccf, "share", filters: filters, value: FigureEntry.proportion(row.ccfShare),
                unit: "proportion", method: "share", n: row.withKnownReason)
            ccf.numerator = row.byCCF
            ccf.interval = FigureEntry.wilson(row.ccfInterval)
            entries += [cancelled, ccf]
        }
        return entries
    }

    /// `notice-nationalities`: per nationality its notices and share, the notices with none, all notices.
    static func nationalities(_ figure: NoticeNationalities) -> [FigureEntry] {
        guard !figure.rows.isEmpty else { return [] }
        let definition = Definition.nationalities
        var entries: [FigureEntry] = []
        for row in figure.rows {
            let filters = FigureEntry.country(row.nationality, key: "nationality")
            var share = FigureEntry(
                definition, "share", filters: filters, value: FigureEntry.proportion(row.share), unit: "proportion",
                method: "share", n: figure.total)
            share.numerator = row.notices
            entries += [
                FigureEntry(
                    definition, "notices", filters: filters, value: .integer(row.notices), unit: "notices",
                    method: "count", n: nil),
                share,
            ]
        }
        entries.append(
            FigureEntry(
                definition, "notices_without_nationality", value: .integer(figure.withoutNationality),
                unit: "notices", method: "count", n: nil))
        entries.append(
            FigureEntry(definition, "notices", value: .integer(figure.total), unit: "notices", method: "count", n: nil))
        return entries
    }
}
