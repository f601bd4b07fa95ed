import Testing
@testable import ReconSample
@testable import ReconKit
@testable import ReconRules

@Suite("Sample determinism")
struct SampleDeterminismTests {
    @Test(arguments: SampleFixtures.setNames)
    func sameSeedSameRows(set: String) throws {
        let a = try SampleFixtures.generator(seed: 11, rows: 800).rows(province: "410000", recordSet: set)
        let b = try SampleFixtures.generator(seed: 11, rows: 800).rows(province: "410000", recordSet: set)
        #expect(a.ministry == b.ministry)
        #expect(a.province == b.province)
        #expect(a.differences == b.differences)
        #expect(a.summary == b.summary)
    }

    @Test(arguments: SampleFixtures.setNames)
    func otherSeedOtherRows(set: String) throws {
        let a = try SampleFixtures.generator(seed: 11, rows: 800).rows(province: "410000", recordSet: set)
        let b = try SampleFixtures.generator(seed: 12, rows: 800).rows(province: "410000", recordSet: set)
        #expect(a.ministry != b.ministry)
        #expect(a.province != b.province)
        #expect(Set(a.differences.map(\.keyText)) != Set(b.differences.map(\.keyText)))
    }

    @Test func sameSeedSameTruthAndBusiness() throws {
        let a = try SampleFixtures.generator(seed: 5, rows: 500)
        let b = try SampleFixtures.generator(seed: 5, rows: 500)
        #expect(try a.plantedTruth() == b.plantedTruth())
        #expect(try a.businessRows(province: "110000").ministry == b.businessRows(province: "110000").ministry)
        #expect(try a.businessRows(province: "110000").platform == b.businessRows(province: "110000").platform)
        let c = try SampleFixtures.generator(seed: 6, rows: 500)
        #expect(try a.plantedTruth().differences != c.plantedTruth().differences)
    }

    @Test func aProvinceDoesNotDependOnTheOthers() throws {
        let alone = try SampleFixtures.generator(seed: 3, rows: 400, provinces: ["420000"]).rows(province: "420000", recordSet: "vehicles")
        let together = try SampleFixtures.generator(seed: 3, rows: 400, provinces: ["410000", "420000"]).rows(province: "420000", recordSet: "vehicles")
        #expect(alone.ministry == together.ministry)
        #expect(alone.differences == together.differences)
    }

    @Test func truthOfTheDryRunEqualsTheRowsPlanted() throws {
        let generator = try SampleFixtures.generator(seed: 9, rows: 600)
        let truth = try generator.plantedTruth()
        for province in generator.parameters.provinces {
            for set in SampleFixtures.setNames {
                let rows = try generator.rows(province: province, recordSet: set)
                #expect(Set(rows.differences) == Set(truth.differences(province: province, recordSet: set)))
                #expect(truth.sets.contains(rows.summary))
            }
        }
    }

    @Test func truthFileRoundTrips() throws {
        let truth = try SampleFixtures.generator(seed: 4, rows: 700).plantedTruth()
        let text = try PlantedTruthFile.text(of: truth)
        #expect(try PlantedTruthFile.parse(text) == truth)
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.contains("\"kind\":\"parameters\""))
        #expect(firstLine.contains("\"seed\":\"4\""))
        #expect(text.contains("\"key_text\":"))
    }

    @Test func truthFileErrorsNameTheLine() {
        let text = "{\"kind\":\"parameters\",\"provinces\":[\"410000\"]}\n"
        #expect { try PlantedTruthFile.parse(text, origin: "t.jsonl") } throws: { error in
            "\(error)".hasPrefix("t.jsonl:1:")
        }
    }
}
