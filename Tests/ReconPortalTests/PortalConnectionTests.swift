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

    @Test func slowOrStalledRequestsAreCutOff() async throws {
        let fixture = try PortalFixture("pconnslow")
        try await application(fixture, headerSeconds: 1).test(.live) { client in
            let port = try #require(client.port)
            // Half a header, then silence: closed after about a second, unanswered.
            let stalled = try RawConnection(port: port)
            stalled.send("GET /health HTTP/1.1\r\nHost: localhost\r\n")
            let (text, closedAfter) = await stalled.read(for: 8)
            #expect(text.isEmpty)
            let seconds = try #require(closedAfter, "a half-sent header held the connection")
            #expect(seconds > 0.5 && seconds < 4)
            // A header trickled a byte every 0.2 s never goes silent, and is still cut off.
            let slow = try RawConnection(port: port)
            let trickled = await slow.trickle("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + String(repeating: "a", count: 200),
                                              every: 0.2, for: 8)
            let cutAfter = try #require(trickled, "a trickled header held the connection")
            #expect(cutAfter > 0.5 && cutAfter < 4)
            // A header in time whose body stalls: cut off as well.
            let body = try RawConnection(port: port)
            body.send("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ntoken=")
            #expect(await body.read(for: 8).closedAfter != nil, "a stalled body held the connection")
        }
    }

    @Test func keptAliveConnectionServesRequestsAfterTheDeadline() async throws {
        let fixture = try PortalFixture("pconnalive")
        try await application(fixture, headerSeconds: 1).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            let request = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"
            connection.send(request)
            // Answered, then idle for longer than the header timeout and still open: the deadline
            // counts from a request's first byte, not from the last response.
            let first = await connection.read(for: 3)
            #expect(first.text.hasPrefix("HTTP/1.1 200"))
            #expect(first.closedAfter == nil)
            #expect(connection.send(request))
            let second = await connection.read(for: 3)
            #expect(second.text.hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func hugeContentLengthIsRefusedWithoutReadingTheBody() async throws {
        let fixture = try PortalFixture("pconnhuge")
        try await application(fixture, headerSeconds: 10).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            connection.send("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: 10000000000\r\n\r\ntoken=rcn_")
            // Answered 413 and closed at once — long before the 10 s header timeout.
            let (text, closedAfter) = await connection.read(for: 5)
            #expect(text.hasPrefix("HTTP/1.1 413"))
            #expect(text.lowercased().contains("connection: close"))
            let seconds = try #require(closedAfter, "the connection stayed open to read the body")
            #expect(seconds < 2)
        }
    }
}
