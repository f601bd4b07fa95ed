import ReconRules
import TOML

/// The check of a `[[province]]` table's code and name against the 32 evaluated units
/// (31 provinces + 新疆生产建设兵团 660000; docs/rules.md, "Province codes"): an unknown code or a
/// name that is not the code's is refused at config load, at its line (exit 78), so that no run is
/// ever recorded for a province that does not exist while a real one stays unreconciled.
enum ProvinceCodeCheck {
    /// Throws at `code` or `name` of `table` unless they name one of the 32 units.
    static func check(_ table: TOMLReader, code: String, name: String) throws {
        switch ProvinceCode.checkConfigured(code: code, name: name) {
        case .known:
            return
        case .unknownCode:
            throw table.error(at: "code", "省级行政区划代码 \"\(code)\" 不是31个省（自治区、直辖市）或新疆生产建设兵团（660000）之一（GB/T 2260；见 jobs/recon.toml.example）")
        case let .nameMismatch(expected, namedUnit):
            let hint = namedUnit.map { "；\"\(name)\" 的代码是 \($0.code)" } ?? ""
            throw table.error(at: "name", "代码 \(code) 是 \(expected)，不是 \"\(name)\"\(hint)")
        }
    }
}
