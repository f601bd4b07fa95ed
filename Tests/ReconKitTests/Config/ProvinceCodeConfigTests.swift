import Foundation
import Testing
@testable import ReconKit
import ReconRules
import TOML

/// issue 24 item 6: only the 32 evaluated units (31 provinces + 新疆生产建设兵团 660000) load, each
/// under its own name; anything else is refused at its line before any data moves.
@Suite("recon.toml: province codes are real")
struct ProvinceCodeConfigTests {
    static func config(code: String, name: String) -> String {
        """
        [results]
        dsn_env = "RECON_DB"
        [ministry]
        dsn_env = "RECON_MINISTRY"
        [[province]]
        code = "410000"
        name = "河南省"
        dsn_env = "A"
        [[province]]
        code = "\(code)"
        name = "\(name)"
        dsn_env = "B"
        """
    }

    @Test func unknownCodeIsRefusedAtItsLine() throws {
        let error = try #require(throws: TOMLError.self) {
            try ConfigLoader.parse(Self.config(code: "000000", name: "河南省"), fileName: "recon.toml")
        }
        #expect("\(error)".hasPrefix("recon.toml:10"), "\(error)")
        #expect("\(error)".contains("\"000000\"") && "\(error)".contains("660000"), "\(error)")
        // A six-digit code below province level (a city) is no province either.
        #expect(throws: TOMLError.self) { try ConfigLoader.parse(Self.config(code: "410100", name: "郑州市"), fileName: "recon.toml") }
    }

    @Test func nameOfAnotherProvinceIsRefusedAtTheNameLine() throws {
        let error = try #require(throws: TOMLError.self) {
            try ConfigLoader.parse(Self.config(code: "420000", name: "湖南省"), fileName: "recon.toml")
        }
        #expect("\(error)".hasPrefix("recon.toml:11"), "\(error)")
        #expect("\(error)".contains("湖北省") && "\(error)".contains("430000"), "\(error)")
    }

    @Test func fullAndShortNamesAndTheCorpsLoad() throws {
        #expect(try ConfigLoader.parse(Self.config(code: "420000", name: "湖北省"), fileName: "t").provinces[1].code == "420000")
        #expect(try ConfigLoader.parse(Self.config(code: "450000", name: "广西"), fileName: "t").provinces[1].code == "450000")
        #expect(try ConfigLoader.parse(Self.config(code: "660000", name: "新疆生产建设兵团"), fileName: "t").provinces[1].code == "660000")
    }

    @Test func theTableHas32UnitsWithTheirFullNames() {
        let units = ProvinceCode.evaluatedUnits()
        #expect(units.count == 32)
        #expect(Set(units.map(\.code)).count == 32)
        #expect(units.allSatisfy { $0.fullName.hasPrefix($0.name) })
        #expect(ProvinceCode.withCode("450000")?.fullName == "广西壮族自治区")
        #expect(ProvinceCode.withCode("660000")?.fullName == "新疆生产建设兵团")
        #expect(ProvinceCode.checkConfigured(code: "000000", name: "x") == .unknownCode)
    }

    /// The shipped template configures all 32 units, each with a dsn_env of its own, and loads.
    @Test func templateConfiguresAll32() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let path = url.appendingPathComponent("jobs/recon.toml.example").path
        let config = try ConfigLoader.load(path: path)
        #expect(config.provinces.map(\.code) == ProvinceCode.evaluatedUnits().map(\.code))
        #expect(config.provinces.map(\.name) == ProvinceCode.evaluatedUnits().map(\.fullName))
        #expect(config.provinces.allSatisfy { $0.source.dsnEnv == "RECON_DSN_\($0.code)" && $0.source.dsn == nil })
        #expect(config.outputDirectory == "/var/lib/recon/out")
    }
}
