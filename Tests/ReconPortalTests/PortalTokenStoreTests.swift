import Foundation
import PostgresClient
import ReconKit
import ReconRules
import ReconPortal
import ReconTestSupport
import Testing

/// A migrated database with 河南 (kept alive as long as the fixture: the database is dropped on deinit).
final class TokenFixture {
    let database: TestDatabase
    let connection: Connection
    let store: PortalTokenStore

    init() throws {
        database = try TestDatabase("ptok")
        connection = try database.connect()
        try Migrator(connection: connection).apply()
        try connection.execute("INSERT INTO recon.provinces (code, name) VALUES ('410000', '河南省')")
        store = PortalTokenStore(connection: connection)
    }
}

@Suite("Portal tokens")
struct PortalTokenStoreTests {

    @Test func storedOnlyAsSHA256() throws {
        let fixture = try TokenFixture()
        let connection = fixture.connection, store = fixture.store
        let created = try store.create(province: "410000", name: "河南省运政")
        #expect(created.token.hasPrefix("rcn_") && created.token.utf8.count == 68)
        let row = try connection.execute("SELECT encode(token_hash, 'hex') AS h FROM recon.portal_tokens").singleRow()
        // SHA-256 of the token's UTF-8 bytes, by sha256sum.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(created.token.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let digest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        #expect(try row.string("h") == String(digest))
        // The token text is stored nowhere.
        let dump = try connection.execute("SELECT t::text AS t FROM recon.portal_tokens t").singleRow().string("t")
        #expect(!dump.contains(String(created.token.dropFirst(4))))
        withExtendedLifetime(fixture) {}
    }

    @Test func callerAndRevocation() throws {
        let fixture = try TokenFixture()
        let store = fixture.store
        let henan = try store.create(province: "410000", name: "河南省运政")
        let ministry = try store.create(province: nil, name: "部级")
        #expect(try store.caller(token: henan.token) == PortalCaller(tokenID: henan.info.id, name: "河南省运政", provinceCode: "410000"))
        #expect(try store.caller(token: ministry.token)?.isMinistry == true)
        #expect(try store.caller(token: "rcn_" + String(repeating: "a", count: 64)) == nil)
        #expect(try store.caller(token: "") == nil)
        try store.revoke(id: henan.info.id)
        #expect(try store.caller(token: henan.token) == nil)
        #expect(try store.list().map { $0.revokedAt != nil } == [true, false])
        #expect(throws: PortalTokenError.noSuchToken(999)) { try store.revoke(id: 999) }
        #expect(throws: PortalTokenError.unknownProvince("990000")) { try store.create(province: "990000", name: "x") }
        withExtendedLifetime(fixture) {}
    }
}
