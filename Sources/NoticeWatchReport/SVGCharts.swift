import NoticeWatchModel

/// The report's charts, each a function from the run to SVG text: complaint volumes as bars and per year,
/// overturn rates with interval whiskers and per year with a band, and Kaplan–Meier curves of notices and
/// complaints. Every chart is 600 px wide, titled with its subject and captioned with its method notes, source
/// files, as-of date and NoticeWatch version (``ChartFrame``).
enum SVGCharts {
    /// One chart: where it is written in the report folder and how it is drawn.
    struct Chart: Sendable {
        var path: String
        var draw: @Sendable (ReportInput) -> String
    }

    /// Every chart, in the order of the report's sections.
    static let all: [Chart] = [
        Chart(path: "charts/volumes.svg", draw: volumes),
        Chart(path: "charts/complaints-per-year.svg", draw: complaintsPerYear),
        Chart(path: "charts/overturn-rates.svg", draw: overturnRates),
        Chart(path: "charts/overturn-rate-by-year.svg", draw: overturnRateByYear),
        Chart(path: "charts/notice-survival.svg", draw: noticeSurvival),
        Chart(path: "charts/complaint-survival.svg", draw: complaintSurvival),
        Chart(path: "charts/review-delays.svg", draw: reviewDelays),
    ]

    static let rowHeight = 20.0

    /// `chart` as markup to inline in an HTML page: the `<svg>` element without the XML declaration (the
    /// charts have no `id`, so several can share a page).
    static func inlineMarkup(_ chart: Chart, _ input: ReportInput) -> String {
        let document = chart.draw(input)
        guard document.hasPrefix("<?xml"), let end = document.firstIndex(of: "\n") else { return document }
        return String(document[document.index(after: end)...])
    }

    /// `charts/volumes.svg`: one bar per country among the top `options.topCountries`, then the rest summed.
    static func volumes(_ input: ReportInput) -> String {
        let figures = input.figures
        let volumes = figures.volumes
        let nonZero = volumes.rows.filter { $0.total > 0 }
        let top = max(0, figures.options.topCountries)
        var bars = nonZero.prefix(top).map { (label: $0.country.name, value: $0.total) }
        let rest = nonZero.dropFirst(top)
        if !rest.isEmpty { bars.append(("Other countries (\(rest.count))", rest.reduce(0) { $0 + $1.total })) }
        var period = ""
        if let first = volumes.years.first, let last = volumes.years.last {
            period = first == last ? ", \(volumes.label(year: last))" : ", \(first)–\(volumes.label(year: last))"
        }
        var frame = ChartFrame(
            title: "Complaints per requesting country\(period)")
        let source = ChartSource.line(input, kinds: [.complaint])
        guard let largest = bars.map(\.value).max(), largest > 0 else {
            frame.notes(["No complaints."], fill: nil)
            return frame.finish(caption: [], source: source)
        }
        let size = ChartFrame.bodySize
        let labelRight = ChartFrame.margin + (bars.map { TextMetrics.width($0.label, size: size) }.max() ?? 0)
        let countWidth = TextMetrics.width(FixedDecimal.count(largest), size: size) + 6
        let left = labelRight + 8
        let area = ChartFrame.width - ChartFrame.margin - countWidth - left
        for (offset, bar) in bars.enumerated() {
            let y = frame.cursor + Double(offset) * rowHeight
            frame.svg.text(bar.label, x: labelRight, y: y + 15, anchor: "end", size: size)
            let width = area * Double(bar.value) / Double(largest)
            let colour = offset < min(top, nonZero.count) ? SVGDocument.palette[1] : SVGDocument.palette[6]
            frame.svg.rect(x: left, y: y + 4, width: width, height: rowHeight - 6, fill: colour)
            frame.svg.text(FixedDecimal.count(bar.value), x: left + width + 6, y: y + 15, size: size)
        }
        frame.cursor += Double(bars.count) * rowHeight
        let unknown =
            volumes.unknownYear > 0 ? " (\(FixedDecimal.count(volumes.unknownYear)) with no filing year)" : ""
        var notes = [
            "\(FixedDecimal.count(volumes.total)) complaints in all\(unknown), each counted once under the member "
                + "country that requested the challenged notice, whatever its outcome."
        ]
        if !rest.isEmpty {
            notes.append(
                "The \(min(top, nonZero.count)) countries with the most complaints; \(rest.count) other countries "
                    + "summed (all in complaint_volumes.csv).")
        }
        if let partial = volumes.partialYear {
            notes.append("\(partial.year) covers \(partial.months) only (the as-of date).")
        }
        return frame.finish(caption: notes, source: source)
    }

