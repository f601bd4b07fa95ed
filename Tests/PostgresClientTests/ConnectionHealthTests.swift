import PostgresClient
import ReconTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Connection health")
struct ConnectionHealthTests {
    @Test func aTerminatedSessionIsNotAlive() throws {
        let db = try TestDatabase("alive")
        let connection = try db.connect(applicationName: "recon health probe")
        #expect(connection.isAlive())
        let admin = try db.connect()
        let pid = try connection.execute("SELECT pg_backend_pid() AS pid").singleRow().int("pid")
        #expect(try admin.execute("SELECT pg_terminate_backend($1) AS ok", [String(pid)]).singleRow().bool("ok"))
        for _ in 0..<500 where try admin.execute("SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1", [String(pid)]).singleRow().int("n") > 0 {
            usleep(10_000)
        }
        #expect(!connection.isAlive())
    }
}
