/// A province taking part in reconciliation.
import ReconRules

public struct ProvinceConfig: Sendable, Equatable {
    /// GB/T 2260 province code, e.g. `410000`.
    public var code: String
    /// 中文名, e.g. `河南省`.
    public var name: String
    /// The province's own registry (省级运政系统).
    public var source: DatabaseSource
    /// How its registry is read against the ministry's (`read`; docs/rules.md, "Reading far-apart
    /// databases"): every row, or by checksums of key buckets for a registry far away.
    public var readMode: ReadMode = .full

    /// A province.
    public init(code: String, name: String, source: DatabaseSource) {
        self.code = code
        self.name = name
        self.source = source
    }
}

/// The whole configuration of a recon installation (`recon.toml`).
public struct ReconConfig: Sendable, Equatable {
    /// The results database (schema `recon`).
    public var results: DatabaseSource
    /// The ministry registry (部级运政系统).
    public var ministry: DatabaseSource
    /// The platform (便民政务系统), for indicator 12; `nil` when not configured.
    public var platform: DatabaseSource?
    /// The provinces.
    public var provinces: [ProvinceConfig]
    /// The compared record sets (defaults: ``RecordSetSpec/reference``).
    public var recordSets: [RecordSetSpec]
    /// Business records for indicator 12.
    public var businessRecords: BusinessRecordSpec
    /// The scoring policy name (see ``ScoringPolicy``); default the 2022 text.
    public var policyName: String
    /// Where `recon due` writes lists and score files (`[jobs] output_dir`); `nil`: not written.
    public var outputDirectory: String? = nil
    /// How `recon due` runs: parallelism, time budgets, connection limits (`[jobs]`).
    public var jobs = JobsSettings()
    /// The ministry's lines on the bulletin and the 公示稿: issuer, where and whom to ask (`[bulletin]`).
    public var bulletin = BulletinSettings()
    /// The first quarter recon scores (`first_quarter`); `nil`: the quarter of its first run.
    /// Quarters before it are never scored (docs/rules.md, "Draft scores").
    public var firstQuarter: Quarter? = nil

    /// A configuration.
    public init(results: DatabaseSource, ministry: DatabaseSource, platform: DatabaseSource? = nil,
                provinces: [ProvinceConfig], recordSets: [RecordSetSpec] = RecordSetSpec.reference,
                businessRecords: BusinessRecordSpec = BusinessRecordSpec(), policyName: String = "jtys-2022-1599") {
        self.results = results
        self.ministry = ministry
        self.platform = platform
        self.provinces = provinces
        self.recordSets = recordSets
        self.businessRecords = businessRecords
        self.policyName = policyName
    }

    /// The province with a code; an error listing the configured ones otherwise.
    public func province(_ code: String) throws -> ProvinceConfig {
        guard let province = provinces.first(where: { $0.code == code }) else {
            throw ConfigError("province \(code) is not configured (configured: \(provinces.map(\.code).joined(separator: ", ")))")
        }
        return province
    }

    /// The record set with a name; an error listing the configured ones otherwise.
    public func recordSet(_ name: String) throws -> RecordSetSpec {
        guard let set = recordSets.first(where: { $0.name == name }) else {
            throw ConfigError("record set \"\(name)\" is not configured (configured: \(recordSets.map(\.name).joined(separator: ", ")))")
        }
        return set
    }
}
