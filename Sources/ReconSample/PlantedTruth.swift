/// One key the reconciliation must report, as planted by the generator (its category is the
/// diff's own ``DiffCategory``, spelled as in `recon.differences.category`).
///
/// The key is given by its normalised values in key-column order (`nil` where a key column is
/// empty: then the category is `empty_key` and the entry stands for every row of that province
/// and record set whose normalised key is this tuple). Counts are of rows with this normalised key:
/// the ministry's live rows of the province (not those marked deleted) and the province's rows.
import ReconRules
import ReconKit

public struct PlantedDifference: Sendable, Hashable, Codable {
    /// GB/T 2260 code of the province.
    public var province: String
    /// The record set (``RecordSetSpec/name``).
    public var recordSet: String
    /// The key columns, in order.
    public var keyColumns: [String]
    /// The normalised key values, in key-column order; nil for an empty column.
    public var keyValues: [String?]
    /// The category (the key's only finding: planted keys have one each).
    public var category: DiffCategory
    /// Live ministry rows with this key.
    public var ministryCount: Int
    /// Province rows with this key.
    public var provinceCount: Int
    /// For `field_mismatch`: the columns whose values differ after normalising, in column order;
    /// empty for the other categories.
    public var fields: [String]

    /// A planted difference.
    public init(province: String, recordSet: String, keyColumns: [String], keyValues: [String?],
                category: DiffCategory, ministryCount: Int, provinceCount: Int, fields: [String] = []) {
        self.province = province
        self.recordSet = recordSet
        self.keyColumns = keyColumns
        self.keyValues = keyValues
        self.category = category
        self.ministryCount = ministryCount
        self.provinceCount = provinceCount
        self.fields = fields
    }

    /// The normalised key as in `recon.differences.key_text` (``KeyText``).
    public var keyText: String { KeyText.combined(keyValues) }

    /// How an empty key column is shown in ``keyText``.
    public static let emptyKeyText = KeyText.nullPart

    enum CodingKeys: String, CodingKey {
        case province, recordSet = "record_set", keyColumns = "key_columns", keyValues = "key_values"
        case category, ministryCount = "ministry_count", provinceCount = "province_count", fields
    }
}

/// What one province's record set holds after generation: the figures indicator 10 is computed
/// from, so that a test can check the rate as well as the keys.
public struct PlantedSetSummary: Sendable, Hashable, Codable {
    /// GB/T 2260 code of the province.
    public var province: String
    /// The record set.
    public var recordSet: String
    /// Live (not deleted) ministry rows of the province.
    public var ministryRows: Int
    /// Ministry rows of the province marked deleted (not counted anywhere).
    public var ministryDeletedRows: Int
    /// Province rows.
    public var provinceRows: Int
    /// Distinct normalised keys on either side; each empty-key tuple counts once.
    public var unionKeys: Int
    /// Keys with a planted difference (= the planted differences of this province and set).
    public var differingKeys: Int
    /// Planted differences per category (raw value → count; categories with none are left out).
    public var categories: [String: Int]
    /// Values the province spells differently (noise), which must not be reported.
    public var noisyValues: Int

    enum CodingKeys: String, CodingKey {
        case province, recordSet = "record_set", ministryRows = "ministry_rows"
        case ministryDeletedRows = "ministry_deleted_rows", provinceRows = "province_rows"
        case unionKeys = "union_keys", differingKeys = "differing_keys", categories, noisyValues = "noisy_values"
    }
}

/// Business-handling records of one province for indicator 12 (数据归集率).
public struct PlantedBusinessSummary: Sendable, Hashable, Codable {
    /// GB/T 2260 code of the province.
    public var province: String
    /// The quarter, e.g. `2025Q3`.
    public var quarter: String
    /// Ministry records of the province submitted (报送时间) within the quarter, Beijing time: the
    /// denominator.
    public var ministryInQuarter: Int
    /// Of those, the ones whose serial number is on the platform: the numerator.
    public var onPlatform: Int
    /// All ministry records of the province written (also outside the quarter).
    public var ministryRows: Int
    /// All platform rows of the province written (also duplicates and serials unknown to the
    /// ministry).
    public var platformRows: Int

    enum CodingKeys: String, CodingKey {
        case province, quarter, ministryInQuarter = "ministry_in_quarter", onPlatform = "on_platform"
        case ministryRows = "ministry_rows", platformRows = "platform_rows"
    }
}

/// Everything the generator planted: the keys the reconciliation must report (and nothing else),
/// the per-set figures and the business-record figures. Kept in memory for tests and written to a
/// JSON-lines file (see ``PlantedTruthFile``).
public struct PlantedTruth: Sendable, Hashable {
    /// The generator's parameters, as written in the file's first line.
    public var parameters: SampleParameters
    /// Every key that must be reported, ordered by province, record set and key text.
    public var differences: [PlantedDifference]
    /// Per province and record set.
    public var sets: [PlantedSetSummary]
    /// Per province.
    public var business: [PlantedBusinessSummary]

    /// A truth.
    public init(parameters: SampleParameters, differences: [PlantedDifference] = [],
                sets: [PlantedSetSummary] = [], business: [PlantedBusinessSummary] = []) {
        self.parameters = parameters
        self.differences = differences
        self.sets = sets
        self.business = business
    }

    /// The differences of one province (and record set, if given).
    public func differences(province: String, recordSet: String? = nil) -> [PlantedDifference] {
        differences.filter { $0.province == province && (recordSet == nil || $0.recordSet == recordSet) }
    }

    /// Sorts the differences by province, record set and key text (bytewise, as `COLLATE "C"`).
    mutating func sort() {
        differences.sort { a, b in
            if a.province != b.province { return a.province < b.province }
            if a.recordSet != b.recordSet { return a.recordSet < b.recordSet }
            return Array(a.keyText.utf8).lexicographicallyPrecedes(Array(b.keyText.utf8))
        }
        sets.sort { ($0.province, $0.recordSet) < ($1.province, $1.recordSet) }
        business.sort { $0.province < $1.province }
    }
}
