import Foundation
import Testing
@testable import ReconKit
@testable import ReconRules

@Suite("List headers, category names, statuses")
struct ListVocabularyTests {
    @Test func headersInOrder() {
        #expect(ListColumn.headers == ["序号", "数据类别", "关键字段名称", "关键字段值", "关键字段1", "关键字段2", "差异类型", "差异字段",
                                       "部级系统值", "省级系统值", "记录来源", "记录内容", "疑似同一记录", "对应序号", "部级记录数",
                                       "省级记录数", "下发时间", "整改截止时间", "整改状态", "更新上传时间", "复核结果"])
        #expect(ListColumn.headers(keyLabels: ["车牌号码", "车牌颜色代码"])[4...5] == ["车牌号码", "车牌颜色代码"])
    }

    @Test(arguments: [("ministry_only", "部有省无"), ("province_only", "省有部无"), ("field_mismatch", "核心字段不一致"),
                      ("duplicate_key", "关键字段重复"), ("empty_key", "关键字段为空"), ("something_else", "something_else")])
    func categoryNames(raw: String, label: String) {
        #expect(ListLabels.category(raw) == label)
    }

    @Test func recordSetAndKeyNames() {
        #expect(ListLabels.recordSet("operators", in: RecordSetSpec.reference) == "经营业户")
        #expect(ListLabels.recordSet("practitioners", in: RecordSetSpec.reference) == "从业人员")
        #expect(ListLabels.recordSet("vehicles", in: RecordSetSpec.reference) == "营运车辆")
        #expect(ListLabels.recordSet("boats", in: RecordSetSpec.reference) == "boats")
        #expect(ListLabels.keyNames("vehicles", in: RecordSetSpec.reference) == "车牌号码 / 车牌颜色代码")
        #expect(ListLabels.keyNames("operators", in: RecordSetSpec.reference) == "经营许可证号")
    }

    @Test func fileName() {
        #expect(sampleList(id: 12).fileStem == "整改清单_410000_2025Q3_12")
    }

    @Test func formatNames() throws {
        #expect(try ListFormat.named("CSV") == .csv)
        #expect(try ListFormat.named("xlsx") == .xlsx)
        #expect(throws: ListError.unknownFormat("pdf")) { try ListFormat.named("pdf") }
    }

    /// RectificationDeadline: "on time exactly when submittedAt < end".
    @Test func statusAtTheExactDeadline() {
        let end = listInstant("2025-10-15T00:00:00+08:00")
        let justBefore = listInstant("2025-10-14T23:59:59.999999+08:00")
        #expect(RectificationStatus.of(reuploadedAt: justBefore, kind: .reupload, deadline: end, now: end) == .reuploadedOnTime)
        #expect(RectificationStatus.of(reuploadedAt: end, kind: .reupload, deadline: end, now: end) == .reuploadedLate)
        #expect(RectificationStatus.of(reuploadedAt: justBefore, kind: .deleted, deadline: end, now: end) == .cancelledOnTime)
        #expect(RectificationStatus.of(reuploadedAt: end, kind: .deleted, deadline: end, now: end) == .cancelledLate)
        #expect(RectificationStatus.of(reuploadedAt: nil, kind: nil, deadline: end, now: justBefore) == .pending)
        #expect(RectificationStatus.of(reuploadedAt: nil, kind: nil, deadline: end, now: end) == .overdue)
        #expect(RectificationStatus.allCases.map(\.label) == ["待整改", "已按期上传", "逾期上传", "已按期注销", "逾期注销", "已逾期未上传"])
    }

    @Test func timesForPeople() {
        #expect(BeijingTimeFormat.human(listInstant("2025-09-30T02:00:00.999Z")) == "2025-09-30 10:00:00")
        // Consistent with `recon calendar deadline` (2025-10-14T23:59:59.999+08:00): the last second.
        #expect(BeijingTimeFormat.humanDeadline(end: listInstant("2025-10-15T00:00:00+08:00")) == "2025-10-14 23:59:59")
        #expect(BeijingTimeFormat.sql(listInstant("2025-10-14T23:59:59.999999+08:00")) == "2025-10-14 23:59:59.999999+08:00")
        #expect(BeijingTimeFormat.sql(listInstant("2025-10-14T16:00:00Z")) == "2025-10-15 00:00:00.000000+08:00")
    }

    @Test(arguments: [(990, 1000, "99.00"), (98_999, 100_000, "98.99"), (1, 3, "33.33"), (2, 3, "66.66"),
                      (0, 7, "0.00"), (7, 7, "100.00"), (1, 10_000, "0.01"), (1, 10_001, "0.00")])
    func rateIsTruncatedToTwoDecimals(numerator: Int, denominator: Int, text: String) throws {
        let rate = try #require(RectificationRate(numerator, of: denominator))
        #expect(rate.percentText == text)
    }

    @Test func emptyListHasNoRate() {
        #expect(RectificationRate(0, of: 0) == nil)
    }
}
