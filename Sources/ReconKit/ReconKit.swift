/// ReconKit: the domain of `recon` — calendar, configuration, diff, lists, tracking, scoring and
/// sample data. Pure Swift; database access goes through the `PostgresClient` wrapper.
import ReconRules

public enum ReconKit {
    /// The program's version, shown by `recon --version`.
    public static let version = "0.1.0"
}
