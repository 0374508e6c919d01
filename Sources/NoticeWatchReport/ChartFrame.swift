import NoticeWatchModel

/// The parts every chart shares, laid out top to bottom on an ``SVGDocument`` of ``width`` px: a title that
/// wraps, a legend that flows onto as many lines as it needs, and a caption (method notes, source files,
/// as-of date, NoticeWatch version) under the plot. Positions come from ``TextMetrics`` estimates, so that no
/// two texts overlap at 600 px wide.
struct ChartFrame {
    /// Every chart's width: a newspaper column shown at 1:1 on a phone, or two columns in print.
    static let width = 600.0
    /// Left and right margin.
    static let margin = 16.0
    static let titleSize = 15.0
    static let bodySize = 12.0
    /// Ticks, axis titles, tables under axes, captions: the documented minimum.
    static let smallSize = SVGDocument.minimumFontSize
    static let titleLineHeight = 19.0
    static let bodyLineHeight = 17.0
    static let smallLineHeight = 14.0

    var svg: SVGDocument
    /// The y of the top of what comes next.
    var cursor = 10.0

    /// The width available between the margins.
    var contentWidth: Double { Self.width - 2 * Self.margin }

    /// A frame whose document is titled `title`, with the title written, wrapped, at the top.
    init(title: String) {
        svg = SVGDocument(width: Self.width, height: 0, title: title)
        for line in TextMetrics.wrap(title, width: contentWidth, size: Self.titleSize, bold: true) {
            cursor += Self.titleLineHeight
            svg.text(line, x: Self.margin, y: cursor - 4, size: Self.titleSize, bold: true)
        }
        cursor += 8
    }

    /// A series in a legend: its label and how it is drawn.
    struct LegendItem {
        var label: String
        var colour: String
        var dashed = false
    }

    /// Writes `items` left to right, each a short line in its colour then its label, onto as many lines as
    /// they need.
    mutating func legend(_ items: [LegendItem]) {
        guard !items.isEmpty else { return }
        let swatch = 18.0
        let gap = 14.0
        var x = Self.margin
        cursor += Self.bodyLineHeight
        for item in items {
            let width = swatch + 5 + TextMetrics.width(item.label, size: Self.bodySize)
            if x > Self.margin && x + width > Self.width - Self.margin {
                x = Self.margin
                cursor += Self.bodyLineHeight
            }
            let middle = cursor - 8
            svg.line(x1: x, y1: middle, x2: x + swatch, y2: middle, stroke: item.colour, width: 3, dashed: item.dashed)
            svg.text(item.label, x: x + swatch + 5, y: cursor - 4, size: Self.bodySize)
            x += width + gap
        }
        cursor += 6
    }

    /// Writes `lines` of small text, each wrapped to the content width, starting below `cursor`.
    mutating func notes(_ lines: [String], bold: Bool = false, fill: String? = SVGDocument.secondaryText) {
        for paragraph in lines {
            for line in TextMetrics.wrap(paragraph, width: contentWidth, size: Self.smallSize, bold: bold) {
                cursor += Self.smallLineHeight
                svg.text(line, x: Self.margin, y: cursor - 3, size: Self.smallSize, bold: bold, fill: fill)
            }
        }
    }

    /// Writes the caption (`notes`, then the sources line) and returns the finished document.
    mutating func finish(caption notes: [String], source: String) -> String {
        cursor += 8
        self.notes(notes + [source])
        svg.height = (cursor + 10).rounded(.up)
        return svg.render()
    }
}

/// The last line of every caption: the files the chart's records were read from, the as-of date and the
/// version of NoticeWatch.
enum ChartSource {
    /// `Source: notices_register.csv, api_pages/ (13 files). As of 2025-06-30. NoticeWatch 0.1.0.`, naming the
    /// files of the sources that read records of `kinds`: a source with one file by its path, one with
    /// several by their common folder (or the source's name) and their number.
    static func line(_ input: ReportInput, kinds: Set<RecordKind>) -> String {
        let sources = Set(input.ingest.sources.filter { kinds.contains($0.recordKind) }.map(\.source))
        var filesBySource: [String: [String]] = [:]
        for file in input.ingest.inputFiles where sources.contains(file.source) {
            filesBySource[file.source, default: []].append(file.path)
        }
        var names: [String] = []
        for source in filesBySource.keys.sorted() {
            let files = filesBySource[source]!.sorted()
            if files.count == 1 {
                names.append(files[0])
                continue
            }
            let folders = Set(files.map { path in path.split(separator: "/").dropLast().joined(separator: "/") })
            let folder = folders.count == 1 && !folders.first!.isEmpty ? folders.first! + "/" : source
            names.append("\(folder) (\(FixedDecimal.count(files.count)) files)")
        }
        let options = input.figures.options
        let files = names.isEmpty ? "no input files" : names.sorted().joined(separator: ", ")
        return "Source: \(files). As of \(options.asOf). NoticeWatch \(input.provenance.toolVersion)."
    }
}
