import NoticeWatchModel

extension SVGCharts {
    /// `charts/review-delays.svg`: Kaplan–Meier curves of requests not yet decided, by days since admissibility
    /// (or filing), for all requests and the ``survivalCountries`` countries with the most, each with its
    /// pointwise band; dashed lines at 120 and 270 days, about the 4 and 9 months of the CCF Statute, Art. 40.
    static func reviewDelays(_ figures: Figures) -> String {
        let groups = figures.reviewDelays.groups
        let overall = groups.filter { $0.scope == .overall }.map(\.survival)
        let countries = groups.compactMap { group -> SurvivalSummary? in
            if case .country = group.scope, !group.survival.curve.isEmpty { return group.survival }
            return nil
        }
        .sorted { ($0.subjects, $1.country!) > ($1.subjects, $0.country!) }
        .prefix(survivalCountries)
        let shown = Array(overall.prefix(1)) + countries
        let level = FixedDecimal.level(figures.options.confidenceLevel)
        let plotLeft = 70.0
        let plotRight = chartWidth - 180
        let plotTop = 56.0
        let plotBottom = 356.0
        var svg = SVGDocument(width: chartWidth, height: plotBottom + 60, title: "Requests not yet decided")
        svg.text(
            "Share of requests not yet decided, by days since admissibility (Kaplan–Meier, \(level)% bands)", x: 16,
            y: 28, size: 16, bold: true)
        let maxTime = max(shown.flatMap(\.curve).map(\.time).max() ?? 0, 300)
        let span = niceSpan(maxTime)
        func x(_ day: Int) -> Double { plotLeft + (plotRight - plotLeft) * Double(day) / Double(span.end) }
        func y(_ share: Double) -> Double { plotBottom - (plotBottom - plotTop) * min(1, max(0, share)) }
        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            svg.line(x1: plotLeft, y1: y(tick), x2: plotRight, y2: y(tick), stroke: "#dddddd")
            svg.text(
                FixedDecimal.format(tick * 100, decimals: 0) + "%", x: plotLeft - 6, y: y(tick) + 4, anchor: "end",
                size: 11)
        }
        for day in stride(from: 0, through: span.end, by: span.step) {
            svg.line(x1: x(day), y1: plotBottom, x2: x(day), y2: plotBottom + 4, stroke: "#555555")
            svg.text(FixedDecimal.count(day), x: x(day), y: plotBottom + 18, anchor: "middle", size: 11)
        }
        svg.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: "#555555")
        svg.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, stroke: "#555555")
        svg.text(
            "days since admissibility (or filing)", x: (plotLeft + plotRight) / 2, y: plotBottom + 40, anchor: "middle",
            size: 12)
        for (days, label) in [(120, "4 months"), (270, "9 months")] {
            svg.line(x1: x(days), y1: plotTop, x2: x(days), y2: plotBottom, stroke: "#555555", dashed: true)
            svg.text(label, x: x(days) + 4, y: plotTop + 12, size: 11)
        }
        guard !shown.isEmpty else {
            svg.text("No request durations.", x: plotLeft + 12, y: plotTop + 20)
            return svg.render()
        }
        for (offset, summary) in shown.enumerated() {
            let colour = SVGDocument.palette[offset % SVGDocument.palette.count]
            if let commands = bandCommands(summary.curve, x: x, y: y) {
                svg.band(commands, fill: colour, opacity: 0.12)
            }
            var commands = "M\(SVGDocument.number(x(0))) \(SVGDocument.number(y(1)))"
            var last = 1.0
            for step in summary.curve {
                commands += " H\(SVGDocument.number(x(step.time)))"
                if step.survival != last {
                    commands += " V\(SVGDocument.number(y(step.survival)))"
                    last = step.survival
                }
            }
            svg.path(commands, stroke: colour, width: summary.country == nil ? 3 : 2)
            let legendY = plotTop + 10 + Double(offset) * 22
            svg.line(x1: plotRight + 16, y1: legendY, x2: plotRight + 40, y2: legendY, stroke: colour, width: 3)
            let name = summary.country?.name ?? "All requests"
            svg.text("\(name) (\(FixedDecimal.count(summary.subjects)))", x: plotRight + 46, y: legendY + 4, size: 12)
        }
        return svg.render()
    }

    /// The closed outline of a curve's pointwise band: the upper limits as steps from day 0, then the lower
    /// limits back; it stops where the curve reaches 0 (no interval there). `nil` without a step.
    static func bandCommands(
        _ curve: [SurvivalStep], x: (Int) -> Double, y: (Double) -> Double
    ) -> String? {
        var segments: [(start: Int, end: Int, lower: Double, upper: Double)] = []
        var start = 0
        var limits = (lower: 1.0, upper: 1.0)
        for step in curve {
            segments.append((start, step.time, limits.lower, limits.upper))
            guard let interval = step.interval else { break }
            start = step.time
            limits = (interval.lower, interval.upper)
        }
        if let last = curve.last, last.interval != nil {
            segments.append((start, last.time, limits.lower, limits.upper))
        }
        guard !segments.isEmpty else { return nil }
        var points: [String] = []
        func add(_ day: Int, _ share: Double) {
            let point = "\(SVGDocument.number(x(day))) \(SVGDocument.number(y(share)))"
            if points.last != point { points.append(point) }
        }
        for segment in segments {
            add(segment.start, segment.upper)
            add(segment.end, segment.upper)
        }
        for segment in segments.reversed() {
            add(segment.end, segment.lower)
            add(segment.start, segment.lower)
        }
        let commands = "M" + points.joined(separator: " L")
        return commands + " Z"
    }
}
