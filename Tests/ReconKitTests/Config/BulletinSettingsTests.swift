import Testing
@testable import ReconKit
import TOML

/// issue 26 items 1 and 2: `[bulletin]` — the issuer of the bulletin and the 公示稿, where and whom
/// a province asks during the notice — read with their lines.
@Suite("recon.toml: [bulletin]")
struct BulletinSettingsTests {
    static func load(_ bulletin: String?) throws -> ReconConfig {
        try ConfigLoader.parse("[results]\ndsn = \"r\"\n[ministry]\ndsn = \"m\"\n[[province]]\ncode = \"410000\"\nname = \"河南省\"\ndsn = \"p\"\n"
                               + (bulletin.map { "[bulletin]\n" + $0 } ?? ""), fileName: "recon.toml")
    }

    @Test func defaultsAndValues() throws {
        let defaults = try Self.load(nil).bulletin
        #expect(defaults.issuer == "交通运输部运输服务司" && defaults.objectionURL == nil && defaults.objectionContact == nil)
        let set = try Self.load("issuer = \"交通运输部\"\nobjection_url = \"https://recon.example.gov.cn/\"\nobjection_contact = \" 张三 010-1 \"\n").bulletin
        #expect(set.issuer == "交通运输部" && set.objectionURL == "https://recon.example.gov.cn/" && set.objectionContact == "张三 010-1")
    }

    @Test("refusals name the line", arguments: [
        ("issuer = \"\"\n", "recon.toml:10"),
        ("objection_url = \"recon.example.gov.cn\"\n", "recon.toml:10"),
        ("objection_url = \"https://user:secret@recon.example.gov.cn/\"\n", "credentials"),
        ("issuer = \"部\"\nobjection_contact = \"a\\nb\"\n", "recon.toml:11"),
        ("issuers = \"部\"\n", "did you mean \"issuer\""),
    ])
    func refusals(_ text: String, _ expected: String) {
        do {
            _ = try Self.load(text)
            Issue.record("expected a refusal containing \(expected)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
            #expect(!"\(error)".contains("secret"), "a password in an error: \(error)")
        }
    }
}
