import ArgumentParser
import Foundation
import ReconKit

/// The exit codes of README "Exit codes" for errors thrown while a command runs (parse errors
/// are ArgumentParser's, 64):
/// - a `ValidationError` (a bad option or argument found once the configuration is read, e.g. an
///   unconfigured `--province`) is 64, printed with the subcommand's usage;
/// - a wrong configuration (``ConfigError``, an error of the TOML file — both naming
///   `recon.toml:LINE`) is 78;
/// - anything else is 1.
enum ExitStatus {
    /// The error to exit with for `error`, thrown by `command` (a subcommand of `root`); the message
    /// is printed here for the two kinds above.
    static func error(for error: any Error, command: any ParsableCommand.Type, root: any ParsableCommand.Type) -> any Error {
        if let validation = error as? ValidationError {
            let usage = root.usageString(for: command)
            FileHandle.standardError.write(Data("Error: \(validation.message)\nUsage: \(usage)\n".utf8))
            return ExitCode(ExitCodes.usage)
        }
        if ConfigError.isConfiguration(error) {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            return ExitCode(ExitCodes.config)
        }
        return error
    }
}
