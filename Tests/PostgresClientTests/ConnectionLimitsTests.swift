import Foundation
import PostgresClient
import ReconTestSupport
import Testing

/// issue 24 item 5: every connection carries a statement timeout, an idle-in-transaction timeout and
/// TCP keepalives; a running statement can be cancelled from another thread, by application name.
@Suite("PostgresClient: connection limits", .serialized)
struct ConnectionLimitsTests {
    @Test func everyConnectionHasTimeoutsAndKeepalives() throws {
        let database = try TestDatabase("limits")
        let connection = try database.connect()
        #expect(try connection.execute("SHOW statement_timeout").rows.first?["statement_timeout"] == "1h")
        #expect(try connection.execute("SHOW idle_in_transaction_session_timeout").rows.first?["idle_in_transaction_session_timeout"] == "30min")
        let used = connection.usedOptions
        #expect(used["keepalives"] == "1" && used["keepalives_idle"] == "60" && used["tcp_user_timeout"] == "120000", "\(used)")
        // A DSN's own keepalive setting wins.
        let own = try Connection(conninfo: database.dsn + "?keepalives_idle=7")
        #expect(own.usedOptions["keepalives_idle"] == "7")
    }

    @Test func statementTimeoutStopsALongStatement() throws {
        let database = try TestDatabase("limits")
        let saved = ConnectionLimits.processDefault
        defer { ConnectionLimits.processDefault = saved }
        ConnectionLimits.processDefault.statementTimeout = 1
        let connection = try database.connect()
        let error = try #require(throws: PostgresError.self) { try connection.execute("SELECT pg_sleep(5)") }
        #expect(error.sqlState == "57014", "\(error)")
    }

    @Test func aRunningStatementIsCancelledByApplicationName() throws {
        let database = try TestDatabase("limits")
        let scope = CancelScope()
        let connection = try scope.run { try database.connect(applicationName: "recon reconcile 410000 province") }
        let other = try scope.run { try database.connect(applicationName: "recon reconcile 420000 province") }
        // The same name opened outside the scope (another worker, another test in this process).
        let outside = try database.connect(applicationName: "recon reconcile 410000 province")
        let started = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
            scope.cancelRunningStatements(applicationNamePrefix: "recon reconcile 410000")
        }
        let elsewhere = DispatchQueue.global()
        let outsideDone = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outsideResult: Result<Int, any Error>? = nil
        elsewhere.async {
            outsideResult = Result { try outside.execute("SELECT 1 AS one FROM pg_sleep(3)").rows.count }
            outsideDone.signal()
        }
        let error = try #require(throws: PostgresError.self) { try connection.execute("SELECT pg_sleep(30)") }
        #expect(error.sqlState == "57014", "\(error)")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(try other.execute("SELECT 1 AS one").rows.count == 1, "the other connection was not touched")
        outsideDone.wait()
        #expect(try outsideResult?.get() == 1, "a connection of the same name outside the scope was not cancelled")
    }
}
