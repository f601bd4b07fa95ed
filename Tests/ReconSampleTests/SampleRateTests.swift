import Testing
@testable import ReconSample
@testable import ReconKit
@testable import ReconRules

@Suite("Sample rates")
struct SampleRateTests {
    @Test(arguments: [("0.5%", 5_000), ("0.005", 5_000), ("96%", 960_000), ("100%", 1_000_000), ("0", 0), ("1", 1_000_000),
                      (".5%", 5_000), ("2.5%", 25_000), ("0.0001%", 1), ("0.000001", 1), ("12.3456%", 123_456)])
    func parses(text: String, ppm: Int) throws {
        #expect(try SampleRate(parsing: text).partsPerMillion == ppm)
    }

    @Test(arguments: ["", "%", "abc", "1/2", "-1%", "101%", "1.5", "0.00001%", "0.0000001", "1.2.3", "５%"])
    func refuses(text: String) {
        #expect(throws: SampleError.self) { try SampleRate(parsing: text) }
    }

    @Test func describesExactlyAndRoundTrips() throws {
        for ppm in [0, 1, 5_000, 25_000, 123_456, 960_000, 1_000_000] {
            let rate = try SampleRate(partsPerMillion: ppm)
            #expect(try SampleRate(parsing: rate.description) == rate)
        }
        #expect(try SampleRate(parsing: "0.5%").description == "0.5%")
        #expect(try SampleRate(parsing: "0.96").description == "96%")
    }

    @Test func shareIsTheFloor() throws {
        let rate = try SampleRate(parsing: "96%")
        #expect(rate.share(of: 1808) == 1735)  // 1735.68
        #expect(rate.share(of: 100) == 96)
        #expect(try SampleRate(parsing: "100%").share(of: 7) == 7)
        #expect(SampleRate.zero.share(of: 1_000_000) == 0)
    }
}
