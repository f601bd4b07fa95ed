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
    @OptionGroup var config: ConfigOption
    @OptionGroup var logging: LogOptions

    func validate() throws { _ = try Self.address(listen) }

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
        let settings = PortalSettings(database: PortalDatabase(dsn: dsn), recordSets: loaded.recordSets)
        let (host, port) = try Self.address(listen)
        logger.info("portal listening", metadata: ["address": "http://\(host):\(port)/"])
        try await Portal.application(settings: settings, host: host, port: port, logger: logger).runService()
    }
}
