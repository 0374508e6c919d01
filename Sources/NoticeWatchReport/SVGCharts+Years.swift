import NoticeWatchModel

extension SVGCharts {
    /// How many countries the complaints-per-year chart draws.
    static let yearCountries = 5

    /// `charts/complaints-per-year.svg`: complaints per calendar year of filing of the ``yearCountries``
    /// countries with the most complaints, one line each; a partial last year is drawn dashed to a hollow dot
    /// and labelled with the months it covers.
    static func complaintsPerYear(_ input: ReportInput) -> String {
        let volumes = input.figures.volumes
        let countries = Array(volumes.rows.filter { $0.total > 0 }.prefix(yearCountries))
        var frame = ChartFrame(
            title: "Complaints per year of filing, the \(countries.count) requesting countries with the most")
        let source = ChartSource.line(input, kinds: [.complaint])
        guard !countries.isEmpty, !volumes.years.isEmpty else {
            frame.notes(["No complaints with a filing year."], fill: nil)
            return frame.finish(caption: [], source: source)
        }
        let colours = countries.indices.map { SVGDocument.palette[1 + $0 % (SVGDocument.palette.count - 1)] }
        frame.legend(
            countries.indices.map {
                ChartFrame.LegendItem(
                    label: "\(countries[$0].country.name) (\(FixedDecimal.count(countries[$0].total)))",
                    colour: colours[$0])
            })
        frame.notes(["Complaints filed"])
        let axis = ChartAxis.counts(maximum: countries.flatMap(\.byYear).max() ?? 0)
        let tickLabels = stride(from: 0, through: axis.end, by: axis.step).map { FixedDecimal.count($0) }
        let small = ChartFrame.smallSize
        let plot = PlotArea(
            left: ChartFrame.margin + (tickLabels.map { TextMetrics.width($0, size: small) }.max() ?? 0) + 10,
            right: ChartFrame.width - ChartFrame.margin - 8, top: frame.cursor + 10, bottom: frame.cursor + 220)
        func y(_ count: Int) -> Double { plot.bottom - plot.height * Double(count) / Double(axis.end) }
        for (offset, label) in tickLabels.enumerated() {
            let value = offset * axis.step
            frame.svg.line(x1: plot.left, y1: y(value), x2: plot.right, y2: y(value), stroke: SVGDocument.grid)
            frame.svg.text(label, x: plot.left - 6, y: y(value) + 4, anchor: "end", size: small)
        }
        let x = yearAxis(&frame, plot: plot, years: volumes.years, partial: volumes.partialYear)
        let partial = volumes.partialYear != nil
        for (index, row) in countries.enumerated() {
            let points = volumes.years.indices.map { (x: x(volumes.years[$0]), y: y(row.byYear[$0])) }
            series(&frame, points, partialLast: partial, colour: colours[index])
        }
        frame.svg.text(
            "Year of filing", x: (plot.left + plot.right) / 2, y: frame.cursor + 13, anchor: "middle", size: small,
            fill: SVGDocument.secondaryText)
        frame.cursor += 18
        var notes = [
            "Countries: the \(countries.count) with the most complaints over all years (total in brackets); every "
                + "country's complaints per year are in complaint_volumes.csv."
        ]
        if let partialYear = volumes.partialYear { notes.append(partialNote(partialYear)) }
        return frame.finish(caption: notes, source: source)
    }

