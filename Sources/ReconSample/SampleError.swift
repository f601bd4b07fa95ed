/// A problem of the sample generator or of `recon sample reupload`, with a message that names the
/// offending option, value, file or table.
import ReconRules
import ReconKit

public struct SampleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message.
    public let description: String

    /// An error with `description` as its message.
    public init(_ description: String) { self.description = description }
}
