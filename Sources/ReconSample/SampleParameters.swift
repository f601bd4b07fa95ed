/// What `recon sample generate` makes: which provinces, how many rows, the seed, and how much of
/// each kind of dirt and difference. The same parameters give the same data, byte for byte.
import ReconRules
import ReconKit

public struct SampleParameters: Sendable, Hashable, Codable {
    /// GB/T 2260 codes of the provinces, e.g. `["410000", "420000"]`.
    public var provinces: [String]
    /// Keys per province and record set (operators, practitioners, vehicles). Planted rows
    /// (duplicates, deleted copies, empty keys) come on top.
    public var rowsPerSet: Int
    /// Ministry business-handling records per province (indicator 12).
    public var businessRowsPerProvince: Int
    /// The seed.
    public var seed: UInt64
    /// The share of keys given a planted difference, e.g. 0.5%.
    public var differenceRate: SampleRate
    /// The share of province rows given planted noise (a different spelling of the same values).
    public var noiseRate: SampleRate
    /// The quarter the business records are submitted in (and the data's last day).
    public var quarter: Quarter
    /// The share of the quarter's ministry business records that reach the platform.
    public var platformShare: SampleRate

    /// Parameters; the defaults make a small demo data set.
    public init(provinces: [String] = ["410000"], rowsPerSet: Int = 10_000, businessRowsPerProvince: Int? = nil,
                seed: UInt64 = 1, differenceRate: SampleRate = SampleParameters.defaultDifferenceRate,
                noiseRate: SampleRate = SampleParameters.defaultNoiseRate, quarter: Quarter,
                platformShare: SampleRate = SampleParameters.defaultPlatformShare) {
        self.provinces = provinces
        self.rowsPerSet = rowsPerSet
        self.businessRowsPerProvince = businessRowsPerProvince ?? rowsPerSet
        self.seed = seed
        self.differenceRate = differenceRate
        self.noiseRate = noiseRate
        self.quarter = quarter
        self.platformShare = platformShare
    }

    /// The default difference rate: 0.5% (as the benchmark of the diff issue plants).
    public static let defaultDifferenceRate = SampleRate(validPartsPerMillion: 5_000)
    /// The default noise rate: 2% of province rows.
    public static let defaultNoiseRate = SampleRate(validPartsPerMillion: 20_000)
    /// The default platform share: 96% (indicator 12 scores 5 from 95%).
    public static let defaultPlatformShare = SampleRate(validPartsPerMillion: 960_000)

    /// The provinces of `--provinces`: a comma-separated list of codes (`410000,420000`) or a
    /// count N (the first N provinces in GB/T 2260 order).
    public static func provinces(parsing text: String) throws(SampleError) -> [String] {
        let known = SampleRegionTable.provinces.map(\.unit.code)
        if let count = Int(text) , !text.contains(",") && text.count < 6 {
            guard (1...known.count).contains(count) else {
                throw SampleError("--provinces \(text): a count must be 1…\(known.count)")
            }
            return Array(known.prefix(count))
        }
        var codes: [String] = []
        for part in text.split(separator: ",") {
            let code = part.trimmingCharacters(in: " ")
            guard known.contains(code) else {
                throw SampleError("--provinces: \(code) is not a province code (known: \(known.joined(separator: ", ")))")
            }
            if !codes.contains(code) { codes.append(code) }
        }
        guard !codes.isEmpty else { throw SampleError("--provinces: no province given") }
        return codes
    }

    /// Checks the parameters: known provinces, row counts within the key space, sane rates.
    public func validate() throws(SampleError) {
        guard !provinces.isEmpty else { throw SampleError("no province to generate") }
        for code in provinces { _ = try SampleProvince.withCode(code) }
        guard rowsPerSet >= 0 else { throw SampleError("--rows must be ≥ 0, got \(rowsPerSet)") }
        guard businessRowsPerProvince >= 0 else { throw SampleError("--business-rows must be ≥ 0, got \(businessRowsPerProvince)") }
        guard differenceRate.partsPerMillion <= 200_000 else {
            throw SampleError("--difference-rate \(differenceRate) is above 20%: planted kinds would start to overlap")
        }
    }

    enum CodingKeys: String, CodingKey {
        case provinces, rowsPerSet = "rows_per_set", businessRowsPerProvince = "business_rows_per_province"
        case seed, differenceRate = "difference_rate", noiseRate = "noise_rate", quarter
        case platformShare = "platform_share"
    }

    /// Decodes (the seed is a string, so that every 64-bit value survives JSON).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        provinces = try c.decode([String].self, forKey: .provinces)
        rowsPerSet = try c.decode(Int.self, forKey: .rowsPerSet)
        businessRowsPerProvince = try c.decode(Int.self, forKey: .businessRowsPerProvince)
        let seedText = try c.decode(String.self, forKey: .seed)
        guard let seed = UInt64(seedText) else {
            throw DecodingError.dataCorruptedError(forKey: .seed, in: c, debugDescription: "seed \"\(seedText)\" is not an unsigned 64-bit integer")
        }
        self.seed = seed
        differenceRate = try c.decode(SampleRate.self, forKey: .differenceRate)
        noiseRate = try c.decode(SampleRate.self, forKey: .noiseRate)
        quarter = try c.decode(Quarter.self, forKey: .quarter)
        platformShare = try c.decode(SampleRate.self, forKey: .platformShare)
    }

    /// Encodes (the seed as a string).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(provinces, forKey: .provinces)
        try c.encode(rowsPerSet, forKey: .rowsPerSet)
        try c.encode(businessRowsPerProvince, forKey: .businessRowsPerProvince)
        try c.encode(String(seed), forKey: .seed)
        try c.encode(differenceRate, forKey: .differenceRate)
        try c.encode(noiseRate, forKey: .noiseRate)
        try c.encode(quarter, forKey: .quarter)
        try c.encode(platformShare, forKey: .platformShare)
    }
}

extension SampleRate: Codable {
    /// Decodes a rate written as text (`"0.5%"`).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes the rate as text (`"0.5%"`, exact).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
