// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "recon",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "recon", targets: ["recon"]),
        .library(name: "ReconKit", targets: ["ReconKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // C libraries: module map + shim header only.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),

        // The only importer of CLibPQ.
        .target(name: "PostgresClient", dependencies: ["CLibPQ"]),
        // The only importer of CXlsxWriter.
        .target(name: "XlsxWriter", dependencies: ["CXlsxWriter"]),

        // Embeds sql/ into the binary at build time, so an installed `recon` needs no resource bundle.
        .executableTarget(name: "embed-sql"),
        .plugin(name: "EmbedSQLPlugin", capability: .buildTool(), dependencies: ["embed-sql"]),

        // The domain: calendar, config, diff, lists, tracking, scoring, sample data.
        .target(
            name: "ReconKit",
            dependencies: [
                "PostgresClient",
                "XlsxWriter",
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedSQLPlugin"]
        ),

        // The province portal: HTTP API and pages over the results database.
        .target(
            name: "ReconPortal",
            dependencies: [
                "ReconKit",
                "PostgresClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Thin CLI: parsing and printing only.
        .executableTarget(
            name: "recon",
            dependencies: [
                "ReconKit",
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
        .testTarget(name: "ReconKitTests", dependencies: ["ReconKit"]),
        .testTarget(name: "ReconPortalTests", dependencies: [
            "ReconPortal", "ReconKit", "PostgresClient", "ReconTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "IntegrationTests", dependencies: [
            "ReconKit", "PostgresClient", "ReconTestSupport", .product(name: "Logging", package: "swift-log"),
        ]),
    ]
)
