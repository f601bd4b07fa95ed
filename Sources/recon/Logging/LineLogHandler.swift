import ArgumentParser
import Foundation
import Logging
import ReconKit
import ReconRules

/// Log lines on stderr, in Beijing time: human (`2026-11-24 13:20:01 +0800 info recon.due: … key=value`)
/// or JSON (one object per line, for collectors).
struct LineLogHandler: LogHandler {
    enum Format: String, CaseIterable { case human, json }

    let label: String
    let format: Format
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let time = BeijingTimeFormat.iso(Date())
        let line: String
        switch format {
        case .human:
            let pairs = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let shortTime = String(time.prefix(19)).replacingOccurrences(of: "T", with: " ") + " +0800"
            line = "\(shortTime) \(event.level) \(label): \(event.message)" + (pairs.isEmpty ? "" : " " + pairs)
        case .json:
            var fields: [(String, String)] = [("time", time), ("level", event.level.rawValue), ("logger", label),
                                              ("message", event.message.description)]
            fields += merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value.description) }
            line = "{" + fields.map { "\(JSONString.quote($0.0)):\(JSONString.quote($0.1))" }.joined(separator: ",") + "}"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Sets up logging once per process.
enum LogSetup {
    static func bootstrap(format: LineLogHandler.Format, level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = LineLogHandler(label: label, format: format)
            handler.logLevel = level
            return handler
        }
    }
}

/// `--log-format human|json` and `--verbose`.
struct LogOptions: ParsableArguments {
    @Option(name: .customLong("log-format"), help: "human (default) or json log lines on stderr")
    var logFormat: String = "human"
    @Flag(name: .customLong("verbose"), help: "Debug-level logging.")
    var verbose = false

    func validate() throws {
        guard LineLogHandler.Format(rawValue: logFormat) != nil else {
            throw ValidationError("--log-format must be human or json")
        }
    }

    /// Bootstraps logging and returns a logger.
    func logger(_ label: String) -> Logger {
        LogSetup.bootstrap(format: LineLogHandler.Format(rawValue: logFormat) ?? .human, level: verbose ? .debug : .info)
        return Logger(label: label)
    }
}
