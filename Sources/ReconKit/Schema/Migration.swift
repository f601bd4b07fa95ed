/// One numbered migration from `sql/migrations/NNNN_name.sql`, embedded at build time.
import ReconRules

public struct Migration: Sendable, Equatable {
    /// The number at the start of the file name.
    public let version: Int
    /// The file name without number and extension.
    public let name: String
    /// The SQL text.
    public let sql: String
    /// A hash of the SQL text, recorded when applied, to notice edited history.
    public var checksum: String { ContentHash.hex(sql) }

    /// A migration from its parts (the bundled ones come from ``bundled``).
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// The migrations shipped in this binary, in order.
    public static let bundled: [Migration] = EmbeddedSQL.files.compactMap { file in
        parse(path: file.path, sql: file.text)
    }.sorted { $0.version < $1.version }

    /// Parses `migrations/0001_foundation.sql`; `nil` for other files.
    static func parse(path: String, sql: String) -> Migration? {
        guard path.hasPrefix("migrations/"), path.hasSuffix(".sql") else { return nil }
        let file = path.dropFirst("migrations/".count).dropLast(".sql".count)
        guard let underscore = file.firstIndex(of: "_"), let version = Int(file[..<underscore]) else { return nil }
        return Migration(version: version, name: String(file[file.index(after: underscore)...]), sql: sql)
    }
}

/// The reference schemas under `sql/reference/`, embedded at build time.
public enum ReferenceSQL {
    /// The text of `sql/reference/<name>`, e.g. `ministry.sql`.
    public static func file(_ name: String) -> String? {
        EmbeddedSQL.files.first { $0.path == "reference/\(name)" }?.text
    }
}
