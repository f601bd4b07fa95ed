import Foundation
import ReconTestSupport
import Testing

/// issue 24 item 8 at the command line: `tokens create --expires`, `tokens rotate`, `tokens list`.
@Suite("deploy: recon tokens", .serialized)
struct TokensCommandTests {
    @Test func createWithExpiryRotateAndList() throws {
        let database = try TestDatabase("tokens")
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("recon-tokens-\(UUID().uuidString).toml").path
        try """
            [results]
            dsn = "\(database.dsn)"
            [ministry]
            dsn = "host=unused"
            [[province]]
            code = "410000"
            name = "河南省"
            dsn = "host=unused"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let created = try ReconCLI.run(["tokens", "create", "--config", config, "--province", "410000", "--name", "河南省运政", "--expires", "2099-06-30"])
        #expect(created.status == 0, "\(created)")
        #expect(created.stdout.contains("expires 2099-07-01 00:00:00"), "through 2099-06-30 24:00 Beijing: \(created)")
        let token = created.stdout.split(separator: "\n")[1]
        #expect(token.hasPrefix("rcn_"))
        let past = try ReconCLI.run(["tokens", "create", "--config", config, "--ministry", "--name", "部级", "--expires", "2020-01-01"])
        #expect(past.status == 64 && past.stderr.contains("not in the future"), "\(past)")
        let rotated = try ReconCLI.run(["tokens", "rotate", "1", "--config", config, "--expires", "90d"])
        #expect(rotated.status == 0 && rotated.stdout.contains("token 1 revoked; replaced by:"), "\(rotated)")
        let new = rotated.stdout.split(separator: "\n")[2]
        #expect(new.hasPrefix("rcn_") && new != token)
        let listed = try ReconCLI.run(["tokens", "list", "--config", config])
        print(listed.stdout)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("last used") && listed.stdout.contains("expires") && listed.stdout.contains("replaces"), "\(listed)")
        let rows = listed.stdout.split(separator: "\n").filter { $0.contains("河南省运政") }
        #expect(rows.count == 2 && rows[1].split(separator: " ").last == "1", "the new token replaces 1: \(listed)")
        #expect(try ReconCLI.run(["tokens", "rotate", "1", "--config", config]).status == 1, "a revoked token is not rotated again")
    }
}
