// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "recon",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "recon", targets: ["recon"]),
        .library(name: "ReconRules", targets: ["ReconRules"]),
        .library(name: "ReconKit", targets: ["ReconKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        // Already in the graph through hummingbird; named for the portal's connection handler.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
    ],
    targets: [
        // C libraries: module map + shim header only.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),

        // The only importer of CLibPQ.
        .target(name: "PostgresClient", dependencies: ["CLibPQ"]),
        // The only importer of CXlsxWriter.
        .target(name: "XlsxWriter", dependencies: ["CXlsxWriter"]),

        // Embeds sql/ and data/calendar/ into the binary at build time, so an installed `recon`
        // needs no resource bundle.
        .executableTarget(name: "embed-files"),
        .plugin(name: "EmbedFilesPlugin", capability: .buildTool(), dependencies: ["embed-files"]),

        // The rules, pure Swift (no C library, no database): working-day calendar, scoring rules and
        // exact arithmetic, normalisers, identifier validation, record-set specs, difference
        // categories. docs/rules.md maps each clause to its code here.
        .target(name: "ReconRules", plugins: ["EmbedFilesPlugin"]),

        // The recon.toml parser (TOML 1.0 subset with line numbers), no outside references.
        .target(name: "TOML"),

        // The engine over PostgreSQL and files: config, diff, runs, lists, tracking, scoring store, jobs.
        .target(
            name: "ReconKit",
            dependencies: [
                "ReconRules",
                "TOML",
                "PostgresClient",
                "XlsxWriter",
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedFilesPlugin"]
        ),

        // The sample-data generator (registries with planted differences and noise, re-uploads):
        // used by `recon sample` and the tests only.
        .target(name: "ReconSample", dependencies: ["ReconKit", "ReconRules", "TOML", "PostgresClient"]),

        // The province portal: HTTP API and pages over the results database.
        .target(
            name: "ReconPortal",
            dependencies: [
                "ReconKit",
                "ReconRules",
                "PostgresClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),

        // Thin CLI: parsing and printing only.
        .executableTarget(
            name: "recon",
            dependencies: [
                "ReconKit",
                "ReconRules",
                "ReconSample",
                "ReconPortal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Test support: a fresh database per test on the throwaway server (RECON_TEST_DSN).
        .target(name: "ReconTestSupport", dependencies: ["PostgresClient"], path: "Tests/Support"),

        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "ReconTestSupport"]),
        .testTarget(name: "XlsxWriterTests", dependencies: ["XlsxWriter"]),
        .testTarget(name: "ReconRulesTests", dependencies: ["ReconRules"]),
        .testTarget(name: "TOMLTests", dependencies: ["TOML"]),
        .testTarget(name: "ReconKitTests", dependencies: ["ReconKit", "ReconRules", "TOML"]),
        .testTarget(name: "ReconSampleTests", dependencies: ["ReconSample", "ReconKit", "ReconRules"]),
        .testTarget(name: "ReconPortalTests", dependencies: [
            "ReconPortal", "ReconKit", "ReconRules", "PostgresClient", "ReconTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "IntegrationTests", dependencies: [
            "ReconKit", "ReconRules", "ReconSample", "PostgresClient", "ReconTestSupport", .product(name: "Logging", package: "swift-log"),
        ]),
    ]
)
