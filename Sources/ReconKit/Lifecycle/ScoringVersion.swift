import Foundation
import ReconRules

/// One stored version of a quarter's scoring (`recon.scorings`), with its scores.
public struct ScoringVersion: Sendable, Equatable {
    /// How a version came to be.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The draft computed on the results date and put on public notice (公示稿, version 1).
        case draft
        /// A correction after an accepted objection during the notice (核对修正).
        case correction
        /// A recomputation after publication, published again with a reason (重新公布).
        case republication

        /// 中文.
        public var label: String {
            switch self {
            case .draft: return "公示稿"
            case .correction: return "核对修正稿"
            case .republication: return "重新公布稿"
            }
        }
    }

    /// `recon.scorings.id`.
    public let id: Int
    /// 1, 2, … within the quarter.
    public let version: Int
    /// How it came to be.
    public let kind: Kind
    /// The version it corrects or replaces.
    public let basedOn: Int?
    /// Why (corrections and republications).
    public let reason: String?
    /// Who made it (`recon due`, a CLI user, a portal user).
    public let createdBy: String
    /// When.
    public let createdAt: Date
    /// The scores.
    public let scores: QuarterScores
}
