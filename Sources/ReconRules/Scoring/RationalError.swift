import Foundation

/// Why an exact fraction could not be made, computed or read.
///
/// Arithmetic on `Rational` never wraps: an intermediate value that would leave `Int` is reported
/// as `.overflow` by the throwing methods (`adding(_:)`, …) and traps with the same message in the
/// operators (`+`, `-`, `*`, `/`), like `Int` arithmetic does.
public enum RationalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A fraction with denominator 0 was asked for (`operation` says where).
    case divisionByZero(operation: String)
    /// An intermediate value would not fit in `Int` (64 bits).
    case overflow(operation: String)
    /// A text that is not a number, e.g. `"97,5%"`.
    case invalidSyntax(input: String, reason: String)

    /// The English message naming the offending operation or input.
    public var description: String {
        switch self {
        case let .divisionByZero(operation):
            return "division by zero in \(operation)"
        case let .overflow(operation):
            return "integer overflow in \(operation): the exact value does not fit in 64 bits"
        case let .invalidSyntax(input, reason):
            return "cannot read '\(input)' as a number: \(reason) "
                + "(expected e.g. 97.5%, 0.99%, 99%, 0.975, 3/4)"
        }
    }
}

extension RationalError: LocalizedError {
    /// Same as `description`.
    public var errorDescription: String? { description }
}
