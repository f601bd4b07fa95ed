import Foundation

/// Runs a program with exactly the environment given (no inheritance) and collects its output: how
/// cron and systemd start the shipped scripts.
struct ShellRun: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String
    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }

    /// The project's folder (the one holding Package.swift).
    static var projectRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }

    /// Runs `executable arguments` with `environment` only, stdin from /dev/null, in `directory`
    /// (default: the test process's own).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    directory: String? = nil) throws -> ShellRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let folder = FileManager.default.temporaryDirectory
        let out = folder.appendingPathComponent("shell-\(UUID().uuidString).out")
        let err = folder.appendingPathComponent("shell-\(UUID().uuidString).err")
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
        return ShellRun(status: process.terminationStatus,
                        stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                        stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// `env -i PATH=/usr/bin:/bin TZ=UTC VARIABLES… script arguments…`: the script as Debian's cron
    /// starts it on a UTC host (cron's PATH, no login environment).
    static func asCron(_ script: String, _ arguments: [String] = [], variables: [String: String] = [:]) throws -> ShellRun {
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return try run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", "TZ=UTC"] + assignments + [script] + arguments)
    }
}
