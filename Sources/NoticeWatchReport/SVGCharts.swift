import NoticeWatchModel

/// The report's charts: complaint volumes as bars, overturn rates with interval whiskers, and Kaplan–Meier
/// curves of notices. Each is a function from figures to SVG text.
enum SVGCharts {
    static let chartWidth = 760.0
    static let labelWidth = 190.0
    static let rowHeight = 24.0
    static let top = 56.0

    /// `charts/volumes.svg`: one bar per country among the top `options.topCountries`, then the rest summed.
    static func volumes(_ figures: Figures) -> String {
        let volumes = figures.volumes
        let nonZero = volumes.rows.filter { $0.total > 0 }
        let top = max(0, figures.options.topCountries)
        var bars = nonZero.prefix(top).map { (label: $0.country.name, value: $0.total) }
        let rest = nonZero.dropFirst(top)
        if !rest.isEmpty { bars.append(("Other countries (\(rest.count))", rest.reduce(0) { $0 + $1.total })) }
        let height = Self.bottom(rows: max(1, bars.count)) + 30
        var svg = SVGDocument(width: chartWidth, height: height, title: "Complaints per requesting country")
        var period = ""
        if let first = volumes.years.first, let last = volumes.years.last {
            period = first == last ? ", \(volumes.label(year: last))" : ", \(first)–\(volumes.label(year: last))"
        }
        svg.text(
            "Complaints per requesting country (\(FixedDecimal.count(volumes.total)) in all\(period))", x: 16, y: 28,
            size: 16, bold: true)
        guard let largest = bars.map(\.value).max(), largest > 0 else {
            svg.text("No complaints.", x: 16, y: Self.top + 16)
            return svg.render()
        }
        let area = chartWidth - labelWidth - 90
        for (offset, bar) in bars.enumerated() {
            let y = Self.top + Double(offset) * rowHeight
            svg.text(bar.label, x: labelWidth - 8, y: y + 16, anchor: "end")
            let width = area * Double(bar.value) / Double(largest)
            svg.rect(x: labelWidth, y: y + 4, width: width, height: rowHeight - 8, fill: SVGDocument.palette[0])
            svg.text(FixedDecimal.count(bar.value), x: labelWidth + width + 6, y: y + 16)
        }
        return svg.render()
    }

    /// The y of the area's bottom for `rows` rows.
    private static func bottom(rows: Int) -> Double { top + Double(rows) * rowHeight }

    /// `charts/overturn-rates.svg`: ranked countries by the interval's lower bound, a dot at the rate and a whisker over the
    /// Wilson interval, a dashed line at the overall rate.
    static func overturnRates(_ figures: Figures) -> String {
        let rates = figures.overturnRates
        let ranked = rates.ranked
        let level = FixedDecimal.level(figures.options.confidenceLevel)
        let bottom = Self.bottom(rows: max(1, ranked.count))
        var svg = SVGDocument(width: chartWidth, height: bottom + 50, title: "Overturn rates with \(level)% intervals")
        svg.text(
            "Overturn rate per requesting country, with \(level)% Wilson intervals", x: 16, y: 28, size: 16, bold: true)
        let area = chartWidth - labelWidth - 40
        func x(_ rate: Double) -> Double { labelWidth + area * min(1, max(0, rate)) }
        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            svg.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: "#dddddd")
            svg.text(
                FixedDecimal.format(tick * 100, decimals: 0) + "%", x: x(tick), y: bottom + 18, anchor: "middle",
                size: 11)
        }
        guard !ranked.isEmpty else {
            svg.text("No country has enough decisions to rank.", x: labelWidth + 8, y: top + 16)
            return svg.render()
        }
        for (offset, row) in ranked.enumerated() {
            let y = top + Double(offset) * rowHeight + rowHeight / 2
            svg.text(row.country.name, x: labelWidth - 8, y: y + 4, anchor: "end")
            if let interval = row.tally.interval {
                svg.line(
                    x1: x(interval.lower), y1: y, x2: x(interval.upper), y2: y, stroke: SVGDocument.palette[0], width: 2
                )
                svg.line(
                    x1: x(interval.lower), y1: y - 5, x2: x(interval.lower), y2: y + 5, stroke: SVGDocument.palette[0],
                    width: 2)
                svg.line(
                    x1: x(interval.upper), y1: y - 5, x2: x(interval.upper), y2: y + 5, stroke: SVGDocument.palette[0],
                    width: 2)
            }
            svg.circle(x: x(row.tally.rate ?? 0), y: y, radius: 4, fill: SVGDocument.palette[1])
        }
        if let overall = rates.overall.rate {
            svg.line(x1: x(overall), y1: top - 6, x2: x(overall), y2: bottom, stroke: "#555555", dashed: true)
            svg.text(
                "all countries " + FixedDecimal.percent(overall) + "%", x: x(overall), y: bottom + 36, anchor: "middle",
                size: 11)
        }
        return svg.render()
    }
}
