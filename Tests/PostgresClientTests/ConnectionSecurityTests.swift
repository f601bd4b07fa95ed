import PostgresClient
import ReconTestSupport
import Testing

@Suite("Secrets stay out of errors")
struct ConnectionSecurityTests {
    @Test func wrongPasswordErrorDoesNotContainPassword() throws {
        let db = try TestDatabase("pw")
        let admin = try db.connect()
        let role = "pw_\(db.name.suffix(8))"
        try admin.executeSimple("CREATE ROLE \(role) LOGIN PASSWORD 'right-horse-battery'")
        defer { try? admin.executeSimple("DROP ROLE IF EXISTS \(role)") }
        let secret = "Sup3rSecret-Wrong-Pw"
        let base = try TestDatabase.serverDSN()
        // postgresql://recon@127.0.0.1:PORT/recon → postgresql://ROLE:SECRET@127.0.0.1:PORT/db
        let uri = base.replacingOccurrences(of: "://recon@", with: "://\(role):\(secret)@")
        let error = try #require(throws: PostgresError.self) { _ = try Connection(conninfo: uri) }
        #expect(error.kind == .connection)
        #expect(!String(describing: error).contains(secret))
        #expect(String(describing: error).contains("password authentication failed"))
        // And the keyword/value form.
        let port = base.split(separator: ":").last!.split(separator: "/").first!
        let kv = "host=127.0.0.1 port=\(port) dbname=\(db.name) user=\(role) password='\(secret)'"
        let error2 = try #require(throws: PostgresError.self) { _ = try Connection(conninfo: kv) }
        #expect(!String(describing: error2).contains(secret))
        // The right password works.
        let good = try Connection(conninfo: "host=127.0.0.1 port=\(port) dbname=\(db.name) user=\(role) password=right-horse-battery")
        #expect(try good.execute("SELECT current_user AS u").singleRow()["u"] == role)
    }

    @Test func failingConnectionsNeverShowTheSecret() throws {
        let secret = "Corpus-Secret-77"
        for form in FailingConninfo.forms(port: try FailingConninfo.serverPort(), secret: secret) {
            let error = try #require(throws: PostgresError.self, "\(form)") { _ = try Connection(conninfo: form) }
            #expect(error.kind == .connection)
            #expect(!String(describing: error).contains(secret), "\(form.debugDescription) → \(error)")
            #expect(!String(describing: error).contains("Corpus-Secret"), "\(form.debugDescription) → \(error)")
        }
    }

    @Test func connectedConnectionsDisplayTheParsedOptions() throws {
        let db = try TestDatabase("shown")
        let connection = try db.connect()
        #expect(connection.redactedConninfo.contains("dbname=\(db.name)"))
        #expect(connection.redactedConninfo.contains("host=127.0.0.1"))
        let port = try FailingConninfo.serverPort()
        let newline = try Connection(conninfo: "host=127.0.0.1\nport=\(port)\nuser=recon\ndbname=\(db.name)\npassword=unused-but-secret")
        #expect(newline.redactedConninfo == "user=recon password=*** dbname=\(db.name) host=127.0.0.1 port=\(port)")
    }
}
