extension Connection {
    /// Tries to take a session-level advisory lock named by a text key (hashed by the server
    /// with `hashtextextended`). Returns `false` at once when another session holds it.
    public func tryAdvisoryLock(_ name: String) throws -> Bool {
        let row = try execute("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked", [name]).singleRow()
        return try row.bool("locked")
    }

    /// Releases a session-level advisory lock taken with ``tryAdvisoryLock(_:)``.
    @discardableResult
    public func advisoryUnlock(_ name: String) throws -> Bool {
        let row = try execute("SELECT pg_advisory_unlock(hashtextextended($1, 0)) AS unlocked", [name]).singleRow()
        return try row.bool("unlocked")
    }

    /// Who holds an advisory lock: "application_name (pid N, since …)" or `nil` when free.
    public func advisoryLockHolder(_ name: String) throws -> String? {
        let rows = try execute("""
            SELECT a.pid, coalesce(a.application_name, '') AS app,
                   coalesce(host(a.client_addr), 'local') AS addr,
                   to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS') AS since
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted
              AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended($1, 0)
            LIMIT 1
            """, [name]).rows
        guard let row = rows.first else { return nil }
        return "\(row["app"] ?? "?") (pid \(row["pid"] ?? "?"), \(row["addr"] ?? "?"), connected since \(row["since"] ?? "?"))"
    }
}
