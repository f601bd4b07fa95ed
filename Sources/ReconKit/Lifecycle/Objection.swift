import Foundation
import ReconRules

/// An objection (异议) a province raised during a quarter's public notice (第十一条:
/// 对评价结果有异议的，可在公示期内提请核对修正), and the ministry's decision (`recon.objections`).
public struct Objection: Sendable, Equatable {
    /// Where an objection stands.
    public enum Status: String, Sendable, Equatable {
        /// Waiting for the ministry (待处理).
        case open
        /// Accepted with a correction (已采纳).
        case accepted
        /// Rejected with a reason (未采纳).
        case rejected

        /// 中文.
        public var label: String {
            switch self {
            case .open: return "待处理"
            case .accepted: return "已采纳"
            case .rejected: return "未采纳"
            }
        }
    }

    /// `recon.objections.id`.
    public let id: Int
    /// The quarter.
    public let quarter: Quarter
    /// The province that raised it.
    public let provinceCode: String
    /// The indicator it is about.
    public let indicator: Indicator
    /// The scoring version objected to.
    public let scoringID: Int
    /// The province's text.
    public let text: String
    /// When and by whom.
    public let raisedAt: Date
    /// Who raised it (a CLI user or a portal token's name).
    public let raisedBy: String
    /// Where it stands.
    public let status: Status
    /// When it was decided.
    public let decidedAt: Date?
    /// Who decided it.
    public let decidedBy: String?
    /// The ministry's reason.
    public let decisionReason: String?
    /// The correction version an acceptance made.
    public let correctionID: Int?
}

/// A lifecycle transition that is not allowed now; the message says why and what to do.
///
/// The refusals a province or the ministry can meet in the portal (objections) also carry a
/// machine-readable `code` and a Chinese `chinese` text for the page; the CLI shows `description`.
public struct LifecycleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message (English, with the CLI's next step).
    public let description: String
    /// What was refused, e.g. `notice-ended`; `refused` when not classified.
    public let code: String
    /// The message in Chinese for a user of the portal, when there is one.
    public let chinese: String?

    /// An error.
    public init(_ description: String, code: String = "refused", chinese: String? = nil) {
        self.description = description
        self.code = code
        self.chinese = chinese
    }
}
