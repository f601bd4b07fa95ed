import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ReconKit
import ReconPortal
import ReconRules

/// `recon serve`: the province portal (HTTP API and pages) over the results database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the province portal: lists, downloads, progress and scores per province (bearer tokens).",
        discussion: "Create tokens with `recon tokens create`. Stops gracefully on SIGINT/SIGTERM.")
    @Option(help: ArgumentHelp("Address to listen on.", valueName: "host:port")) var listen = "127.0.0.1:8080"
    @Option(help: ArgumentHelp("Session cookie Secure flag: always, never, or proxy (when X-Forwarded-Proto is https).",
                               valueName: "mode")) var secureCookies = "proxy"
    @Option(help: "Minutes without a request after which a page session ends.") var sessionIdleMinutes = 30
    @Option(help: "Hours after login after which a page session ends.") var sessionHours = 8
    @Option(help: "PostgreSQL connections the portal keeps at most.") var poolSize = 8
    @Option(help: ArgumentHelp("An origin accepted on forms besides the request's own host (repeatable), e.g. https://portal.example.gov.cn.",
                               valueName: "origin")) var allowedOrigin: [String] = []
    @Option(help: "Seconds a kept-alive connection may stay silent between requests before it is closed.")
    var idleTimeout = 15
    @Option(help: "Seconds a client has to send a whole request (header and body) from the connection's opening or the request's first byte; then the connection is closed.")
    var headerTimeout = 10
    @Option(help: ArgumentHelp("Pretend the portal's clock started at this instant (ISO 8601 with offset) and runs on from it: the public notice, deadlines and sessions are judged by it. For drills and the browser tests only, like `recon due --now`.", valueName: "timestamp"),
            transform: ArgumentValue.instant)
    var now: Date?
    @OptionGroup var config: ConfigOption
    @OptionGroup var logging: LogOptions

    func validate() throws {
        _ = try Self.address(listen)
        guard SecureCookies(rawValue: secureCookies) != nil else {
            throw ValidationError("--secure-cookies must be always, never or proxy, got \(secureCookies)")
        }
        guard (1...1440).contains(sessionIdleMinutes) else { throw ValidationError("--session-idle-minutes must be 1…1440, got \(sessionIdleMinutes)") }
        guard (1...72).contains(sessionHours) else { throw ValidationError("--session-hours must be 1…72, got \(sessionHours)") }
        guard (1...64).contains(poolSize) else { throw ValidationError("--pool-size must be 1…64, got \(poolSize)") }
        guard (1...600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be 1…600 seconds, got \(idleTimeout)") }
        guard (1...600).contains(headerTimeout) else { throw ValidationError("--header-timeout must be 1…600 seconds, got \(headerTimeout)") }
    }

    /// `host:port` split; a ValidationError naming the value otherwise.
    static func address(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65535).contains(port), colon != text.startIndex else {
            throw ValidationError("--listen must be host:port, e.g. 127.0.0.1:8080, got \(text)")
        }
        return (String(text[..<colon]), port)
    }

    func run() async throws {
        let logger = logging.logger("recon.portal")
        let loaded = try config.load()
        _ = try config.results(loaded, application: "recon serve")   // migrated, provinces in step
        let dsn = try loaded.results.resolve(environment: ProcessInfo.processInfo.environment)
        var settings = PortalSettings(database: PortalDatabase(dsn: dsn, maxConnections: poolSize), recordSets: loaded.recordSets)
        if let pretend = now {
            let offset = pretend.timeIntervalSinceNow
            settings.now = { Date().addingTimeInterval(offset) }
            logger.warning("pretended clock", metadata: ["now": "\(BeijingTimeFormat.iso(pretend))"])
        }
        settings.secureCookies = SecureCookies(rawValue: secureCookies) ?? .proxy
        settings.sessionIdle = .seconds(sessionIdleMinutes * 60)
        settings.sessionLifetime = .seconds(sessionHours * 3600)
        settings.allowedOrigins = allowedOrigin
        settings.headerTimeout = .seconds(headerTimeout)
        let (host, port) = try Self.address(listen)
        logger.info("portal listening", metadata: ["address": "http://\(host):\(port)/"])
        try await Portal.application(settings: settings, host: host, port: port, logger: logger,
                                     idleTimeout: .seconds(idleTimeout)).runService()
    }
}
