import Foundation

/// Runs the built `recon` binary (``DueFixture/reconBinary()``) and collects what it printed.
struct ReconCLI {
    /// How one run ended.
    struct Result: CustomStringConvertible {
        let status: Int32
        let stdout: String
        let stderr: String
        var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
        /// Both streams.
        var output: String { stdout + "\n" + stderr }
    }

    /// Runs `recon ARGUMENTS` in `directory` with the test process's environment minus every
    /// `RECON_*` and `PG*` variable, plus `environment`.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    directory: String? = nil) throws -> Result {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("RECON_") && !$0.key.hasPrefix("PG") }
        env.merge(environment) { $1 }
        let run = try ShellRun.run(try DueFixture.reconBinary(), arguments, environment: env,
                                   directory: directory ?? FileManager.default.temporaryDirectory.path)
        return Result(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder(_ label: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recon-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
