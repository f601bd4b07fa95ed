import Foundation
import Logging
import PostgresClient
import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// issue 24 item 7: jobs/backup.sh of a results database with a published quarter, restored by
/// jobs/restore.sh into a fresh cluster, gives the same published bulletin byte for byte (written
/// anew from the restored database into an empty folder).
@Suite("deploy: backup and restore", .serialized)
struct BackupRestoreTests {
    @Test func aRestoredDatabaseWritesTheSameBulletin() throws {
        let fixture = try DueFixture(codes: ["410000", "420000"])
        let original = try ReconCLI.temporaryFolder("out")
        fixture.config.outputDirectory = original
        for instant in ["2026-07-02T09:00:00+08:00", "2026-10-20T07:00:00+08:00", "2026-10-27T07:00:00+08:00"] {
            let outcomes = try fixture.due(at: try BeijingTime.parseTimestamp(instant))
            #expect(ExitCodes.of(outcomes) == ExitCodes.success, "\(instant): \(outcomes)")
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: original)
        let stem = ResultFiles.bulletinStem(quarter: try Quarter.parse("2026Q3"), ordinal: 1)
        let csv = stem + ".csv"
        #expect(written.contains(csv), "no bulletin in \(written)")

        let backup = try ReconCLI.temporaryFolder("backup")
        let dumped = try ShellRun.run("/bin/bash", [ShellRun.projectRoot + "/jobs/backup.sh", backup, "--db", fixture.results.dsn, "--out", original],
                                      environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"])
        #expect(dumped.status == 0, "\(dumped)")

        // A fresh cluster of its own.
        let cluster = "restore-\(UInt32.random(in: 0...UInt32.max))"
        // The server must inherit no descriptor but 0–2: not Foundation's child-watch socket (the
        // test would wait for the server to exit) nor a lock the test runner holds (flock).
        let started = try ShellRun.run("/bin/bash", ["-c", """
            for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"; done
            exec bash "$0" start "$1"
            """, ShellRun.projectRoot + "/jobs/pg-local.sh", cluster], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"])
        #expect(started.status == 0, "\(started)")
        defer { _ = try? ShellRun.run("/bin/bash", [ShellRun.projectRoot + "/jobs/pg-local.sh", "stop", cluster], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]) }
        let fresh = started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let restored = try ShellRun.run("/bin/bash", [ShellRun.projectRoot + "/jobs/restore.sh", backup, fresh], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"])
        #expect(restored.status == 0, "\(restored)")
        // Restoring twice into the same database is refused (never a mixed database).
        #expect(try ShellRun.run("/bin/bash", [ShellRun.projectRoot + "/jobs/restore.sh", backup, fresh], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]).status == 73)

        // The files are state: written anew from the restored database into an empty folder.
        let rewritten = try ReconCLI.temporaryFolder("out")
        let connection = try Connection(conninfo: fresh)
        try Migrator(connection: connection).apply()
        let files = ResultFiles(results: connection, recordSets: fixture.config.recordSets, folder: rewritten)
        _ = try files.writeMissing(quarter: try Quarter.parse("2026Q3"), at: try BeijingTime.parseTimestamp("2026-10-28T07:00:00+08:00"))
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(original)/\(csv)"))
        let after = try Data(contentsOf: URL(fileURLWithPath: "\(rewritten)/\(csv)"))
        print("bulletin \(csv): \(before.count) bytes before, \(after.count) after restore")
        #expect(!before.isEmpty && before == after, "the restored bulletin differs")
        // And the output folder itself comes back as it was.
        let back = try ReconCLI.temporaryFolder("out")
        _ = try ShellRun.run("/bin/tar", ["-C", back, "-xzf", backup + "/recon-out.tar.gz"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(back)/\(csv)")) == before)
    }
}
