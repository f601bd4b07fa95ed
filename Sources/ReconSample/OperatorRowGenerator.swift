/// Rows of 经营业户 (operators): key 经营许可证号 = a city's region code + a 6-digit sequence
/// (docs/identifiers.md: "12 digits, a 6-digit region code then a 6-digit sequence").
import ReconRules
import ReconKit

struct OperatorRowGenerator: SampleRecordGenerator {
    let recordSetName = "operators"
    let columns = [
        "licence_no", "name", "credit_code", "business_scope", "business_scope_code", "address",
        "economic_type_code", "operating_status_code", "region_code", "licence_word", "valid_from",
        "valid_to", "issuer_code", "issuer_name", "issue_date", "licence_category_code",
    ]
    let keyColumnCount = 1
    let context: SampleContext
    let permutation: KeyPermutation
    /// Sequences 1…999999 per city.
    static let sequencesPerCity = 999_999

    var capacity: Int { permutation.size }

    static let passengerTrade: [UInt8] = Array("客运".utf8)
    static let dangerousTrade: [UInt8] = Array("危险货物运输".utf8)
    static let space: [UInt8] = [0x20]
    static let fullWidthSemicolon: [UInt8] = Array("；".utf8)

    /// The scopes (indexes into ``SampleCodeLists/scopes``) open to passenger (01xx), freight
    /// (0201–0204) and dangerous-goods operators (0301 and 0201).
    static let scopeCandidates: [[Int]] = {
        let codes = SampleCodeLists.scopes.map { String(decoding: $0.code, as: UTF8.self) }
        return [
            codes.indices.filter { codes[$0].hasPrefix("01") },
            codes.indices.filter { codes[$0].hasPrefix("02") },
            codes.indices.filter { codes[$0] == "0301" || codes[$0] == "0201" },
        ]
    }()

    init(context: SampleContext, _ rng: inout SeededGenerator) {
        self.context = context
        permutation = KeyPermutation(size: context.province.cities.count * Self.sequencesPerCity, &rng)
    }

    /// The city and sequence of key number `index`.
    private func keyParts(_ index: Int) -> (city: SampleCity, sequence: Int) {
        let cities = context.province.cities
        let x = permutation.apply(index)
        return (cities[x % cities.count], x / cities.count + 1)
    }

    func renderKey(index: Int, into row: inout SampleRow) {
        row.reset()
        let (city, sequence) = keyParts(index)
        row.begin(0)
        row.appendBytes { SampleIdentifiers.appendPermitNumber(region: city.codeBytes, sequence: sequence, to: &$0) }
    }

    func render(index: Int, into row: inout SampleRow, _ rng: inout SeededGenerator) {
        renderKey(index: index, into: &row)
        let province = context.province
        let (city, _) = keyParts(index)
        // 1 passenger, 2 freight, 3 dangerous goods.
        let kind = SampleDraw.weighted([25, 65, 10], &rng) + 1

        row.begin(1)  // name: 地名 + 字号 + 行业 + 有限公司, or a person (个体工商户)
        if SampleDraw.chance(1, in: 5, &rng) {
            row.appendPersonName(&rng)
        } else {
            row.append(SampleDraw.chance(1, in: 4, &rng) ? province.shortNameBytes : city.placeName)
            row.append(oneOf: SampleVocabulary.tradeNames, &rng)
            row.append(kind == 1 ? Self.passengerTrade : kind == 3 ? Self.dangerousTrade : SampleDraw.element(SampleVocabulary.trades, &rng))
            if SampleDraw.chance(1, in: 20, &rng) { row.append(SampleVocabulary.groupMark) }
            row.append(oneOf: SampleVocabulary.companyForms, &rng)
        }

        row.begin(2)
        row.appendBytes { SampleIdentifiers.appendCreditCode(region: city.codeBytes, &rng, to: &$0) }

        // Scopes: a primary one of the operator's kind and maybe others, in code order.
        let candidates = Self.scopeCandidates[kind - 1]
        let primary = SampleDraw.element(candidates, &rng)
        var chosen = candidates.filter { $0 == primary || SampleDraw.chance(1, in: 4, &rng) }
        chosen.sort()
        let spaced = SampleDraw.chance(3, in: 10, &rng)
        row.begin(3)
        for (n, i) in chosen.enumerated() {
            if n > 0 { row.append(spaced ? Self.space : Self.fullWidthSemicolon) }
            row.append(SampleCodeLists.scopes[i].name)
        }
        if SampleDraw.chance(1, in: 20, &rng) {
            row.setNull(4)
        } else {
            row.begin(4)
            for (n, i) in chosen.enumerated() {
                if n > 0 { row.append(byte: 0x2C) }
                row.append(SampleCodeLists.scopes[i].code)
            }
        }

        row.begin(5)  // address
        row.append(province.fullNameBytes)
        row.append(city.nameBytes)
        if SampleDraw.chance(3, in: 10, &rng) { row.append(byte: 0x20) }
        row.append(oneOf: SampleVocabulary.streets, &rng)
        row.append(number: SampleDraw.int(1...999, &rng))
        row.append(SampleVocabulary.hao)
        if SampleDraw.chance(1, in: 10, &rng) {
            row.append(byte: 0x28)
            row.append(oneOf: SampleVocabulary.addressPlaces, &rng)
            row.append(byte: 0x29)
        }

        if SampleDraw.chance(1, in: 30, &rng) {
            row.setNull(6)
        } else {
            row.begin(6)
            row.append(oneOf: SampleCodeLists.economicTypes, &rng)
        }
        row.begin(7)
        row.append(oneOf: SampleCodeLists.operatorStatuses, &rng)
        row.begin(8)
        row.append(city.codeBytes)
        row.begin(9)
        row.append(city.licenceWord)

        let validFrom = context.day(from: SampleBytes.dayNumber(2012, 1, 1), through: context.lastDay - 30, &rng)
        row.begin(10)
        row.append(day: validFrom)
        if SampleDraw.chance(1, in: 40, &rng) {
            row.setNull(11)  // 长期有效: no end date
        } else {
            row.begin(11)
            row.append(day: SampleBytes.adding(years: 4, to: validFrom) - 1)
        }
        row.begin(12)
        row.append(city.codeBytes)
        row.begin(13)
        row.append(city.issuerName)
        row.begin(14)
        row.append(day: validFrom)
        row.begin(15)
        row.append(kind == 1 ? SampleCodeLists.passengerLicenceCategory : kind == 2 ? SampleCodeLists.freightLicenceCategory : SampleCodeLists.dangerousLicenceCategory)
    }
}
