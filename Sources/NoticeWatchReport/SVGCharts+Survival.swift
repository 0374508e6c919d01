import NoticeWatchModel

extension SVGCharts {
    /// How many country curves a survival chart draws beside the overall curve.
    static let survivalCountries = 4

    /// The words of a survival chart: what is timed, from when, and what a censored duration is.
    struct SurvivalWording {
        var title: String
        var axisTitle: String
        var valueTitle: String
        var records: String
        var censored: String
        var kind: RecordKind
    }

    /// `charts/notice-survival.svg`: notices from issue to cancellation.
    static func noticeSurvival(_ input: ReportInput) -> String {
        survival(
            input, input.figures.noticeSurvival,
            SurvivalWording(
                title: "Share of notices not yet cancelled, by days since issue (Kaplan–Meier)",
                axisTitle: "Days since issue", valueTitle: "Share of notices not yet cancelled", records: "notices",
                censored: "notices still active", kind: .notice))
    }

    /// `charts/complaint-survival.svg`: complaints from filing to decision.
    static func complaintSurvival(_ input: ReportInput) -> String {
        survival(
            input, input.figures.complaintSurvival,
            SurvivalWording(
                title: "Share of complaints not yet decided, by days since filing (Kaplan–Meier)",
                axisTitle: "Days since filing", valueTitle: "Share of complaints not yet decided",
                records: "complaints", censored: "complaints still pending", kind: .complaint))
    }

    /// The groups a survival chart draws: all countries, then the ``survivalCountries`` countries with the
    /// most durations (ties by alpha-2 code) among those not marked too few.
    static func survivalGroups(_ summaries: [SurvivalSummary]) -> [SurvivalSummary] {
        let overall = summaries.filter { $0.country == nil && !$0.curve.isEmpty }
        let countries = summaries.filter { $0.country != nil && !$0.curve.isEmpty && !$0.tooFew }
            .sorted { ($0.subjects, $1.country!) > ($1.subjects, $0.country!) }
            .prefix(survivalCountries)
        return Array(overall.prefix(1)) + countries
    }

