/// One step that makes a field's raw value comparable. The raw names (e.g. `"fullWidth"`) are the
/// names used in the TOML configuration.
///
/// The steps remove the false differences listed in docs/identifiers.md ("Dirt seen in real copies"):
/// "Full-width ASCII (U+FF01–U+FF5E, offset 0xFEE0) and the ideographic space U+3000 in numbers and
/// names; （） vs (); surrounding spaces; lower-case `x`; dates as `YYYYMMDD`, `YYYY-MM-DD`,
/// `YYYY-MM-DD hh:mm:ss`, or unpadded `YYYY-M-D`; `''`, `'0'` or `无` standing for empty; numbers as
/// `1.50` vs `1.5`". They never map one valid code to another (plate colour `5` stays unequal to
/// `94`) and leave bytes that are not valid UTF-8 as they are ("a character that did not survive
/// conversion is a real difference").
///
/// The cases are declared in the canonical order a `NormaliserPipeline` applies them in, whatever
/// order the configuration lists them in.
public enum FieldNormaliser: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Full-width ASCII U+FF01–U+FF5E → ASCII (code point − 0xFEE0), ideographic space U+3000 →
    /// ASCII space. Covers full-width digits, letters and （）.
    case fullWidth
    /// Full-width parentheses （ ） → ( ) only (a narrower alternative to `fullWidth`).
    case parentheses
    /// Removes white space at both ends: ASCII space, tab, CR, LF and U+3000.
    case trim
    /// Replaces every run of white space (ASCII space, tab, CR, LF, U+3000) by one ASCII space.
    case collapseSpaces
    /// ASCII `a`–`z` → `A`–`Z` (e.g. a resident ID's check character `x` → `X`). Other letters are
    /// unchanged.
    case upper
    /// A date or date-time in one of the accepted forms (see `date`) → `YYYY-MM-DD hh:mm:ss`, plus
    /// `.f…` when the fraction of a second is not zero (trailing zeros dropped); a date alone is
    /// midnight. An unparseable value is left as it is (so it still differs). Also accepts the
    /// compact `YYYYMMDDhhmmss`.
    case timestamp
    /// A date → `YYYY-MM-DD`. Accepts `YYYYMMDD`, `YYYY-MM-DD`, unpadded `YYYY-M-D`, `YYYY/MM/DD`,
    /// each optionally followed by a time (`␠` or `T`, then `h:mm`, `hh:mm:ss` or `hh:mm:ss.fff`),
    /// which is dropped, and `YYYYMMDDhhmmss`. The date must exist (no 2023-02-29) and the time must
    /// be valid, else the value is left as it is. If `timestamp` is configured too, `date` wins.
    case date
    /// A decimal number → its canonical form: no `+`, no leading zeros (`002` → `2`, `.5` → `0.5`),
    /// no trailing fractional zeros (`1.50` → `1.5`, `2.0` → `2`), `-0` → `0`. Accepts
    /// `[+-]digits[.digits]` and `[+-].digits`; anything else (exponents, thousands separators) is
    /// left as it is.
    case decimal
    /// A numeric code of ASCII digits only → without its leading zeros (`0123` → `123`, `000` →
    /// `0`), for codes one registry pads and the other does not; anything else is unchanged. Allowed
    /// on keys (it has an SQL form).
    case numericCode
    /// A placeholder standing for "no value" → NULL: `无` `暂无` `空` `-` `--` `/` `—` `——` `NULL`
    /// `N/A` (ASCII letters in any case). Only the whole value matches.
    case placeholderAsNull
    /// The value `0` → NULL (docs/identifiers.md: `'0'` standing for empty). With `decimal`, `0.00` and
    /// `000` become `0` first and so NULL too. Configure it only where 0 is never a real value.
    case zeroAsNull
    /// The empty value → NULL (after the other steps, so with `trim` a value of only spaces too).
    case emptyAsNull

    /// The position of this step in the canonical order (0 first).
    public var canonicalRank: Int { Self.allCases.firstIndex(of: self)! }

    /// The configuration name.
    public var description: String { rawValue }

    /// The normaliser with configuration name `name`, or an error naming it and the known names.
    public static func named(_ name: String) throws(UnknownNormaliserError) -> FieldNormaliser {
        guard let normaliser = FieldNormaliser(rawValue: name) else { throw UnknownNormaliserError(name: name) }
        return normaliser
    }
}

/// A configuration named a normaliser that does not exist.
public struct UnknownNormaliserError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The unknown name, as given.
    public let name: String

    /// Creates the error for `name`.
    public init(name: String) { self.name = name }

    /// The message, listing the known names.
    public var description: String {
        "unknown field normaliser \"\(name)\"; known: " + FieldNormaliser.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
