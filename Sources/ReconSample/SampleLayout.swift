/// Where generated data goes: the results database named in the configuration, the ministry's
/// database, the platform's, and one database per province.
///
/// The demo layout (``onServer(_:provinces:)``) puts them all on one PostgreSQL server as the
/// databases `recon_ministry`, `recon_platform` and `recon_p<code>` (e.g. `recon_p410000`), with
/// the results in the server DSN's own database; each holds the reference tables under their
/// plain names, so a `recon.toml` only lists DSNs.
import ReconRules
import TOML
import ReconKit

public struct SampleLayout: Sendable, Hashable {
    /// A province's target.
    public struct Province: Sendable, Hashable {
        /// GB/T 2260 code.
        public var code: String
        /// The full name, e.g. `河南省`.
        public var name: String
        /// The province database's DSN.
        public var dsn: String

        /// A province target.
        public init(code: String, name: String, dsn: String) {
            self.code = code
            self.name = name
            self.dsn = dsn
        }
    }

    /// The results database (written to the configuration only).
    public var results: String
    /// The ministry's database.
    public var ministry: String
    /// The platform's database.
    public var platform: String
    /// The provinces' databases.
    public var provinces: [Province]
    /// The server DSN to create missing databases through (nil: the databases must exist).
    public var server: String?

    /// A layout of explicit DSNs.
    public init(results: String, ministry: String, platform: String, provinces: [Province], server: String? = nil) {
        self.results = results
        self.ministry = ministry
        self.platform = platform
        self.provinces = provinces
        self.server = server
    }

    /// The database name of the ministry in the demo layout.
    public static let ministryDatabase = "recon_ministry"
    /// The database name of the platform in the demo layout.
    public static let platformDatabase = "recon_platform"
    /// The database name of a province in the demo layout: `recon_p410000`.
    public static func provinceDatabase(_ code: String) -> String { "recon_p" + code }

    /// The demo layout on the server of `serverDSN` (whose own database holds the results).
    public static func onServer(_ serverDSN: String, provinces: [String]) throws(SampleError) -> SampleLayout {
        var targets: [Province] = []
        for code in provinces {
            let province = try SampleProvince.withCode(code)
            targets.append(Province(code: code, name: province.fullName, dsn: replacingDatabase(in: serverDSN, with: provinceDatabase(code))))
        }
        return SampleLayout(results: serverDSN, ministry: replacingDatabase(in: serverDSN, with: ministryDatabase),
                            platform: replacingDatabase(in: serverDSN, with: platformDatabase), provinces: targets, server: serverDSN)
    }

    /// The full name of a province the generator knows (`410000` → `河南省`).
    public static func provinceName(_ code: String) throws(SampleError) -> String {
        try SampleProvince.withCode(code).fullName
    }

    /// The province target of `code`, or an error naming the configured ones.
    public func province(_ code: String) throws(SampleError) -> Province {
        guard let province = provinces.first(where: { $0.code == code }) else {
            throw SampleError("province \(code) has no target database (have: \(provinces.map(\.code).joined(separator: ", ")))")
        }
        return province
    }

    /// `postgresql://u@h:p/old?x` → `postgresql://u@h:p/new?x`; in a key=value conninfo the
    /// `dbname` is replaced or appended.
    public static func replacingDatabase(in dsn: String, with database: String) -> String {
        if let scheme = dsn.range(of: "://") {
            let afterScheme = dsn[scheme.upperBound...]
            let query = afterScheme.firstIndex(of: "?")
            let pathStart = afterScheme[..<(query ?? afterScheme.endIndex)].firstIndex(of: "/")
            let head = dsn[..<(pathStart ?? query ?? dsn.endIndex)]
            let tail = query.map { String(dsn[$0...]) } ?? ""
            return head + "/" + database + tail
        }
        var parts = dsn.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        parts.removeAll { $0.hasPrefix("dbname=") }
        parts.append("dbname=" + database)
        return parts.joined(separator: " ")
    }

    /// The `recon.toml` of this layout: `[results]`, `[ministry]`, `[platform]` and one
    /// `[[province]]` per province, each with its DSN; with two provinces or more, the last is read
    /// by checksums (`read = "checksum"`, as a far-away registry would be), so that every sample
    /// run shows both readings giving their differences.
    public var configTOML: String {
        var lines = [
            "# recon.toml written by `recon sample generate`: the sample databases on one server.",
            "",
            "[results]",
            "dsn = \(Self.tomlString(results))",
            "",
            "[ministry]",
            "dsn = \(Self.tomlString(ministry))",
            "",
            "[platform]",
            "dsn = \(Self.tomlString(platform))",
        ]
        for (index, province) in provinces.enumerated() {
            lines += [
                "",
                "[[province]]",
                "code = \(Self.tomlString(province.code))",
                "name = \(Self.tomlString(province.name))",
                "dsn = \(Self.tomlString(province.dsn))",
            ]
            if provinces.count > 1 && index == provinces.count - 1 {
                lines.append("read = \"checksum\"   # as if far away: only key buckets whose checksums differ are read")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string (the TOML layer's own quoting).
    static func tomlString(_ value: String) -> String { TOMLSyntax.quoted(value) }
}
