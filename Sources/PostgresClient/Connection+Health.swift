import CLibPQ

extension Connection {
    /// Whether the connection still answers: libpq has not marked it bad and a trivial statement
    /// round-trips. A connection the server terminated is only noticed when used, hence the query.
    /// Never call it during a COPY.
    public func isAlive() -> Bool {
        guard !copyInProgress, PQstatus(handle) == CONNECTION_OK else { return false }
        do {
            try executeSimple("SELECT 1")
            return true
        } catch {
            return false
        }
    }
}
