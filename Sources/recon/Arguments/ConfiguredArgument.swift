import ArgumentParser
import ReconKit
import ReconRules

/// Arguments that must name something the configuration has: not configured is a usage error
/// (exit 64) naming the option, not a configuration error.
extension ReconConfig {
    /// The configured province `code` given with `option`.
    func argumentProvince(_ code: String, option: String = "--province") throws -> ProvinceConfig {
        do { return try province(code) } catch { throw ValidationError("\(option) \(code): \(error)") }
    }

    /// The configured record set `name` given with `option`.
    func argumentRecordSet(_ name: String, option: String = "--set") throws -> RecordSetSpec {
        do { return try recordSet(name) } catch { throw ValidationError("\(option) \(name): \(error)") }
    }
}
