/// Rows of 从业人员 (practitioners): key 从业资格证号, which is the holder's resident ID number
/// (docs/identifiers.md: "从业资格证号: in practice the holder's ID number"). Key number `index` picks a
/// district, a birth date (1963–2003) and a sequence, so distinct indexes give distinct numbers.
import ReconRules
import ReconKit

struct PractitionerRowGenerator: SampleRecordGenerator {
    let recordSetName = "practitioners"
    let columns = [
        "certificate_no", "name", "id_type", "id_number", "phone", "driving_class",
        "qualification_category", "first_issue_date", "issue_date", "valid_to", "issuer_code",
        "issuer_name", "region_code", "certificate_status", "integrity_grade",
    ]
    let keyColumnCount = 1
    let context: SampleContext
    let permutation: KeyPermutation
    /// Districts per city used for address codes: 4 (see ``SampleCity/districtCodes``), or 1
    /// in a municipality, whose "cities" are districts already.
    let districtsPerCity: Int
    /// Birth dates 1963-01-01 … 2003-12-31 (fixed, so that keys do not depend on the quarter).
    static let firstBirthDay = SampleBytes.dayNumber(1963, 1, 1)
    static let birthDays = SampleBytes.dayNumber(2003, 12, 31) - SampleBytes.dayNumber(1963, 1, 1) + 1

    var capacity: Int { permutation.size }

    init(context: SampleContext, _ rng: inout SeededGenerator) {
        self.context = context
        districtsPerCity = context.province.cities.allSatisfy { $0.code.hasSuffix("00") } ? 4 : 1
        let districts = context.province.cities.count * districtsPerCity
        permutation = KeyPermutation(size: districts * Self.birthDays * 1000, &rng)
    }

    /// The city, address code, birth day and sequence of key number `index`.
    private func keyParts(_ index: Int) -> (city: SampleCity, region: [UInt8], birthDay: Int, sequence: Int) {
        let cities = context.province.cities
        let districts = cities.count * districtsPerCity
        let x = permutation.apply(index)
        let district = x % districts
        let rest = x / districts
        let city = cities[district / districtsPerCity]
        let region = city.districtCodes[district % districtsPerCity]
        return (city, region, Self.firstBirthDay + rest % Self.birthDays, rest / Self.birthDays)
    }

    func renderKey(index: Int, into row: inout SampleRow) {
        row.reset()
        let key = keyParts(index)
        row.begin(0)
        row.appendBytes { SampleIdentifiers.appendResidentID(region: key.region, birthDay: key.birthDay, sequence: key.sequence, to: &$0) }
    }

    func render(index: Int, into row: inout SampleRow, _ rng: inout SeededGenerator) {
        renderKey(index: index, into: &row)
        let (city, _, birthDay, _) = keyParts(index)
        let id = row.value(0).map(Array.init) ?? []
        row.begin(1)
        row.appendPersonName(&rng)
        row.begin(2)
        row.append(SampleCodeLists.residentIDType)
        row.begin(3)
        row.append(id)
        if SampleDraw.chance(1, in: 10, &rng) {
            row.setNull(4)
        } else {
            row.begin(4)  // a mobile number 13x/15x/17x/18x/19x
            row.append(byte: 0x31)
            row.append(byte: SampleDraw.element(Self.mobileSecondDigits, &rng))
            row.append(number: SampleDraw.index(1_000_000_000, &rng), width: 9)
        }

        // 从业资格类别 (docs/identifiers.md): one, sometimes two joined with ';'.
        let categories = QualificationCategory.allCases
        let first = categories[SampleDraw.weighted([30, 55, 9, 3, 3], &rng)]
        var held = [first]
        if SampleDraw.chance(1, in: 10, &rng) {
            let second = SampleDraw.element(categories, &rng)
            if second != first { held.append(second) }
        }
        let drives = held.contains { $0 == .passengerDriver || $0 == .freightDriver || $0 == .dangerousGoodsDriver }
        if drives {
            row.begin(5)
            row.append(oneOf: first == .passengerDriver ? SampleCodeLists.passengerClasses : SampleCodeLists.freightClasses, &rng)
        } else {
            row.setNull(5)
        }
        row.begin(6)
        row.append(QualificationCategory.joined(held))

        let adult = SampleBytes.adding(years: 21, to: birthDay)
        let firstIssue = context.day(from: max(adult, SampleBytes.dayNumber(2005, 1, 1)), through: context.lastDay - 60, &rng)
        let issue = context.day(from: firstIssue, through: context.lastDay - 1, &rng)
        row.begin(7)
        row.append(day: firstIssue)
        row.begin(8)
        row.append(day: issue)
        row.begin(9)
        row.append(day: SampleBytes.adding(years: 6, to: issue))
        row.begin(10)
        row.append(city.codeBytes)
        row.begin(11)
        row.append(city.issuerName)
        row.begin(12)
        row.append(city.codeBytes)
        row.begin(13)
        row.append(oneOf: SampleCodeLists.certificateStatuses, &rng)
        if SampleDraw.chance(1, in: 5, &rng) {
            row.setNull(14)
        } else {
            row.begin(14)
            row.append(oneOf: SampleCodeLists.integrityGrades, &rng)
        }
    }

    /// Second digits of mainland mobile numbers.
    static let mobileSecondDigits: [UInt8] = Array("35789".utf8)
}
