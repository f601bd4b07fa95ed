import TOML

extension ConfigError {
    /// Whether `error` says the configuration is wrong (a ``ConfigError`` or an error of the TOML
    /// file, both naming file and line): the CLI exits 78 (EX_CONFIG) for these.
    public static func isConfiguration(_ error: any Error) -> Bool {
        error is ConfigError || error is TOMLError
    }
}
