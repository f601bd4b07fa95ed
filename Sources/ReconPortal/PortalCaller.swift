/// Who is asking: the holder of a valid portal token.
public struct PortalCaller: Sendable, Hashable {
    /// The token's id (`recon.portal_tokens.id`).
    public var tokenID: Int64
    /// The token's name, e.g. `河南省运政`.
    public var name: String
    /// The token's province, or nil for the ministry role (sees every province).
    public var provinceCode: String?

    /// A caller.
    public init(tokenID: Int64, name: String, provinceCode: String?) {
        self.tokenID = tokenID
        self.name = name
        self.provinceCode = provinceCode
    }

    /// Holds the ministry role.
    public var isMinistry: Bool { provinceCode == nil }

    /// Whether the caller may see a province's data.
    public func canSee(province: String) -> Bool { provinceCode == nil || provinceCode == province }

    /// How downloads are recorded (`recon.list_downloads.who`): `河南省运政 (token 3)`.
    public var downloadName: String { "\(name) (token \(tokenID))" }
}
