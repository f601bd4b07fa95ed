/// A prefecture-level city (or, in a municipality, a district) of a province, as the sample data
/// uses it: permit numbers and region codes start with its code, addresses and issuers carry its
/// name, the 许可证字 its one-character short name.
import ReconRules
import ReconKit

struct SampleCity: Sendable {
    /// The GB/T 2260 code, e.g. `410100`.
    let code: String
    /// The name, e.g. `郑州市`.
    let name: String
    /// The one-character short name used in a 许可证字, e.g. `郑` (format of the 字 *unverified*).
    let short: String
    /// `code` as UTF-8.
    let codeBytes: [UInt8]
    /// `name` as UTF-8.
    let nameBytes: [UInt8]
    /// Four county-level codes below this city for ID-number address codes: the city code with its
    /// last two digits replaced by 02…05 (the first districts of most large cities; that each one
    /// exists is *unverified*). A municipality's district code is used as it is.
    let districtCodes: [[UInt8]]
    /// The 地名 of company names: the name without its final 市/区 (`郑州`).
    let placeName: [UInt8]
    /// The issuing authority: the name and a suffix fixed per city (`郑州市道路运输管理局`).
    let issuerName: [UInt8]
    /// The 经营许可证字, e.g. `豫交运管许可郑字` (format *unverified*).
    let licenceWord: [UInt8]
    /// The 道路运输证字, e.g. `豫交运管郑字` (format *unverified*).
    let certificateWord: [UInt8]

    init(_ code: String, _ name: String, _ short: String, plateAbbreviation: String) {
        self.code = code
        self.name = name
        self.short = short
        codeBytes = Array(code.utf8)
        nameBytes = Array(name.utf8)
        districtCodes = (0..<4).map { index in
            Array((code.hasSuffix("00") ? String(code.prefix(4)) + "0" + String(2 + index) : code).utf8)
        }
        var place = name
        if place.count > 2, place.hasSuffix("市") || place.hasSuffix("区") { place.removeLast() }
        placeName = Array(place.utf8)
        let suffixes = SampleVocabulary.issuerSuffixes
        let pick = code.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF } % suffixes.count
        issuerName = Array(name.utf8) + suffixes[pick]
        licenceWord = Array((plateAbbreviation + "交运管许可" + short + "字").utf8)
        certificateWord = Array((plateAbbreviation + "交运管" + short + "字").utf8)
    }

}

/// A province of the sample data: its unit (code, short name, plate abbreviation), its full name
/// for the configuration (`河南省`) and some of its cities.
struct SampleProvince: Sendable {
    /// The unit (from ``ProvinceCode/provinces``).
    let unit: ProvinceCode
    /// The full name, e.g. `河南省`.
    let fullName: String
    /// Some of its cities, with real GB/T 2260 codes.
    let cities: [SampleCity]
    /// `fullName` as UTF-8.
    let fullNameBytes: [UInt8]
    /// The short name (`河南`) as UTF-8, the 地名 of province-wide companies.
    let shortNameBytes: [UInt8]
    /// The plate abbreviation as UTF-8, e.g. `豫`.
    let plateAbbreviationBytes: [UInt8]

    init(unit: ProvinceCode, fullName: String, cities: [SampleCity]) {
        self.unit = unit
        self.fullName = fullName
        self.cities = cities
        fullNameBytes = Array(fullName.utf8)
        shortNameBytes = Array(unit.name.utf8)
        plateAbbreviationBytes = Array(String(unit.plateAbbreviation ?? "?").utf8)
    }

    /// The province with GB/T 2260 code `code`, or an error listing the known codes.
    static func withCode(_ code: String) throws(SampleError) -> SampleProvince {
        guard let province = SampleRegionTable.provinces.first(where: { $0.unit.code == code }) else {
            throw SampleError("province \(code) is not one the sample generator knows (known: \(SampleRegionTable.provinces.map(\.unit.code).joined(separator: ", ")))")
        }
        return province
    }
}
