/// Where a diff puts its differences, one at a time, in key order: the results database
/// (``DifferenceCopyWriter``) or memory (``DifferenceCollector``).
import ReconRules

public protocol DifferenceSink: AnyObject {
    /// Takes one difference; throwing stops the diff.
    func accept(_ difference: Difference) throws
}

/// Keeps every difference in memory (tests and small uses).
public final class DifferenceCollector: DifferenceSink {
    /// The differences received, in order.
    public private(set) var differences: [Difference] = []

    /// An empty collector.
    public init() {}

    public func accept(_ difference: Difference) throws {
        differences.append(difference)
    }
}
