import Testing
@testable import ReconKit
@testable import ReconRules
import TOML

@Suite("recon.toml")
struct ConfigLoaderTests {
    static let sample = """
        [results]
        dsn_env = "RECON_DB"
        [ministry]
        dsn = "host=10.1.0.5 dbname=yunzheng user=recon"
        [platform]
        dsn = "postgresql://recon@127.0.0.1/platform"
        [[province]]
        code = "410000"
        name = "河南省"
        dsn_env = "RECON_DSN_410000"
        [[province]]
        code = "420000"
        name = "湖北省"
        dsn = "postgresql://recon:secret@10.2.0.1/yz"
        """

    @Test func sampleLoadsWithReferenceDefaults() throws {
        let config = try ConfigLoader.parse(Self.sample, fileName: "recon.toml")
        #expect(config.provinces.map(\.code) == ["410000", "420000"])
        #expect(config.provinces[0].name == "河南省")
        #expect(config.recordSets == RecordSetSpec.reference)
        #expect(config.policyName == ScoringPolicy.default.name)
        #expect(try config.results.resolve(environment: ["RECON_DB": "x"]) == "x")
        let missing = try #require(throws: ConfigError.self) { try config.provinces[0].source.resolve(environment: [:]) }
        #expect(missing.description.contains("RECON_DSN_410000"))
        #expect(missing.description.contains("recon.toml:7"))
    }

    /// issue 18: a far-away province is read by checksums (`read = "checksum"` or `"auto"`).
    @Test func provinceReadModeIsReadAndChecked() throws {
        #expect(try ConfigLoader.parse(Self.sample, fileName: "recon.toml").provinces.map(\.readMode) == [.full, .full])
        let text = Self.sample.replacingOccurrences(of: "name = \"湖北省\"", with: "name = \"湖北省\"\nread = \"checksum\"")
        #expect(try ConfigLoader.parse(text, fileName: "recon.toml").provinces.map(\.readMode) == [.full, .checksum])
        let bad = Self.sample.replacingOccurrences(of: "name = \"湖北省\"", with: "name = \"湖北省\"\nread = \"fast\"")
        let error = try #require(throws: (any Error).self) { try ConfigLoader.parse(bad, fileName: "recon.toml") }
        #expect("\(error)".contains("recon.toml:14") && "\(error)".contains("full, checksum, auto") && "\(error)".contains("fast"), "\(error)")
    }

    @Test func firstQuarterIsReadAndCheckedWithItsLine() throws {
        let config = try ConfigLoader.parse("first_quarter = \"2026Q3\"\n" + Self.sample, fileName: "recon.toml")
        #expect(config.firstQuarter?.description == "2026Q3")
        #expect(try ConfigLoader.parse(Self.sample, fileName: "recon.toml").firstQuarter == nil)
        let error = try #require(throws: (any Error).self) {
            try ConfigLoader.parse("first_quarter = \"2026Q5\"\n" + Self.sample, fileName: "recon.toml")
        }
        #expect("\(error)".contains("recon.toml:1"))
    }

    /// An unknown key inside a key array's inline table is named there, not at the top level.
    @Test func unknownKeyInsideAnInlineTableNamesItsPlace() throws {
        let text = Self.sample + "\n[[record_set]]\nname = \"vehicles\"\nkey = [{ column = \"plate_no\", ministry_colum = \"hphm\" }, \"plate_colour\"]\n"
        let error = try #require(throws: TOMLError.self) { try ConfigLoader.parse(text, fileName: "recon.toml") }
        #expect(error.description.contains("recon.toml:17"), "\(error)")
        #expect(error.description.contains("in key[0] in [[record_set]]"), "\(error)")
        #expect(error.description.contains("ministry_column"), "\(error)")
    }

    @Test func unknownKeyNamesLineAndSuggestion() throws {
        let text = Self.sample + "\n[[record_set]]\nname = \"vehicles\"\nprovince_tabel = \"yz.vehicle\"\n"
        let error = try #require(throws: TOMLError.self) { try ConfigLoader.parse(text, fileName: "recon.toml") }
        #expect(error.description.contains("recon.toml:17"))
        #expect(error.description.contains("province_tabel"))
        #expect(error.description.contains("province_table"))
    }

    @Test func recordSetOverrideKeepsReferenceFields() throws {
        let text = Self.sample + """

            [[record_set]]
            name = "vehicles"
            province_table = "yz.t_vehicle"
            fields = ["vin", { column = "seats", label = "座位数", normalise = ["trim", "decimal"] }]
            """
        let config = try ConfigLoader.parse(text, fileName: "recon.toml")
        let vehicles = try config.recordSet("vehicles")
        #expect(vehicles.provinceTable == "yz.t_vehicle")
        #expect(vehicles.ministryTable == "vehicles")
        #expect(vehicles.key == RecordSetSpec.vehicles.key)
        #expect(vehicles.fields.map(\.column) == ["vin", "seats"])
        #expect(vehicles.fields[0] == RecordSetSpec.vehicles.fields.first { $0.column == "vin" })
        #expect(vehicles.fields[1].label == "座位数")
        #expect(vehicles.fields[1].normalisers == [.trim, .decimal])
        #expect(vehicles.origin.hasPrefix("recon.toml:15"))
    }

    @Test("refusals", arguments: [
        ("[[province]]\ncode = \"41000\"\nname = \"x\"\ndsn = \"d\"", "6 digits"),
        ("[[province]]\ncode = \"410000\"\nname = \"again\"\ndsn = \"d\"", "configured twice"),
        ("[[record_set]]\nname = \"vehicles\"\nfields = [{ column = \"vin\", normalise = [\"trimm\"] }]", "unknown normaliser \"trimm\""),
        ("[[record_set]]\nname = \"boats\"\nkey = [\"hull_no\"]\nfields = [\"name\"]", "must be defined fully"),
        ("[[record_set]]\nname = \"vehicles\"\nkey = [\"vin\"]\nfields = [\"vin\"]", "appears twice"),
        ("record_sets = [\"vehicles\", \"ships\"]", "unknown record set \"ships\""),
    ])
    func refusals(_ extra: String, _ expected: String) {
        // Top-level keys must precede tables in TOML: put `record_sets` first.
        let text = extra.hasPrefix("record_sets") ? extra + "\n" + Self.sample : Self.sample + "\n" + extra + "\n"
        do {
            _ = try ConfigLoader.parse(text, fileName: "recon.toml")
            Issue.record("expected a refusal containing \(expected)")
        } catch {
            #expect(String(describing: error).contains(expected), "\(error)")
            #expect(String(describing: error).contains("recon.toml"), "\(error)")
        }
    }

    @Test func bothDsnAndEnvRefused() {
        let text = Self.sample.replacingOccurrences(of: "dsn_env = \"RECON_DB\"", with: "dsn_env = \"RECON_DB\"\ndsn = \"x\"")
        #expect(throws: TOMLError.self) { try ConfigLoader.parse(text, fileName: "recon.toml") }
    }
}

import Foundation
