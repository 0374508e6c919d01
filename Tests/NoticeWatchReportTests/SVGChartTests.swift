import Foundation
import NoticeWatchModel
import Testing

@testable import NoticeWatchReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects element names and text while parsing, and records the first error.
final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var texts: [String] = []
    var error: (any Error)?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(name)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { texts.append(trimmed) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        error = parseError
    }
}

/// The texts of a chart in document order, joined by spaces: wrapped sentences read whole.
func wordsOf(_ svg: String) -> String {
    ChartTextLayout(svg: Data(svg.utf8)).boxes.map(\.text).joined(separator: " ")
}

@Suite struct SVGChartTests {
    @Test(arguments: ReportWriter.chartPaths)
    func chartsAreWellFormedSVGWithLabels(path: String) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let data = try #require(FileManager.default.contents(atPath: folder + "/" + path))
        let collector = SVGCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "\(path): \(String(describing: collector.error))")
        #expect(collector.elements.first == "svg")
        #expect(collector.elements.contains("title"))
        // The fixture's years of decision and complaint durations are for all countries only, and its
        // countries' notice and request durations are too few to draw.
        let allCountriesOnly = [
            "charts/overturn-rate-by-year.svg", "charts/complaint-survival.svg", "charts/notice-survival.svg",
            "charts/review-delays.svg",
        ]
        if !allCountriesOnly.contains(path) {
            #expect(collector.texts.contains("Russia") || collector.texts.contains { $0.hasPrefix("Russia (") })
        }
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("href"), "no external assets")
        #expect(!text.contains("<script"))
    }

    @Test(arguments: ReportWriter.chartPaths)
    func chartsOfAnEmptyRunAreWellFormedAndSaySo(path: String) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(ReportFixture.emptyInput, in: temporary)
        let data = try #require(FileManager.default.contents(atPath: folder + "/" + path))
        let collector = SVGCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "\(path): \(String(describing: collector.error))")
        let messages = [
            "No complaints.", "No complaints with a filing year.", "No country has enough decisions to rank.",
            "No decided complaint with a decision year.", "No notices with a duration.",
            "No complaints with a duration.", "No requests with a duration.",
        ]
        #expect(collector.texts.contains { messages.contains($0) })
    }

    @Test func survivalChartDrawsTheAnalysisBandsTicksMedianAndNumberAtRisk() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let text = readText(folder, "charts/notice-survival.svg")
        // All countries: 1 → 2/3 at day 365, → 1/3 at day 500, censored at 1,156, where the axis ends;
        // x = 93.3 + 476.7·day/1156, y = 324 − 240·share (the lowest band bound is 0.9%: 0–100%).
        #expect(
            text.contains(
                "<path d=\"M93.3 84.0 H243.8 V164.0 H299.5 V244.0 H570.0\" fill=\"none\" stroke=\"#000000\" "
                    + "stroke-width=\"2.5\"/>"))
        // The band is the analysis's own interval at each step (0.945 and 0.774 up, 0.054 and 0.009 down).
        #expect(
            text.contains(
                "<path d=\"M93.3 84.0 H243.8 V97.1 H299.5 V138.2 H570.0 V321.8 H299.5 V311.0 H243.8 V84.0 H93.3 Z\" "
                    + "fill=\"#000000\" fill-opacity=\"0.15\" stroke=\"none\"/>"))
        #expect(text.contains("<path d=\"M570.0 241.0v6\""), "a censoring tick at day 1,156")
        #expect(
            text.contains(
                "<path d=\"M93.3 204.0 H299.5 V324.0\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1.0\" "
                    + "stroke-dasharray=\"4 3\"/>"), "the median, 500 days")
        #expect(text.contains(">All countries (n = 3, median 500 days)</text>"))
        #expect(text.contains(">Number at risk</text>"))
        for (x, count) in [("93.3", 3), ("243.8", 3), ("394.3", 1), ("544.8", 1)] {
            #expect(
                text.contains("<text x=\"\(x)\" y=\"389.0\" font-size=\"11.0\" text-anchor=\"middle\">\(count)</text>"))
        }
        let caption = wordsOf(text)
        #expect(caption.contains("runs from 0% to 100%. The horizontal axis ends at the longest duration, 1,156 days."))
        #expect(caption.contains("No country has at least 10 durations and 5 ended ones: all countries only."))
        #expect(!text.contains(">Russia"), "Russia's 2 durations are too few to draw")
    }

    @Test func survivalChartScalesItsAxisToTheDataAndSaysSo() throws {
        var input = ReportFixture.input
        let step = SurvivalStep(
            time: 400, atRisk: 20, events: 2, censored: 18, survival: 0.9,
            interval: ConfidenceInterval(lower: 0.72, upper: 0.97))
        input.figures.noticeSurvival[0].curve = [step]
        let text = SVGCharts.noticeSurvival(input)
        #expect(text.contains(">70%</text>") && text.contains(">100%</text>") && !text.contains(">65%</text>"))
        let caption = wordsOf(text)
        #expect(caption.contains("The vertical axis runs from 70% to 100%, not from 0, to hold every curve and band."))
        #expect(caption.contains("The horizontal axis ends at the longest duration, 400 days."))
    }

    @Test func rateChartHasWhiskersTheNamedOverallRateAndNotesWhatIsLeftOut() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let text = readText(folder, "charts/overturn-rates.svg")
        // x = 97.8 + 474.2·rate: Russia's interval 70–100%, the overall rate 2/3.
        #expect(
            text.contains(
                "<line x1=\"429.7\" y1=\"92.0\" x2=\"572.0\" y2=\"92.0\" stroke=\"#0072B2\" stroke-width=\"2.0\"/>"))
        #expect(text.contains("<circle cx=\"572.0\" cy=\"92.0\" r=\"4.0\" fill=\"#D55E00\"/>"))
        #expect(
            text.contains(
                "<line x1=\"413.9\" y1=\"82.0\" x2=\"413.9\" y2=\"102.0\" stroke=\"#555555\" stroke-width=\"1.0\" "
                    + "stroke-dasharray=\"4 3\"/>"))
        #expect(text.contains(">All countries: 66.7% (n = 3)</text>"))
        #expect(text.contains(">Russia</text>") && text.contains("text-anchor=\"end\">2</text>"), "n beside the name")
        #expect(text.contains(">Overturn rate (overturned ÷ decided complaints)</text>"), "the axis title")
        #expect(!text.contains("Türkiye"), "too few to rank: not drawn")
        #expect(wordsOf(text).contains("Not drawn: 1 country with fewer than 2 decided complaints, too few to rank"))
    }

    @Test func aPartialLastYearIsDrawnDashedAndLabelled() throws {
        let input = CrowdedChartFixture.input
        for text in [SVGCharts.complaintsPerYear(input), SVGCharts.overturnRateByYear(input)] {
            #expect(text.contains(">partial: Jan–Jun</text>"))
            #expect(wordsOf(text).contains("2025 (partial: Jan–Jun): counted only up to the as-of date"))
            #expect(text.contains("stroke-dasharray=\"4 3\""))
            #expect(text.contains("fill=\"#FFFFFF\" stroke="), "a hollow dot for the partial year")
        }
        let perYear = SVGCharts.complaintsPerYear(input)
        for country in CrowdedChartFixture.countries.prefix(5) { #expect(perYear.contains(">\(country.name) (")) }
        let byYear = SVGCharts.overturnRateByYear(input)
        #expect(byYear.contains("fill-opacity=\"0.20\""), "the Wilson band")
        // 2012 has no decision: the line breaks there, so two solid runs.
        #expect(byYear.components(separatedBy: "stroke=\"#0072B2\" stroke-width=\"2.0\"/>").count - 1 >= 2)
    }
}

@Suite struct ReviewDelayChartTests {
    @Test("the review-delay chart is a survival chart of requests: titled, captioned, the overall curve drawn")
    func drawnAsASurvivalChart() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let text = readText(folder, "charts/review-delays.svg")
        #expect(text.contains("Share of requests to the CCF not yet decided, by days since admissibility"))
        #expect(text.contains("Days since admissibility (or filing)"))
        #expect(text.contains("requests still pending"))
        // The overall curve starts at 100% on day 0 and steps down: a path of horizontal and vertical moves.
        #expect(text.contains("<path d=\"M") && text.contains(" H") && text.contains(" V"))
        #expect(!text.contains("No requests with a duration."))
    }
}
