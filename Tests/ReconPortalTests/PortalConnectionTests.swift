import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ReconPortal
import Testing

/// The live server's connection limits, driven over a plain socket: a request that does not
/// arrive whole within the header timeout is cut off (however slowly it trickles), a kept-alive
/// connection between requests is not, and a huge Content-Length is refused without its body.
@Suite("Portal connections: header-read deadline and refused bodies")
struct PortalConnectionTests {
    /// The live application over the fixture's database, a header timeout of `headerSeconds` and an
    /// idle timeout long enough never to be the one that closes.
    func application(_ fixture: PortalFixture, headerSeconds: Int) -> some ApplicationProtocol {
        var settings = PortalSettings(database: PortalDatabase(dsn: fixture.database.dsn, maxConnections: 2))
        settings.headerTimeout = .seconds(headerSeconds)
        var logger = Logger(label: "portal-connection-tests")
        logger.logLevel = .error
        return Portal.application(settings: settings, host: "127.0.0.1", port: 0, logger: logger, idleTimeout: .seconds(60))
    }

    // The bounds are wide because the whole suite runs in parallel on a small machine: a cut-off
    // must come after the header timeout (2 s) and long before the idle timeout (60 s), which
    // would otherwise be the one closing.

    @Test func slowOrStalledRequestsAreCutOff() async throws {
        let fixture = try PortalFixture("pconnslow")
        try await application(fixture, headerSeconds: 2).test(.live) { client in
            let port = try #require(client.port)
            // Half a header, then silence: closed after the header timeout, unanswered.
            let stalled = try RawConnection(port: port)
            stalled.send("GET /health HTTP/1.1\r\nHost: localhost\r\n")
            let (text, closedAfter) = await stalled.read(for: 40)
            #expect(text.isEmpty)
            let seconds = try #require(closedAfter, "a half-sent header held the connection")
            #expect(seconds > 1.5 && seconds < 30)
            // A header trickled a byte every 0.2 s never goes silent, and is still cut off.
            let slow = try RawConnection(port: port)
            let trickled = await slow.trickle("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + String(repeating: "a", count: 400),
                                              every: 0.2, for: 40)
            let cutAfter = try #require(trickled, "a trickled header held the connection")
            #expect(cutAfter > 1.5 && cutAfter < 30)
            // A header in time whose body stalls: cut off as well.
            let body = try RawConnection(port: port)
            body.send("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ntoken=")
            let bodyClosed = try #require(await body.read(for: 40).closedAfter, "a stalled body held the connection")
            #expect(bodyClosed < 30)
        }
    }

    @Test func keptAliveConnectionServesRequestsAfterTheDeadline() async throws {
        let fixture = try PortalFixture("pconnalive")
        try await application(fixture, headerSeconds: 1).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            let request = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"
            connection.send(request)
            let first = await connection.response(within: 20)
            #expect(first.text.hasPrefix("HTTP/1.1 200") && !first.closed)
            // Idle for longer than the header timeout and still open: the deadline counts from a
            // request's first byte, not from the last response.
            #expect(await connection.read(for: 2.5).closedAfter == nil)
            #expect(connection.send(request))
            let second = await connection.response(within: 20)
            #expect(second.text.hasPrefix("HTTP/1.1 200") && !second.closed)
        }
    }

    @Test func hugeContentLengthIsRefusedWithoutReadingTheBody() async throws {
        let fixture = try PortalFixture("pconnhuge")
        // A header timeout as long as the idle timeout: only the refusal itself can close early.
        try await application(fixture, headerSeconds: 60).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            connection.send("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: 10000000000\r\n\r\ntoken=rcn_")
            // Answered 413 and closed at once, the body never read.
            let (text, closedAfter) = await connection.read(for: 40)
            #expect(text.hasPrefix("HTTP/1.1 413"))
            #expect(text.lowercased().contains("connection: close"))
            let seconds = try #require(closedAfter, "the connection stayed open to read the body")
            #expect(seconds < 30)
        }
    }
}
