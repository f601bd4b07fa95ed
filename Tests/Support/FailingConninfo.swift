/// Connection strings that fail against the throwaway test server — a missing database, a closed
/// port, an unknown role, an upper-case scheme, an unencoded `@`, a nested conninfo in `dbname`,
/// a bad option — each carrying `secret` written another way. For the tests that no output,
/// error or stored row ever shows a password.
public enum FailingConninfo {
    /// The forms, for the server listening on `port` (127.0.0.1).
    public static func forms(port: String, secret: String) -> [String] {
        [
            "host=127.0.0.1\npassword=\(secret)\nport=\(port)\ndbname=no_such_db\nuser=recon",
            "postgresql://recon@127.0.0.1:\(port)/no_such_db?pass%77ord=\(secret)",
            "host=127.0.0.1 port=\(port) dbname=no_such_db user=recon sslpassword=\(secret)",
            "POSTGRESQL://recon:\(secret)@127.0.0.1:\(port)/recon",
            "postgresql://recon:\(secret)@127.0.0.1:1/recon",
            "host=127.0.0.1 port=1 user=recon password='\(secret)'",
            "host=127.0.0.1 port=\(port) user=no_such_role password=\(secret) dbname=recon",
            "postgresql://no_such_role:\(secret)@127.0.0.1:\(port)/recon",
            "postgresql://recon:pw@\(secret)@127.0.0.1:\(port)/recon",
            "dbname='host=127.0.0.1 port=\(port) password=\(secret)' host=127.0.0.1 port=\(port) user=recon",
            "host=127.0.0.1 port=\(port) dbname=recon user=recon password=\(secret) sslmode=bogus",
            "host=127.0.0.1 port=\(port) PASSWORD=\(secret)",
            "postgresql://recon:\(secret)@127.0.0.1:\(port)/recon?connect_timeout=x%",
        ]
    }

    /// The port of the throwaway server (`RECON_TEST_DSN`).
    public static func serverPort() throws -> String {
        let base = try TestDatabase.serverDSN()
        guard let port = base.split(separator: ":").last?.split(separator: "/").first else {
            throw TestSupportError("RECON_TEST_DSN has no port: \(base)")
        }
        return String(port)
    }
}
