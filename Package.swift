// swift-tools-version: 6.0
//
// NoticeWatch: a batch pipeline from leaked notice and complaint exports to publishable figures.
//
// The module graph is the pipeline, and its arrows point one way:
//
//     noticewatch (executable, ArgumentParser)
//        └── NoticeWatchPipeline ── NoticeWatchGenerator
//              ├── NoticeWatchIngest   (CLibXML2, CZlib, Yams)
//              ├── NoticeWatchAnalysis
//              └── NoticeWatchReport   (CSQLite)
//                    └── NoticeWatchModel (no I/O; libcrypto for SHA-256)
//
// Ingest, analysis and report sit side by side above the model and never import each other.
import PackageDescription

let package = Package(
    name: "NoticeWatch",
    products: [
        .executable(name: "noticewatch", targets: ["noticewatch"]),
        .library(name: "NoticeWatchPipeline", targets: ["NoticeWatchPipeline"]),
    ],
    // Every dependency is pinned to one exact version, so that two builds of one commit resolve the same code
    // (Package.resolved stays out of the repository). Raise a pin deliberately, in its own commit.
    dependencies: [
        // Command-line parsing for the thin executable only.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Structured logging of run progress (issue: reports for cron).
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // The sources file: YAML with line and column marks for every node, so mistakes point at the file.
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
    ],
    targets: [
        // System libraries: C headers found through pkg-config, installed by the Makefile when missing.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // The vocabulary of the whole pipeline: records, countries, civil dates, figures. No I/O; libcrypto
        // only for SHA-256, which hashes every input and output (its block function uses the CPU's SHA
        // extensions, several times faster than portable code on the large outputs).
        .target(name: "NoticeWatchModel", dependencies: ["CLibCrypto"]),

        // Readers, the sources file, field mapping, normalization, merging and quarantine.
        .target(
            name: "NoticeWatchIngest",
            dependencies: [
                "NoticeWatchModel",
                "CLibXML2",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Pure computation of every published figure from mergeable partial aggregates.
        .target(name: "NoticeWatchAnalysis", dependencies: ["NoticeWatchModel"]),
        // Markdown, CSV, SVG, SQLite and manifest writers.
        .target(
            name: "NoticeWatchReport", dependencies: ["NoticeWatchModel", "CSQLite"],
            exclude: ["OUTPUTS.md", "figures.schema.json"]),
        // The deterministic synthetic bundle with planted rates.
        .target(name: "NoticeWatchGenerator", dependencies: ["NoticeWatchModel"]),
        // One run: inputs -> records -> figures -> report folder.
        .target(
            name: "NoticeWatchPipeline",
            dependencies: [
                "NoticeWatchModel",
                "NoticeWatchIngest",
                "NoticeWatchAnalysis",
                "NoticeWatchReport",
                "NoticeWatchGenerator",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "noticewatch",
            dependencies: [
                "NoticeWatchPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .testTarget(name: "NoticeWatchModelTests", dependencies: ["NoticeWatchModel"]),
        .testTarget(
            name: "NoticeWatchIngestTests",
            dependencies: ["NoticeWatchIngest", "NoticeWatchModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NoticeWatchAnalysisTests",
            dependencies: ["NoticeWatchAnalysis", "NoticeWatchModel"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NoticeWatchReportTests",
            dependencies: ["NoticeWatchReport", "NoticeWatchModel"]
        ),
        .testTarget(name: "NoticeWatchGeneratorTests", dependencies: ["NoticeWatchGenerator", "NoticeWatchModel"]),
        .testTarget(
            name: "NoticeWatchPipelineTests",
            dependencies: [
                "NoticeWatchPipeline", "NoticeWatchGenerator", "NoticeWatchIngest", "NoticeWatchAnalysis",
                "NoticeWatchModel",
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
