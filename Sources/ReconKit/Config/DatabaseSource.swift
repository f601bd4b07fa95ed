/// Where a database is: a DSN written in the config, or the name of an environment variable that
/// holds it (so that passwords stay out of the file). Never logged unredacted.
import ReconRules

public struct DatabaseSource: Sendable, Equatable {
    /// A literal libpq conninfo or `postgresql://` URI.
    public var dsn: String?
    /// The name of an environment variable holding the DSN.
    public var dsnEnv: String?
    /// Where this source was declared, for messages (`recon.toml:12 [ministry]`).
    public var origin: String

    /// A source from a literal DSN or an environment variable name.
    public init(dsn: String? = nil, dsnEnv: String? = nil, origin: String) {
        self.dsn = dsn
        self.dsnEnv = dsnEnv
        self.origin = origin
    }

    /// The DSN to connect with; an error naming the origin and variable when it is missing.
    public func resolve(environment: [String: String]) throws -> String {
        if let dsnEnv {
            guard let value = environment[dsnEnv], !value.isEmpty else {
                throw ConfigError("\(origin): environment variable \(dsnEnv) is not set (it should hold the DSN)")
            }
            return value
        }
        if let dsn { return dsn }
        throw ConfigError("\(origin): neither dsn nor dsn_env is given")
    }
}

/// A configuration problem, with a message naming the file, line and key.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    /// The message.
    public let description: String
    /// A configuration error.
    public init(_ description: String) { self.description = description }
}