    /// Kaplan–Meier step curves with their pointwise bands (as the analysis computed them, under the run's
    /// `--km-ci`), censoring ticks, dashed median lines where reached and the number at risk under the axis.
    /// The y-axis holds every curve and band; the x-axis ends at the longest duration.
    static func survival(_ input: ReportInput, _ summaries: [SurvivalSummary], _ wording: SurvivalWording) -> String {
        let options = input.figures.options
        let groups = survivalGroups(summaries)
        var frame = ChartFrame(title: wording.title)
        let source = ChartSource.line(input, kinds: [wording.kind])
        let maxTime = groups.compactMap { $0.curve.last?.time }.max() ?? 0
        guard !groups.isEmpty, maxTime > 0 else {
            frame.notes(["No \(wording.records) with a duration."], fill: nil)
            return frame.finish(caption: [], source: source)
        }
        let colours = groups.indices.map { SVGDocument.palette[$0 % SVGDocument.palette.count] }
        let names = groups.map { $0.country?.name ?? "All countries" }
        frame.legend(
            groups.indices.map { index in
                var label = "\(names[index]) (n = \(FixedDecimal.count(groups[index].subjects))"
                if let median = groups[index].quantiles.first(where: { $0.probability == 0.5 })?.estimate {
                    let days =
                        median.rounded() == median
                        ? FixedDecimal.count(Int(median)) : FixedDecimal.format(median, decimals: 1)
                    label += ", median \(days) days"
                }
                return ChartFrame.LegendItem(label: label + ")", colour: colours[index])
            })
        let lowest = groups.flatMap(\.curve).map { min($0.survival, $0.interval?.lower ?? $0.survival) }.min() ?? 0
        let range = ChartAxis.shares(minimum: lowest, maximum: 1)
        frame.notes([wording.valueTitle])
        let small = ChartFrame.smallSize
        let tickLabels = stride(from: range.lower, through: range.upper + 1e-9, by: range.step).map {
            ChartAxis.percent($0, step: range.step)
        }
        // The at-risk row's names end left of the first count, which is centred on the axis.
        let tickWidth = tickLabels.map { TextMetrics.width($0, size: small) }.max() ?? 0
        let nameWidth = names.map { TextMetrics.width($0, size: small) }.max() ?? 0
        let firstCount = groups.map { TextMetrics.width(FixedDecimal.count($0.subjects), size: small) }.max() ?? 0
        let plot = PlotArea(
            left: ChartFrame.margin + max(tickWidth + 10, nameWidth + 8 + firstCount / 2),
            right: ChartFrame.width - ChartFrame.margin - 14,
            top: frame.cursor + 10, bottom: frame.cursor + 250)
        func x(_ day: Double) -> Double { plot.left + plot.width * day / Double(maxTime) }
        func y(_ share: Double) -> Double {
            plot.bottom - plot.height * (min(range.upper, max(range.lower, share)) - range.lower)
                / (range.upper - range.lower)
        }
        for (offset, label) in tickLabels.enumerated() {
            let share = range.lower + Double(offset) * range.step
            frame.svg.line(x1: plot.left, y1: y(share), x2: plot.right, y2: y(share), stroke: SVGDocument.grid)
            frame.svg.text(label, x: plot.left - 6, y: y(share) + 4, anchor: "end", size: small)
        }
        let series = groups[0].atRiskSeries
        let every = ChartAxis.labelEvery(spacing: plot.width * Double(groups[0].atRiskStep) / Double(maxTime))
        let tickIndices = stride(from: 0, to: series.count, by: every).filter { series[$0].day <= maxTime }
        for index in tickIndices {
            let day = Double(series[index].day)
            frame.svg.line(x1: x(day), y1: plot.bottom, x2: x(day), y2: plot.bottom + 4, stroke: SVGDocument.axis)
            frame.svg.text(
                FixedDecimal.count(series[index].day), x: x(day), y: plot.bottom + 16, anchor: "middle", size: small)
        }
        for (index, group) in groups.enumerated() {
            frame.svg.area(band(group.curve, x: x, y: y), fill: colours[index], opacity: 0.15)
        }
        for (index, group) in groups.enumerated() {
            frame.svg.path(curve(group.curve, x: x, y: y), stroke: colours[index], width: index == 0 ? 2.5 : 2)
            frame.svg.path(censoringTicks(group.curve, x: x, y: y), stroke: colours[index], width: 1)
            if let median = group.quantiles.first(where: { $0.probability == 0.5 })?.estimate {
                let commands =
                    "M\(SVGDocument.number(plot.left)) \(SVGDocument.number(y(0.5))) "
                    + "H\(SVGDocument.number(x(median))) V\(SVGDocument.number(plot.bottom))"
                frame.svg.path(commands, stroke: colours[index], width: 1, dashed: true)
            }
        }
        frame.svg.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: SVGDocument.axis)
        frame.svg.line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, stroke: SVGDocument.axis)
        frame.cursor = plot.bottom + 18
        frame.svg.text(
            wording.axisTitle, x: (plot.left + plot.right) / 2, y: frame.cursor + 13, anchor: "middle", size: small,
            fill: SVGDocument.secondaryText)
        frame.cursor += 22
        frame.notes(["Number at risk"], bold: true)
        for (index, group) in groups.enumerated() {
            frame.cursor += ChartFrame.smallLineHeight
            frame.svg.text(names[index], x: ChartFrame.margin, y: frame.cursor - 3, size: small, fill: colours[index])
            // Every group is counted on the same days (the analysis's atRiskSeries).
            for tick in tickIndices where tick < group.atRiskSeries.count {
                frame.svg.text(
                    FixedDecimal.count(group.atRiskSeries[tick].count), x: x(Double(series[tick].day)),
                    y: frame.cursor - 3, anchor: "middle", size: small)
            }
        }
        let level = FixedDecimal.level(options.confidenceLevel)
        let axisNote =
            range.lower > 0
            ? "The vertical axis runs from \(ChartAxis.percent(range.lower, step: range.step)) to 100%, not from 0, "
                + "to hold every curve and band."
            : "The vertical axis runs from 0% to 100%."
        let countriesText = countriesSentence(
            drawn: groups.count - (groups[0].country == nil ? 1 : 0), records: wording.records)
        return frame.finish(
            caption: [
                "Shaded: \(level)% pointwise confidence bands (Greenwood variance, \(bandText(options.survivalInterval)) "
                    + "transform, option --km-ci). Ticks: \(wording.censored) on \(options.asOf) (censored). Dashed: "
                    + "medians, where reached. \(axisNote) The horizontal axis ends at the longest duration, "
                    + "\(FixedDecimal.count(maxTime)) days. " + countriesText
            ], source: source)
    }

    /// Which countries a survival chart draws, in words.
    static func countriesSentence(drawn: Int, records: String) -> String {
        let rule =
            "at least \(AnalysisOptions.minimumSurvivalSubjects) durations and "
            + "\(AnalysisOptions.minimumSurvivalEvents) ended ones"
        guard drawn > 0 else { return "No country has \(rule): all countries only." }
        return "Countries: the \(drawn == 1 ? "one" : String(drawn)) with the most \(records) among those with \(rule)."
    }

    /// How the caption names the band's transform.
    static func bandText(_ method: SurvivalIntervalMethod) -> String {
        switch method {
        case .logLog: return "log(−log)"
        case .log: return "log"
        case .plain: return "no"
        }
    }

    /// The step curve: from (0, 100%) right to each time, then down to the share after it.
    static func curve(_ steps: [SurvivalStep], x: (Double) -> Double, y: (Double) -> Double) -> String {
        var commands = "M\(SVGDocument.number(x(0))) \(SVGDocument.number(y(1)))"
        var last = SVGDocument.number(y(1))
        for step in steps {
            let next = SVGDocument.number(y(step.survival))
            guard next != last || step.time == steps.last?.time else { continue }
            commands += " H\(SVGDocument.number(x(Double(step.time))))"
            if next != last { commands += " V\(next)" }
            last = next
        }
        return commands
    }

    /// The band as one closed path: the upper bounds left to right, the lower bounds back, each a step
    /// function like the curve; it stops where the curve reaches 0 (no interval there).
    static func band(_ steps: [SurvivalStep], x: (Double) -> Double, y: (Double) -> Double) -> String {
        var corners: [(time: Int, interval: ConfidenceInterval)] = [(0, ConfidenceInterval(lower: 1, upper: 1))]
        var end = 0
        for step in steps {
            end = step.time
            guard let interval = step.interval else { break }
            if interval != corners.last!.interval { corners.append((step.time, interval)) }
        }
        func h(_ time: Int) -> String { SVGDocument.number(x(Double(time))) }
        var commands = "M\(h(0)) \(SVGDocument.number(y(1)))"
        for corner in corners.dropFirst() {
            commands += " H\(h(corner.time)) V\(SVGDocument.number(y(corner.interval.upper)))"
        }
        commands += " H\(h(end)) V\(SVGDocument.number(y(corners.last!.interval.lower)))"
        for index in stride(from: corners.count - 1, to: 0, by: -1) {
            commands += " H\(h(corners[index].time)) V\(SVGDocument.number(y(corners[index - 1].interval.lower)))"
        }
        return commands + " H\(h(0)) Z"
    }

    /// A short vertical tick across the curve at each time with a censored duration; ticks that fall on the
    /// same whole pixel are drawn once.
    static func censoringTicks(_ steps: [SurvivalStep], x: (Double) -> Double, y: (Double) -> Double) -> String {
        var commands: [String] = []
        var last = ""
        for step in steps where step.censored > 0 {
            let tick =
                "M\(SVGDocument.number(x(Double(step.time)).rounded())) "
                + "\(SVGDocument.number(y(step.survival) - 3))v6"
            if tick != last { commands.append(tick) }
            last = tick
        }
        return commands.joined(separator: " ")
    }
}

/// The rectangle of a chart's plot, in px.
struct PlotArea {
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }
}
