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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try DueFixture.reconBinary())
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("RECON_") && !$0.key.hasPrefix("PG") }
        env.merge(environment) { $1 }
        process.environment = env
        let folder = directory ?? FileManager.default.temporaryDirectory.path
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("recon-cli-\(UUID().uuidString).out")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("recon-cli-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder(_ label: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recon-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