    /// `charts/overturn-rates.svg`: ranked countries by the interval's lower bound, a dot at the rate and a
    /// whisker over the Wilson interval, the decided complaints (n) beside each name, a dashed line at the
    /// overall rate; countries too few to rank are left out and counted in the caption.
    static func overturnRates(_ input: ReportInput) -> String {
        let figures = input.figures
        let rates = figures.overturnRates
        let ranked = rates.ranked
        let level = FixedDecimal.level(figures.options.confidenceLevel)
        var frame = ChartFrame(title: "Overturn rate of complaints per requesting country, with \(level)% intervals")
        let source = ChartSource.line(input, kinds: [.complaint])
        let small = ChartFrame.smallSize
        let size = ChartFrame.bodySize
        let tooFew = rates.byCountry.filter { $0.tally.tooFewToRank && $0.tally.decided > 0 }.count
        let noneDecided = rates.byCountry.filter { $0.tally.decided == 0 }.count
        var notes = [
            "Dot: the share of decided complaints (overturned, upheld or partially overturned) that were overturned"
                + (figures.options.partialCountsAsOverturned ? ", partial overturns included" : "")
                + "; line: its \(level)% Wilson score interval; n: decided complaints. Ranked by the interval's "
                + "lower bound, so that a high rate from few decisions does not head the chart."
        ]
        if tooFew + noneDecided > 0 {
            var sentence = "Not drawn: \(tooFew) \(tooFew == 1 ? "country" : "countries") with fewer than "
            sentence +=
                "\(figures.options.minimumDecisions) decided complaints, too few to rank (option --min-decisions)"
            if noneDecided > 0 { sentence += ", and \(noneDecided) with none decided" }
            notes.append(sentence + "; every country is in overturn_rates.csv.")
        }
        guard !ranked.isEmpty else {
            frame.notes(["No country has enough decisions to rank."], fill: nil)
            return frame.finish(caption: notes, source: source)
        }
        var legend = [ChartFrame.LegendItem(label: "Rate and \(level)% interval", colour: SVGDocument.palette[1])]
        if let overall = rates.overall.rate {
            legend.append(
                ChartFrame.LegendItem(
                    label:
                        "All countries: \(FixedDecimal.percent(overall))% (n = \(FixedDecimal.count(rates.overall.decided)))",
                    colour: SVGDocument.axis, dashed: true))
        }
        frame.legend(legend)
        let names = ranked.map(\.country.name)
        let counts = ranked.map { FixedDecimal.count($0.tally.decided) }
        let nameRight =
            ChartFrame.margin
            + ((names.map { TextMetrics.width($0, size: size) } + [
                TextMetrics.width("Country", size: small, bold: true)
            ]).max() ?? 0)
        let countWidth =
            (counts.map { TextMetrics.width($0, size: size) } + [TextMetrics.width("n", size: small, bold: true)]).max()
            ?? 0
        let countRight = nameRight + 10 + countWidth
        let plot = PlotArea(
            left: countRight + 18, right: ChartFrame.width - ChartFrame.margin - 12, top: frame.cursor + 22,
            bottom: frame.cursor + 22 + Double(ranked.count) * rowHeight)
        func x(_ rate: Double) -> Double { plot.left + plot.width * min(1, max(0, rate)) }
        frame.svg.text("Country", x: ChartFrame.margin, y: plot.top - 6, size: small, bold: true)
        frame.svg.text("n", x: countRight, y: plot.top - 6, anchor: "end", size: small, bold: true)
        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            frame.svg.line(x1: x(tick), y1: plot.top, x2: x(tick), y2: plot.bottom, stroke: SVGDocument.grid)
            frame.svg.text(
                ChartAxis.percent(tick, step: 0.25), x: x(tick), y: plot.bottom + 15, anchor: "middle", size: small)
        }
        let whisker = SVGDocument.palette[1]
        for (offset, row) in ranked.enumerated() {
            let y = plot.top + Double(offset) * rowHeight + rowHeight / 2
            frame.svg.text(names[offset], x: ChartFrame.margin, y: y + 4, size: size)
            frame.svg.text(counts[offset], x: countRight, y: y + 4, anchor: "end", size: size)
            if let interval = row.tally.interval {
                frame.svg.line(x1: x(interval.lower), y1: y, x2: x(interval.upper), y2: y, stroke: whisker, width: 2)
                for end in [interval.lower, interval.upper] {
                    frame.svg.line(x1: x(end), y1: y - 5, x2: x(end), y2: y + 5, stroke: whisker, width: 2)
                }
            }
            frame.svg.circle(x: x(row.tally.rate ?? 0), y: y, radius: 4, fill: SVGDocument.palette[2])
        }
        if let overall = rates.overall.rate {
            frame.svg.line(
                x1: x(overall), y1: plot.top, x2: x(overall), y2: plot.bottom, stroke: SVGDocument.axis, dashed: true)
        }
        frame.cursor = plot.bottom + 20
        frame.svg.text(
            "Overturn rate (overturned ÷ decided complaints)", x: (plot.left + plot.right) / 2, y: frame.cursor + 13,
            anchor: "middle", size: small, fill: SVGDocument.secondaryText)
        frame.cursor += 18
        return frame.finish(caption: notes, source: source)
    }
}
