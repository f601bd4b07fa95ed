/// A permitted driving class (准驾车型) of a driving licence.
///
/// docs/identifiers.md: "准驾车型: A1 A2 A3 B1 B2 C1 C2 C3 C4 C5 C6 D E F M N P."
public enum DrivingLicenceClass: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// A1.
    case a1 = "A1"
    /// A2.
    case a2 = "A2"
    /// A3.
    case a3 = "A3"
    /// B1.
    case b1 = "B1"
    /// B2.
    case b2 = "B2"
    /// C1.
    case c1 = "C1"
    /// C2.
    case c2 = "C2"
    /// C3.
    case c3 = "C3"
    /// C4.
    case c4 = "C4"
    /// C5.
    case c5 = "C5"
    /// C6.
    case c6 = "C6"
    /// D.
    case d = "D"
    /// E.
    case e = "E"
    /// F.
    case f = "F"
    /// M.
    case m = "M"
    /// N.
    case n = "N"
    /// P.
    case p = "P"

    /// The code as stored, e.g. `"A2"`.
    public var description: String { rawValue }
}
