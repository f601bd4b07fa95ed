import Foundation
import ReconRules
import ReconKit

/// One item of a rectification list (整改清单) to answer: a record set and a key.
public struct ReuploadItem: Sendable, Hashable {
    /// The record set (``RecordSetSpec/name``).
    public var recordSet: String
    /// The normalised key values in key-column order; nil for an empty key column.
    public var keyValues: [String?]

    /// An item.
    public init(recordSet: String, keyValues: [String?]) {
        self.recordSet = recordSet
        self.keyValues = keyValues
    }

    /// The items of a planted truth's differences of one province (a stand-in for a list).
    public static func items(of truth: PlantedTruth, province: String) -> [ReuploadItem] {
        truth.differences(province: province).map { ReuploadItem(recordSet: $0.recordSet, keyValues: $0.keyValues) }
    }
}

/// How a province answers a list: which share of its items it re-uploads, and when.
public struct ReuploadRequest: Sendable, Hashable {
    /// GB/T 2260 code of the province.
    public var province: String
    /// The list's items.
    public var items: [ReuploadItem]
    /// When the list was issued (its issue counts as its receipt).
    public var issuedAt: Date
    /// The share of items re-uploaded (exactly `floor(share × items)`, chosen at random).
    public var share: SampleRate
    /// Working-day offsets after the issue day to re-upload at, each chosen item taking one at
    /// random: 1–5 are within the deadline (day 1 is the first working day after the issue day),
    /// 6 and more are late; 0 is the issue day itself, after the issue.
    public var offsets: [Int]
    /// The seed of the choices.
    public var seed: UInt64

    /// A request.
    public init(province: String, items: [ReuploadItem], issuedAt: Date, share: SampleRate, offsets: [Int], seed: UInt64) {
        self.province = province
        self.items = items
        self.issuedAt = issuedAt
        self.share = share
        self.offsets = offsets
        self.seed = seed
    }
}

/// One planned re-upload.
public struct PlannedReupload: Sendable, Hashable {
    /// The item's position in the request.
    public var itemIndex: Int
    /// The item.
    public var item: ReuploadItem
    /// The working-day offset after the issue day.
    public var workingDayOffset: Int
    /// The new submission time (报送时间).
    public var submittedAt: Date
    /// Whether it is within the deadline (end of the 5th working day after the issue day).
    public var onTime: Bool
}

/// The plan of a request: which items are re-uploaded when, against which deadline.
public struct ReuploadPlan: Sendable, Hashable {
    /// The deadline (exclusive end, 24:00 Beijing of the 5th working day).
    public var deadline: Date
    /// The re-uploads, in item order.
    public var reuploads: [PlannedReupload]
    /// Items left without a re-upload.
    public var untouched: Int

    /// Re-uploads within the deadline.
    public var onTimeCount: Int { reuploads.filter(\.onTime).count }
    /// Re-uploads after the deadline.
    public var lateCount: Int { reuploads.count - onTimeCount }
}

/// Simulates a province answering a rectification list (`recon sample reupload`).
public enum SampleReupload {
    /// Plans a request (no database): exactly `floor(share × items)` items chosen by selection
    /// sampling, each re-uploaded on the working day `offset` after the issue day (offsets drawn
    /// from the request's list) at a time between 08:30 and 17:59 Beijing time — on the issue day
    /// itself (offset 0) between the issue and midnight.
    ///
    /// 11 对账整改率: 收到对账差异数据整改清单后，在5个工作日内上传更新数据记录 — the deadline comes from
    /// ``WorkdayCalendar/rectificationDeadline(issuedAt:)`` and on time means before it.
    public static func plan(_ request: ReuploadRequest, calendar: WorkdayCalendar = .builtIn) throws -> ReuploadPlan {
        guard !request.offsets.isEmpty, request.offsets.allSatisfy({ $0 >= 0 && $0 <= 250 }) else {
            throw SampleError("re-upload offsets must be working-day counts 0…250, got \(request.offsets.map(String.init).joined(separator: ","))")
        }
        let deadline = try calendar.rectificationDeadline(issuedAt: request.issuedAt)
        let issueDay = BeijingTime.civilDate(of: request.issuedAt)
        var rng = SeededGenerator(seed: SampleDraw.streamSeed(request.seed, province: request.province, stream: "reupload"))
        let total = request.items.count
        let wanted = request.share.share(of: total)
        var reuploads: [PlannedReupload] = []
        var chosen = 0
        for (index, item) in request.items.enumerated() {
            // Selection sampling (Knuth, Algorithm S): exactly `wanted` of `total`.
            guard SampleDraw.chance(wanted - chosen, in: total - index, &rng) else { continue }
            chosen += 1
            let offset = SampleDraw.element(request.offsets, &rng)
            let submittedAt: Date
            if offset == 0 {
                let start = BeijingTime.microsecondsSince1970(request.issuedAt) / 1_000_000 + 60
                let end = BeijingTime.microsecondsSince1970(BeijingTime.endOfDay(issueDay)) / 1_000_000 - 1
                let second = start + Int64(SampleDraw.index(Int(max(end - start, 0)) + 1, &rng))
                submittedAt = Date(timeIntervalSince1970: TimeInterval(min(second, end)))
            } else {
                let day = try calendar.addingWorkingDays(offset, to: issueDay).value
                let secondOfDay = 8 * 3600 + 30 * 60 + SampleDraw.index(9 * 3600 + 30 * 60, &rng)
                submittedAt = BeijingTime.startOfDay(day).addingTimeInterval(TimeInterval(secondOfDay))
            }
            reuploads.append(PlannedReupload(itemIndex: index, item: item, workingDayOffset: offset, submittedAt: submittedAt,
                                             onTime: deadline.isOnTime(submittedAt: submittedAt)))
        }
        return ReuploadPlan(deadline: deadline.end, reuploads: reuploads, untouched: total - reuploads.count)
    }
}