    /// `charts/overturn-rate-by-year.svg`: the overturn rate of all countries per calendar year of decision,
    /// with its Wilson interval as a band and the decided complaints (n) under each year; a partial last year
    /// is drawn dashed to a hollow dot. The y-axis holds every interval.
    static func overturnRateByYear(_ input: ReportInput) -> String {
        let figures = input.figures
        let rates = figures.overturnRates
        let level = FixedDecimal.level(figures.options.confidenceLevel)
        var frame = ChartFrame(
            title: "Overturn rate of complaints per year of decision, all countries, with \(level)% intervals")
        let source = ChartSource.line(input, kinds: [.complaint])
        let decided = rates.byYear.filter { $0.tally.rate != nil }
        guard let first = decided.first, let last = decided.last else {
            frame.notes(["No decided complaint with a decision year."], fill: nil)
            return frame.finish(caption: [], source: source)
        }
        var legend = [ChartFrame.LegendItem(label: "Rate and \(level)% interval", colour: SVGDocument.palette[1])]
        if let overall = rates.overall.rate {
            legend.append(
                ChartFrame.LegendItem(
                    label: "All years: \(FixedDecimal.percent(overall))%", colour: SVGDocument.axis, dashed: true))
        }
        frame.legend(legend)
        frame.notes(["Overturn rate"])
        var bounds: [Double] = rates.overall.rate.map { [$0] } ?? []
        for row in decided {
            bounds += [row.tally.interval?.lower ?? row.tally.rate!, row.tally.interval?.upper ?? row.tally.rate!]
        }
        let range = ChartAxis.shares(minimum: bounds.min() ?? 0, maximum: bounds.max() ?? 1)
        let small = ChartFrame.smallSize
        let tickLabels = stride(from: range.lower, through: range.upper + 1e-9, by: range.step).map {
            ChartAxis.percent($0, step: range.step)
        }
        let labelWidth =
            (tickLabels.map { TextMetrics.width($0, size: small) } + [
                TextMetrics.width("n", size: small, bold: true)
            ]).max() ?? 0
        let plot = PlotArea(
            left: ChartFrame.margin + labelWidth + 10, right: ChartFrame.width - ChartFrame.margin - 8,
            top: frame.cursor + 10, bottom: frame.cursor + 220)
        func y(_ share: Double) -> Double {
            plot.bottom - plot.height * (min(range.upper, max(range.lower, share)) - range.lower)
                / (range.upper - range.lower)
        }
        for (offset, label) in tickLabels.enumerated() {
            let share = range.lower + Double(offset) * range.step
            frame.svg.line(x1: plot.left, y1: y(share), x2: plot.right, y2: y(share), stroke: SVGDocument.grid)
            frame.svg.text(label, x: plot.left - 6, y: y(share) + 4, anchor: "end", size: small)
        }
        let years = Array(first.year...last.year)
        let partialYear = rates.partialYear.flatMap { $0.year == last.year ? $0 : nil }
        let x = yearAxis(&frame, plot: plot, years: years, partial: partialYear)
        if let overall = rates.overall.rate {
            frame.svg.line(
                x1: plot.left, y1: y(overall), x2: plot.right, y2: y(overall), stroke: SVGDocument.axis, dashed: true)
        }
        // Runs of consecutive years with decisions: the line and band break over a year without any.
        var runs: [[OverturnRates.YearTally]] = []
        for row in decided {
            if let previous = runs.last?.last, previous.year + 1 == row.year {
                runs[runs.count - 1].append(row)
            } else {
                runs.append([row])
            }
        }
        let colour = SVGDocument.palette[1]
        for run in runs {
            let partialLast = partialYear != nil && run.last?.year == partialYear?.year
            let upper = run.map { (x: x($0.year), y: y($0.tally.interval?.upper ?? $0.tally.rate!)) }
            let lower = run.map { (x: x($0.year), y: y($0.tally.interval?.lower ?? $0.tally.rate!)) }
            let complete = partialLast ? run.count - 1 : run.count
            if complete > 0 {
                frame.svg.area(
                    polygon(Array(upper.prefix(complete)), Array(lower.prefix(complete))), fill: colour, opacity: 0.2)
            }
            if partialLast && run.count > 1 {
                frame.svg.area(polygon(Array(upper.suffix(2)), Array(lower.suffix(2))), fill: colour, opacity: 0.08)
            }
            series(&frame, run.map { (x: x($0.year), y: y($0.tally.rate!)) }, partialLast: partialLast, colour: colour)
        }
        frame.cursor += 4
        frame.notes(["n"], bold: true, fill: nil)
        for row in rates.byYear where years.contains(row.year) {
            frame.svg.text(
                FixedDecimal.count(row.tally.decided), x: x(row.year), y: frame.cursor - 3, anchor: "middle",
                size: small)
        }
        frame.svg.text(
            "Year of decision", x: (plot.left + plot.right) / 2, y: frame.cursor + 16, anchor: "middle", size: small,
            fill: SVGDocument.secondaryText)
        frame.cursor += 20
        var notes = [
            "n: decided complaints (overturned, upheld or partially overturned) per year of decision. Shaded: "
                + "\(level)% Wilson score intervals. Complaints with no decision date are in no year.",
            range.lower > 0 || range.upper < 1
                ? "The vertical axis runs from \(ChartAxis.percent(range.lower, step: range.step)) to "
                    + "\(ChartAxis.percent(range.upper, step: range.step)), to hold every interval."
                : "The vertical axis runs from 0% to 100%.",
        ]
        if let partialYear { notes.append(partialNote(partialYear)) }
        return frame.finish(caption: notes, source: source)
    }

