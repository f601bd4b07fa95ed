extension ReconConfig {
    /// Resolves, before any work starts, every database source a job will need — results,
    /// ministry, the platform when configured, and the provinces `codes` (default: all) — and
    /// throws one ``ConfigError`` naming each that cannot be resolved with its `recon.toml:LINE`
    /// (e.g. a `dsn_env` naming an unset variable), so that no half of the work runs.
    public func checkSources(environment: [String: String], provinces codes: [String]? = nil,
                             includePlatform: Bool = true) throws(ConfigError) {
        var sources = [results, ministry]
        if includePlatform, let platform { sources.append(platform) }
        let wanted = codes.map(Set.init)
        sources += provinces.filter { wanted?.contains($0.code) ?? true }.map(\.source)
        var problems: [String] = []
        for source in sources {
            do { _ = try source.resolve(environment: environment) } catch { problems.append(String(describing: error)) }
        }
        guard problems.isEmpty else { throw ConfigError(problems.joined(separator: "; ")) }
    }
}
