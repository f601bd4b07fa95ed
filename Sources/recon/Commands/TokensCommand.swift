import ArgumentParser
import Foundation
import ReconKit
import ReconPortal
import ReconRules

/// `recon tokens …`: the portal's access tokens.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Portal access tokens: one per province, or the ministry role (sees all provinces).",
        subcommands: [Create.self, List.self, Rotate.self, Revoke.self])

    /// `recon tokens create --province P --name N | --ministry --name N [--expires WHEN]`.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token; it is printed once and stored only as its SHA-256.")
        @Option(help: "The province the token may see, e.g. 410000.") var province: String?
        @Flag(help: "The ministry role: sees every province.") var ministry = false
        @Option(help: "Who holds the token, e.g. 河南省运政 (recorded with every download).") var name: String
        @Option(help: ArgumentHelp("When the token stops working: YYYY-MM-DD (through that Beijing day), an ISO 8601 time, or Nd (N days from now). Default: never.",
                                   valueName: "when"), transform: ArgumentValue.expiry)
        var expires: Date?
        @OptionGroup var config: ConfigOption

        func validate() throws {
            guard (province == nil) == ministry else { throw ValidationError("give either --province CODE or --ministry") }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
            if let expires, expires <= Date() { throw ValidationError("--expires \(BeijingTimeFormat.human(expires)) is not in the future") }
        }

        func run() throws {
            let loaded = try config.load()
            if let province { _ = try loaded.argumentProvince(province) }
            let results = try config.results(loaded, application: "recon tokens create")
            let created = try PortalTokenStore(connection: results).create(province: province, name: name, expires: expires)
            TokensCommand.printCreated(created)
        }
    }

    /// `recon tokens list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (id, province, name, created, expires, last used, revoked, replaces).")
        @OptionGroup var config: ConfigOption

        func run() throws {
            let loaded = try config.load()
            let results = try config.results(loaded, application: "recon tokens list")
            let tokens = try PortalTokenStore(connection: results).list()
            let table = TextTable(headers: ["id", "province", "name", "created", "expires", "last used", "revoked", "replaces"], rows: tokens.map {
                [String($0.id), $0.provinceCode ?? "ministry", $0.name, $0.createdAt, $0.expiresAt ?? "never", $0.lastUsedAt ?? "never",
                 $0.revokedAt ?? "", $0.replaces.map(String.init) ?? ""]
            }, rightAligned: [0])
            print(table.rendered(), terminator: "")
        }
    }

    /// `recon tokens rotate ID [--expires WHEN]`.
    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a token: a new one for the same province and name is created and the old one revoked, in one transaction.")
        @Argument(help: "The token's id (see `recon tokens list`).") var id: Int64
        @Option(help: ArgumentHelp("The new token's expiry (as for create). Default: never.", valueName: "when"),
                transform: ArgumentValue.expiry)
        var expires: Date?
        @OptionGroup var config: ConfigOption

        func validate() throws {
            if let expires, expires <= Date() { throw ValidationError("--expires \(BeijingTimeFormat.human(expires)) is not in the future") }
        }

        func run() throws {
            let loaded = try config.load()
            let results = try config.results(loaded, application: "recon tokens rotate")
            let created = try PortalTokenStore(connection: results).rotate(id: id, expires: expires)
            print("token \(id) revoked; replaced by:")
            TokensCommand.printCreated(created)
        }
    }

    /// `recon tokens revoke ID`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token (its requests get 401 from then on).")
        @Argument(help: "The token's id (see `recon tokens list`).") var id: Int64
        @OptionGroup var config: ConfigOption

        func run() throws {
            let loaded = try config.load()
            let results = try config.results(loaded, application: "recon tokens revoke")
            try ArgumentCheck.existing("<id> \(id)", id, .token, on: results)
            try PortalTokenStore(connection: results).revoke(id: id)
            print("token \(id) revoked")
        }
    }

    /// The three lines of a new token: who it is for, the token, the notice (line 2 is the token:
    /// jobs/demo.sh reads it).
    static func printCreated(_ created: (token: String, info: PortalTokenInfo)) {
        let expiry = created.info.expiresAt.map { ", expires \($0)" } ?? ""
        print("token \(created.info.id) for \(created.info.provinceCode ?? "ministry (all provinces)") \(created.info.name)\(expiry):")
        print(created.token)
        print("(shown once: only its hash is stored)")
    }
}
