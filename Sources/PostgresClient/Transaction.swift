extension Connection {
    /// Runs `body` inside a transaction: COMMIT when it returns, ROLLBACK when it throws.
    ///
    /// Transactions do not nest; use savepoints by hand if ever needed.
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try executeSimple("BEGIN")
        do {
            let value = try body(self)
            try executeSimple("COMMIT")
            return value
        } catch {
            if copyInProgress { abandonCopy() }
            try? executeSimple("ROLLBACK")
            throw error
        }
    }
}
