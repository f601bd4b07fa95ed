import Foundation
import PostgresClient
import ReconKit
import ReconPortal
import ReconRules
import ReconTestSupport
import Testing

/// issue 24 item 8: tokens expire, rotate (create-then-revoke in one transaction) and show their
/// last use.
@Suite("Portal tokens: expiry, rotation, last use")
struct TokenManagementTests {
    @Test func anExpiredTokenIsRefusedLikeARevokedOne() throws {
        let fixture = try TokenFixture()
        let store = fixture.store
        let soon = try store.create(province: "410000", name: "河南省运政", expires: Date(timeIntervalSinceNow: 3600))
        #expect(try store.caller(token: soon.token)?.tokenID == soon.info.id)
        #expect(soon.info.expiresAt != nil)
        // An hour later (moved back in the database: the expiry is the server's clock).
        try fixture.connection.execute("UPDATE recon.portal_tokens SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE id = $1",
                                       [String(soon.info.id)])
        #expect(try store.caller(token: soon.token) == nil)
        #expect(throws: PortalTokenError.self) { try store.create(province: "410000", name: "x", expires: Date(timeIntervalSinceNow: -60)) }
        withExtendedLifetime(fixture) {}
    }

    @Test func rotationReplacesTheTokenInOneStep() throws {
        let fixture = try TokenFixture()
        let store = fixture.store
        let old = try store.create(province: "410000", name: "河南省运政")
        let new = try store.rotate(id: old.info.id, expires: Date(timeIntervalSinceNow: 86_400 * 90))
        #expect(new.info.provinceCode == "410000" && new.info.name == "河南省运政" && new.info.replaces == old.info.id)
        #expect(try store.caller(token: old.token) == nil)
        #expect(try store.caller(token: new.token)?.tokenID == new.info.id)
        // A revoked token is not rotated again (its replacement is); nothing is created then.
        #expect(throws: PortalTokenError.notActive(old.info.id)) { try store.rotate(id: old.info.id) }
        #expect(throws: PortalTokenError.noSuchToken(999)) { try store.rotate(id: 999) }
        #expect(try store.list().count == 2)
        withExtendedLifetime(fixture) {}
    }

    @Test func lastUseIsShownAndWrittenAtMostOnceAMinute() throws {
        let fixture = try TokenFixture()
        let store = fixture.store
        let token = try store.create(province: nil, name: "部级")
        #expect(try store.list()[0].lastUsedAt == nil)
        _ = try store.caller(token: token.token)
        let first = try fixture.connection.execute("SELECT last_used_at::text AS t FROM recon.portal_tokens").singleRow().string("t")
        #expect(try store.list()[0].lastUsedAt != nil)
        _ = try store.caller(token: token.token)
        #expect(try fixture.connection.execute("SELECT last_used_at::text AS t FROM recon.portal_tokens").singleRow().string("t") == first)
        // A refused token is not "used".
        try store.revoke(id: token.info.id)
        try fixture.connection.execute("UPDATE recon.portal_tokens SET last_used_at = NULL")
        _ = try store.caller(token: token.token)
        #expect(try store.list()[0].lastUsedAt == nil)
        withExtendedLifetime(fixture) {}
    }
}
