import Foundation
import PostgresClient

/// A database of its own for one test, on the throwaway server named by `RECON_TEST_DSN`
/// (started by `jobs/test.sh`). Dropped when released.
///
/// Without `RECON_TEST_DSN` this throws: integration tests fail, they never skip.
public final class TestDatabase: @unchecked Sendable {
    /// The new database's name.
    public let name: String
    /// A DSN for the new database.
    public let dsn: String
    private let adminDSN: String

    /// Creates a fresh, empty database; extra `CREATE DATABASE` options may be given
    /// (e.g. `TEMPLATE template0 LC_COLLATE 'x'`).
    public init(_ label: String = "t", options: String = "") throws {
        guard let base = ProcessInfo.processInfo.environment["RECON_TEST_DSN"], !base.isEmpty else {
            throw TestSupportError("RECON_TEST_DSN is not set: run the tests with jobs/test.sh, which starts a throwaway PostgreSQL")
        }
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let safeLabel = label.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" }.prefix(20)
        name = "t_\(safeLabel)_\(suffix)"
        adminDSN = base
        dsn = Self.replacingDatabase(in: base, with: name)
        let admin = try Connection(conninfo: base, applicationName: "recon tests")
        try admin.executeSimple("CREATE DATABASE \(try admin.quoteIdentifier(name)) \(options)")
    }

    /// A new connection to the test database.
    public func connect(applicationName: String = "recon tests") throws -> Connection {
        try Connection(conninfo: dsn, applicationName: applicationName)
    }

    deinit {
        if let admin = try? Connection(conninfo: adminDSN, applicationName: "recon tests"),
           let quoted = try? admin.quoteIdentifier(name) {
            try? admin.executeSimple("DROP DATABASE IF EXISTS \(quoted) WITH (FORCE)")
        }
    }

    /// The DSN of the throwaway server's administrative database.
    public static func serverDSN() throws -> String {
        guard let base = ProcessInfo.processInfo.environment["RECON_TEST_DSN"], !base.isEmpty else {
            throw TestSupportError("RECON_TEST_DSN is not set: run the tests with jobs/test.sh")
        }
        return base
    }

    /// `postgresql://u@h:p/old?x` → `postgresql://u@h:p/new?x`; for key=value strings, appends dbname.
    public static func replacingDatabase(in dsn: String, with database: String) -> String {
        guard let scheme = dsn.range(of: "://") else { return dsn + " dbname=\(database)" }
        let afterScheme = dsn[scheme.upperBound...]
        let query = afterScheme.firstIndex(of: "?")
        let pathStart = afterScheme[..<(query ?? afterScheme.endIndex)].firstIndex(of: "/")
        let head = dsn[..<(pathStart ?? query ?? dsn.endIndex)]
        let tail = query.map { String(dsn[$0...]) } ?? ""
        return head + "/" + database + tail
    }
}

/// A test set-up problem.
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
