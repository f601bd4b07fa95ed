import Testing
@testable import ReconSample
@testable import ReconKit
@testable import ReconRules

@Suite("Sample layout")
struct SampleLayoutTests {
    @Test func demoLayoutNamesTheDatabases() throws {
        let layout = try SampleLayout.onServer("postgresql://recon@127.0.0.1:5433/recon?sslmode=disable", provinces: ["410000", "650000"])
        #expect(layout.results == "postgresql://recon@127.0.0.1:5433/recon?sslmode=disable")
        #expect(layout.ministry == "postgresql://recon@127.0.0.1:5433/recon_ministry?sslmode=disable")
        #expect(layout.platform == "postgresql://recon@127.0.0.1:5433/recon_platform?sslmode=disable")
        #expect(layout.provinces.map(\.dsn) == ["postgresql://recon@127.0.0.1:5433/recon_p410000?sslmode=disable",
                                                 "postgresql://recon@127.0.0.1:5433/recon_p650000?sslmode=disable"])
        #expect(layout.provinces.map(\.name) == ["河南省", "新疆维吾尔自治区"])
    }

    @Test func keyValueConninfo() {
        #expect(SampleLayout.replacingDatabase(in: "host=db port=5432 dbname=recon user=u", with: "recon_ministry")
                == "host=db port=5432 user=u dbname=recon_ministry")
        #expect(SampleLayout.replacingDatabase(in: "postgresql://h", with: "x") == "postgresql://h/x")
    }

    @Test func configIsReadByTheConfigLoader() throws {
        let layout = try SampleLayout.onServer("postgresql://recon@127.0.0.1:5433/recon", provinces: ["410000", "420000"])
        let config = try ConfigLoader.parse(layout.configTOML, fileName: "recon.toml")
        #expect(config.results.dsn == layout.results)
        #expect(config.ministry.dsn == layout.ministry)
        #expect(config.platform?.dsn == layout.platform)
        #expect(config.provinces.map(\.code) == ["410000", "420000"])
        #expect(config.provinces.map(\.name) == ["河南省", "湖北省"])
        #expect(config.provinces.map(\.source.dsn) == layout.provinces.map(\.dsn))
        #expect(config.provinces.map(\.readMode) == [.full, .checksum], "the last of several provinces is read by checksums")
    }

    @Test func tomlStringsAreEscaped() {
        #expect(SampleLayout.tomlString("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"")
    }

    @Test func provincesOption() throws {
        #expect(try SampleParameters.provinces(parsing: "3") == ["110000", "120000", "130000"])
        #expect(try SampleParameters.provinces(parsing: "410000, 420000,410000") == ["410000", "420000"])
        #expect(throws: SampleError.self) { try SampleParameters.provinces(parsing: "999999") }
        #expect(throws: SampleError.self) { try SampleParameters.provinces(parsing: "0") }
        #expect(throws: SampleError.self) { try SampleParameters.provinces(parsing: "32") }
    }

    @Test func everyProvinceHasCitiesWithRealCodes() {
        #expect(SampleRegionTable.provinces.count == 31)
        for province in SampleRegionTable.provinces {
            #expect(province.cities.count >= 2)
            for city in province.cities {
                #expect(city.code.count == 6 && city.code.hasPrefix(String(province.unit.code.prefix(2))), "\(city.code) \(city.name)")
                #expect(PermitNumber.isValid(city.code + "000001"))
            }
            #expect(Set(province.cities.map(\.code)).count == province.cities.count)
        }
    }

    @Test func tooManyRowsIsRefused() throws {
        let generator = try SampleGenerator(parameters: SampleParameters(provinces: ["460000"], rowsPerSet: 10_000_000, quarter: SampleFixtures.quarter))
        #expect(throws: SampleError.self) { _ = try generator.rows(province: "460000", recordSet: "operators") }
    }
}
