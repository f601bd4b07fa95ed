import Foundation
import TOML

/// `[bulletin]` of recon.toml: the lines of the published tables that are the ministry's to say —
/// who issues them, and where and whom a province asks during the public notice (README
/// "Configuration"; docs/rules.md, "The bulletin and the 公示稿").
///
/// ```toml
/// [bulletin]
/// issuer = "交通运输部运输服务司"                       # 发布单位 (default)
/// objection_url = "https://recon.example.gov.cn/"    # 公示稿: where to raise an objection (default: the portal's 异议 page, unnamed)
/// objection_contact = "信息化处 张三 010-00000000"      # 公示稿: whom to call (default: no line)
/// ```
public struct BulletinSettings: Sendable, Equatable {
    /// 发布单位, on the bulletin's issuer line and the 公示稿's.
    public var issuer = "交通运输部运输服务司"
    /// The portal address where a province raises an objection; nil: the text names the portal's 异议 page.
    public var objectionURL: String? = nil
    /// Whom to contact about an objection (name, office, telephone); nil: no contact line.
    public var objectionContact: String? = nil

    /// The defaults.
    public init() {}

    /// Reads `[bulletin]` (`nil`: no such table, the defaults).
    static func read(_ table: TOMLReader?) throws -> BulletinSettings {
        var settings = BulletinSettings()
        guard let table else { return settings }
        func text(_ key: String) throws -> String? {
            guard let value = try table.optionalString(key) else { return nil }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw table.error(at: key, "\(key) is empty: give the text or remove the line") }
            guard !trimmed.contains(where: \.isNewline) else { throw table.error(at: key, "\(key) must be one line") }
            return trimmed
        }
        settings.issuer = try text("issuer") ?? settings.issuer
        if let url = try text("objection_url") {
            // An address printed on a public file: never with a user or password (not echoed back either).
            guard !url.contains("@") else {
                throw table.error(at: "objection_url", "objection_url must not carry credentials (user:password@): give the portal's public address")
            }
            guard url.hasPrefix("https://") || url.hasPrefix("http://"), !url.contains(where: \.isWhitespace) else {
                throw table.error(at: "objection_url", "objection_url must be an http(s) address without spaces, got \"\(url)\"")
            }
            settings.objectionURL = url
        }
        settings.objectionContact = try text("objection_contact")
        return settings
    }
}
