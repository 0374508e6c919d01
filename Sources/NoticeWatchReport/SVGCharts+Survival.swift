import NoticeWatchModel

extension SVGCharts {
    /// How many country curves the survival chart draws beside the overall curve.
    static let survivalCountries = 4

    /// `charts/notice-survival.svg`: Kaplan–Meier step curves of notices, all countries and the
    /// ``survivalCountries`` countries with the most notices (ties by alpha-2 code), days on the x axis.
    static func noticeSurvival(_ figures: Figures) -> String {
        let overall = figures.noticeSurvival.filter { $0.country == nil }
        let countries = figures.noticeSurvival.filter { $0.country != nil && !$0.curve.isEmpty }
            .sorted { ($0.subjects, $1.country!) > ($1.subjects, $0.country!) }
            .prefix(survivalCountries)
        let groups = Array(overall.prefix(1)) + countries
        let plotLeft = 70.0
        let plotRight = chartWidth - 180
        let plotTop = 56.0
        let plotBottom = 356.0
        var svg = SVGDocument(width: chartWidth, height: plotBottom + 60, title: "Notices not yet cancelled")
        svg.text(
            "Share of notices not yet cancelled, by days since issue (Kaplan–Meier)", x: 16, y: 28, size: 16, bold: true
        )
        let maxTime = groups.flatMap(\.curve).map(\.time).max() ?? 0
        let span = niceSpan(maxTime)
        func x(_ day: Int) -> Double { plotLeft + (plotRight - plotLeft) * Double(day) / Double(span.end) }
        func y(_ survival: Double) -> Double { plotBottom - (plotBottom - plotTop) * min(1, max(0, survival)) }
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
        svg.text("days since issue", x: (plotLeft + plotRight) / 2, y: plotBottom + 40, anchor: "middle", size: 12)
        guard !groups.isEmpty, maxTime > 0 else {
            svg.text("No notice durations.", x: plotLeft + 12, y: plotTop + 20)
            return svg.render()
        }
        for (offset, group) in groups.enumerated() {
            let colour = SVGDocument.palette[offset % SVGDocument.palette.count]
            var commands = "M\(SVGDocument.number(x(0))) \(SVGDocument.number(y(1)))"
            var last = 1.0
            for step in group.curve {
                commands += " H\(SVGDocument.number(x(step.time)))"
                if step.survival != last {
                    commands += " V\(SVGDocument.number(y(step.survival)))"
                    last = step.survival
                }
            }
            svg.path(commands, stroke: colour, width: group.country == nil ? 3 : 2)
            let legendY = plotTop + 10 + Double(offset) * 22
            svg.line(x1: plotRight + 16, y1: legendY, x2: plotRight + 40, y2: legendY, stroke: colour, width: 3)
            let name = group.country?.name ?? "All countries"
            svg.text("\(name) (\(FixedDecimal.count(group.subjects)))", x: plotRight + 46, y: legendY + 4, size: 12)
        }
        return svg.render()
    }

    /// An axis end at or above `maxTime` and a tick step: years when the span is over two years, else
    /// 30-day months, else days in tens.
    static func niceSpan(_ maxTime: Int) -> (end: Int, step: Int) {
        let step: Int
        if maxTime > 3650 {
            step = 730
        } else if maxTime > 730 {
            step = 365
        } else if maxTime > 180 {
            step = 90
        } else if maxTime > 60 {
            step = 30
        } else {
            step = 10
        }
        let end = max(step, (maxTime + step - 1) / step * step)
        return (end, step)
    }
}
