import Foundation
import NoticeWatchReport
import Testing

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
        #expect(collector.texts.contains("Russia") || collector.texts.contains { $0.hasPrefix("Russia (") })
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
            "No complaints.", "No country has enough decisions to rank.", "No notice durations.",
            "No request durations.",
        ]
        #expect(collector.texts.contains { messages.contains($0) })
    }

    @Test func survivalChartDrawsStepCurvesAndALegend() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let text = readText(folder, "charts/notice-survival.svg")
        // All countries: 1 → 2/3 at day 365, → 1/3 at day 500, flat to 1156; the axis ends at 1,460 (4 years),
        // x = 70 + 510·day/1460, y = 356 − 300·survival.
        #expect(
            text.contains(
                "<path d=\"M70.0 56.0 H197.5 V156.0 H244.7 V256.0 H473.8\" fill=\"none\" stroke=\"#1b4f72\" stroke-width=\"3.0\"/>"
            ))
        #expect(
            text.contains(
                "<path d=\"M70.0 56.0 H197.5 V206.0 H473.8\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2.0\"/>"))
        #expect(text.contains(">All countries (3)</text>"))
        #expect(text.contains(">Russia (2)</text>"))
        #expect(text.contains(">1,460</text>"))
    }

    @Test func rateChartHasWhiskersAndTheOverallLine() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let text = readText(folder, "charts/overturn-rates.svg")
        #expect(
            text.contains(
                "<line x1=\"561.0\" y1=\"68.0\" x2=\"720.0\" y2=\"68.0\" stroke=\"#1b4f72\" stroke-width=\"2.0\"/>"))
        #expect(text.contains("<circle cx=\"720.0\" cy=\"68.0\" r=\"4.0\" fill=\"#c0392b\"/>"))
        #expect(text.contains("stroke-dasharray=\"4 3\""))
        #expect(text.contains(">all countries 66.7%</text>"))
        #expect(!text.contains("Türkiye"), "too few to rank: not drawn")
    }
}

@Suite struct ReviewDelayChartTests {
    @Test("the review-delay chart draws each curve with its band and the two statutory lines")
    func curvesBandsAndLimits() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        let text = readText(folder, "charts/review-delays.svg")
        // All requests: 1 → 0.75 at day 239; Russia's curve runs to day 1,156, so the axis ends at 1,460 (4 years):
        // x = 70 + 510·day/1460, y = 356 − 300·share; the band steps from [1, 1] to Russia's 0.00578–0.91044.
        #expect(
            text.contains(
                "<path d=\"M70.0 56.0 H153.5 V131.0\" fill=\"none\" stroke=\"#1b4f72\" stroke-width=\"3.0\"/>"))
        #expect(
            text.contains(
                "<path d=\"M70.0 56.0 L197.5 56.0 L197.5 82.9 L473.8 82.9 L473.8 354.3 L197.5 354.3 L197.5 56.0 L70.0 56.0 Z\" "
                    + "fill=\"#c0392b\" fill-opacity=\"0.1\" stroke=\"none\"/>"))
        #expect(text.contains(">4 months</text>") && text.contains(">9 months</text>"))
        #expect(text.contains(">All requests (1)</text>") && text.contains(">Russia (2)</text>"))
    }
}
