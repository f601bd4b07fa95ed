import Testing
@testable import ReconKit
import TOML

@Suite("recon.toml: every source resolvable before work starts")
struct SourceCheckTests {
    @Test func everyUnsetVariableIsNamedWithItsLine() throws {
        let config = try ConfigLoader.parse(ConfigLoaderTests.sample, fileName: "recon.toml")
        let error = try #require(throws: ConfigError.self) { try config.checkSources(environment: [:]) }
        #expect(error.description.contains("recon.toml:1 [results]: environment variable RECON_DB is not set"), "\(error)")
        #expect(error.description.contains("recon.toml:7 province[0] 410000: environment variable RECON_DSN_410000"), "\(error)")
        try config.checkSources(environment: ["RECON_DB": "x", "RECON_DSN_410000": "y"])
    }

    @Test func onlyTheNamedProvincesAreChecked() throws {
        let config = try ConfigLoader.parse(ConfigLoaderTests.sample, fileName: "recon.toml")
        try config.checkSources(environment: ["RECON_DB": "x"], provinces: ["420000"], includePlatform: false)
        #expect(throws: ConfigError.self) {
            try config.checkSources(environment: ["RECON_DB": "x"], provinces: ["410000"], includePlatform: false)
        }
    }

    @Test func configurationErrorsAreRecognised() {
        #expect(ConfigError.isConfiguration(ConfigError("x")))
        #expect(ConfigError.isConfiguration(TOMLError(fileName: "recon.toml", line: 2, message: "m")))
        #expect(!ConfigError.isConfiguration(CancellationError()))
    }
}