    /// The caption's sentence on a partial last year.
    static func partialNote(_ partial: PartialYear) -> String {
        "\(partial.label): counted only up to the as-of date, so not comparable with a full year; drawn dashed, "
            + "to a hollow dot."
    }

    /// Writes the year labels under `plot` (every year when they fit, else every k-th, always the last), the
    /// partial year's months on a second line, and the axis line; moves the cursor under them.
    ///
    /// - Returns: the x of a year's centre.
    static func yearAxis(
        _ frame: inout ChartFrame, plot: PlotArea, years: [Int], partial: PartialYear?
    ) -> (Int) -> Double {
        let slot = plot.width / Double(max(1, years.count))
        let first = years.first ?? 0
        let x = { (year: Int) -> Double in plot.left + slot * (Double(year - first) + 0.5) }
        let small = ChartFrame.smallSize
        let every = max(1, Int(((TextMetrics.width("0000", size: small) + 10) / slot).rounded(.up)))
        for (index, year) in years.enumerated() where index % every == 0 || index == years.count - 1 {
            if index != years.count - 1 && years.count - 1 - index < every { continue }
            frame.svg.line(x1: x(year), y1: plot.bottom, x2: x(year), y2: plot.bottom + 4, stroke: SVGDocument.axis)
            frame.svg.text(String(year), x: x(year), y: plot.bottom + 16, anchor: "middle", size: small)
        }
        frame.svg.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: SVGDocument.axis)
        frame.cursor = plot.bottom + 20
        if let partial, let last = years.last, partial.year == last {
            let label = "partial: \(partial.months)"
            let half = TextMetrics.width(label, size: small) / 2
            let centre = min(x(last), ChartFrame.width - ChartFrame.margin - half)
            frame.svg.text(label, x: centre, y: frame.cursor + 10, anchor: "middle", size: small)
            frame.cursor += 14
        }
        return x
    }

    /// A line through `points` with a dot at each; with `partialLast`, the last segment dashed and the last dot
    /// hollow.
    static func series(
        _ frame: inout ChartFrame, _ points: [(x: Double, y: Double)], partialLast: Bool, colour: String
    ) {
        func point(_ p: (x: Double, y: Double)) -> String { "\(SVGDocument.number(p.x)) \(SVGDocument.number(p.y))" }
        let solid = partialLast ? Array(points.dropLast()) : points
        if solid.count > 1 {
            frame.svg.path(
                "M" + point(solid[0]) + solid.dropFirst().map { " L" + point($0) }.joined(), stroke: colour, width: 2)
        }
        if partialLast, points.count > 1 {
            frame.svg.path(
                "M" + point(points[points.count - 2]) + " L" + point(points[points.count - 1]), stroke: colour,
                width: 2, dashed: true)
        }
        for (index, p) in points.enumerated() {
            frame.svg.circle(
                x: p.x, y: p.y, radius: 3, fill: colour, hollow: partialLast && index == points.count - 1)
        }
    }

    /// A closed path along `upper` left to right and back along `lower`.
    static func polygon(_ upper: [(x: Double, y: Double)], _ lower: [(x: Double, y: Double)]) -> String {
        guard let start = upper.first else { return "" }
        var commands = "M\(SVGDocument.number(start.x)) \(SVGDocument.number(start.y))"
        for p in upper.dropFirst() + lower.reversed() {
            commands += " L\(SVGDocument.number(p.x)) \(SVGDocument.number(p.y))"
        }
        return commands + " Z"
    }
}
