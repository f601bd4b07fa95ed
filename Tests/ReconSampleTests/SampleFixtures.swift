@testable import ReconSample
@testable import ReconKit
@testable import ReconRules

/// Small generators shared by the sample tests.
enum SampleFixtures {
    static let quarter = try! Quarter(year: 2025, number: 3)

    /// Parameters with many planted differences and much noise, so that every kind shows up.
    static func parameters(seed: UInt64 = 7, rows: Int = 3_000, provinces: [String] = ["410000", "110000"]) -> SampleParameters {
        SampleParameters(provinces: provinces, rowsPerSet: rows, businessRowsPerProvince: 2_000, seed: seed,
                         differenceRate: try! SampleRate(parsing: "4%"), noiseRate: try! SampleRate(parsing: "40%"),
                         quarter: quarter, platformShare: try! SampleRate(parsing: "92.5%"))
    }

    static func generator(seed: UInt64 = 7, rows: Int = 3_000, provinces: [String] = ["410000", "110000"]) throws -> SampleGenerator {
        try SampleGenerator(parameters: parameters(seed: seed, rows: rows, provinces: provinces))
    }

    static let setNames = ["operators", "practitioners", "vehicles"]

    static func spec(_ name: String) -> RecordSetSpec { RecordSetSpec.reference.first { $0.name == name }! }
}
