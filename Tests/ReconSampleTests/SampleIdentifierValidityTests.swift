import Testing
@testable import ReconSample
@testable import ReconKit
@testable import ReconRules

/// Every identifier the generator writes (canonical ministry values) is valid by the validators
/// of the Identifiers module.
@Suite("Sample identifiers")
struct SampleIdentifierValidityTests {
    static let provinces = ["410000", "110000", "650000"]

    /// The canonical rows: live ministry rows whose key is not empty.
    static func canonical(_ set: String, _ province: String) throws -> (SampleRecordRows, [[String?]]) {
        let rows = try SampleFixtures.generator(seed: 21, rows: 2_000, provinces: provinces).rows(province: province, recordSet: set)
        return (rows, rows.ministry.filter { !$0.deleted && !($0.values[0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.map(\.values))
    }

    static func column(_ rows: SampleRecordRows, _ name: String) -> Int { rows.columns.firstIndex(of: name)! }

    @Test(arguments: provinces)
    func operators(province: String) throws {
        let (rows, values) = try Self.canonical("operators", province)
        #expect(values.count > 1_900)
        for row in values {
            let licence = try #require(row[Self.column(rows, "licence_no")])
            #expect(PermitNumber.isValid(licence), "经营许可证号 \(licence)")
            #expect(licence.hasPrefix(String(province.prefix(2))), "经营许可证号 \(licence) outside \(province)")
            #expect(row[Self.column(rows, "region_code")] == String(licence.prefix(6)))
            let credit = try #require(row[Self.column(rows, "credit_code")])
            #expect(SocialCreditCode.isValid(credit), "统一社会信用代码 \(credit)")
            #expect(row[Self.column(rows, "address")]?.hasPrefix(try SampleLayout.provinceName(province)) == true)
        }
    }

    @Test(arguments: provinces)
    func practitioners(province: String) throws {
        let (rows, values) = try Self.canonical("practitioners", province)
        var endsInX = 0
        for row in values {
            let certificate = try #require(row[Self.column(rows, "certificate_no")])
            #expect(ResidentID.isValid(certificate), "从业资格证号 \(certificate)")
            #expect(certificate.hasPrefix(String(province.prefix(2))))
            #expect(certificate == certificate.uppercased())
            #expect(row[Self.column(rows, "id_number")] == certificate)
            if certificate.hasSuffix("X") { endsInX += 1 }
            if let classes = row[Self.column(rows, "driving_class")] {
                #expect(DrivingLicenceClass(rawValue: classes) != nil, "准驾车型 \(classes)")
            }
            let categories = try #require(row[Self.column(rows, "qualification_category")])
            #expect(QualificationCategory.parseList(categories) != nil, "从业资格类别 \(categories)")
            if let phone = row[Self.column(rows, "phone")] {
                #expect(phone.count == 11 && phone.hasPrefix("1") && phone.allSatisfy(\.isASCII))
            }
        }
        #expect(endsInX > 0, "some ID numbers end in X")
    }

    @Test(arguments: provinces)
    func vehicles(province: String) throws {
        let (rows, values) = try Self.canonical("vehicles", province)
        let abbreviation = try #require(ProvinceCode.withCode(province)?.plateAbbreviation)
        var shapes: [PlateNumber.Shape: Int] = [:]
        for row in values {
            let plateText = try #require(row[0])
            let colourText = try #require(row[1])
            let plate = try PlateNumber(plateText)
            let colour = try #require(PlateColour(code: colourText))
            #expect(plate.provinceAbbreviation == abbreviation)
            shapes[plate.shape, default: 0] += 1
            switch plate.shape {
            case .ordinary: #expect(colour == .blue || colour == .yellow, "\(plate) \(colour)")
            case .newEnergySmall: #expect(colour == .gradientGreen, "\(plate) \(colour)")
            case .newEnergyLarge: #expect(colour == .yellowGreen, "\(plate) \(colour)")
            case .trailer: #expect(colour == .yellow, "\(plate) \(colour)")
            }
            let vin = try #require(row[Self.column(rows, "vin")])
            #expect(VIN.isValid(vin), "VIN \(vin)")
            let certificate = try #require(row[Self.column(rows, "transport_cert_no")])
            #expect(PermitNumber.isValid(certificate), "道路运输证号 \(certificate)")
            #expect(row[Self.column(rows, "region_code")] == String(certificate.prefix(6)))
            for name in ["length_mm", "width_mm", "height_mm", "axles", "total_mass_kg"] {
                let number = try #require(row[Self.column(rows, name)])
                #expect(Int(number).map { $0 > 0 } == true, "\(name) \(number)")
            }
        }
        #expect(Set(shapes.keys) == Set(PlateNumber.Shape.allCases), "all plate shapes occur: \(shapes)")
    }

    @Test func keysAreDistinct() throws {
        for set in SampleFixtures.setNames {
            let rows = try SampleFixtures.generator(seed: 2, rows: 5_000, provinces: ["460000"]).rows(province: "460000", recordSet: set)
            let keys = rows.ministry.filter { !$0.deleted && !($0.values[0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
                .map { Array($0.values.prefix(rows.keyColumnCount)) }
            let duplicated = rows.differences.filter { $0.category == .duplicateKey }.reduce(0) { $0 + max(0, $1.ministryCount - 1) }
            #expect(Set(keys).count == keys.count - duplicated, "\(set): keys repeat only where duplicates are planted")
        }
    }
}
