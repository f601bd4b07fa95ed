/// One business-handling record (业务办理记录) as generated: the columns shared by the ministry's
/// and the platform's tables. Times are seconds since 1970-01-01T00:00:00Z.
import ReconRules
import ReconKit

struct SampleBusinessRecord: Sendable, Hashable {
    var serial: [UInt8]
    var itemType: [UInt8]
    var channel: [UInt8]
    var subjectKey: [UInt8]?
    var completedAt: Int64
    var submittedAt: Int64
}

/// Where business records go: the ministry's table and the platform's (便民政务系统).
protocol BusinessRowSink {
    /// A ministry record (`submitted_at` = 报送时间).
    mutating func ministry(_ record: SampleBusinessRecord) throws
    /// A platform record (`received_at` = when it reached the platform).
    mutating func platform(_ record: SampleBusinessRecord, receivedAt: Int64) throws
}

/// Generates one province's business records for indicator 12 (数据归集率: 按要求更新到便民政务
/// 系统的线上线下业务办理数量与更新到部级运政系统中的业务数据量的比率): ministry records mostly submitted
/// within the chosen quarter (Beijing time) and some outside it, and on the platform exactly
/// `floor(share × in-quarter records)` of the quarter's records, chosen at random (selection
/// sampling), plus rows that must not count: records of other quarters, duplicates and serial
/// numbers the ministry does not have.
struct BusinessRecordPlanter {
    let province: SampleProvince
    let parameters: SampleParameters
    /// Generators of the province's record sets, for the subject keys.
    let subjects: [any SampleRecordGenerator]
    var values: SeededGenerator
    var selection: SeededGenerator

    /// Business items (业务事项) and the record set (index into `subjects`) their subject is from.
    static let items: [(name: [UInt8], subject: Int)] = [
        ("经营许可证核发", 0), ("经营许可证变更", 0), ("经营许可证注销", 0),
        ("从业资格证核发", 1), ("从业资格证换证", 1), ("从业资格证诚信考核", 1),
        ("道路运输证配发", 2), ("道路运输证年审", 2), ("道路运输证换发", 2), ("道路运输证注销", 2),
    ].map { (Array($0.0.utf8), $0.1) }
    static let online: [UInt8] = Array("online".utf8)
    static let offline: [UInt8] = Array("offline".utf8)

    init(province: SampleProvince, parameters: SampleParameters, subjects: [any SampleRecordGenerator]) {
        self.province = province
        self.parameters = parameters
        self.subjects = subjects
        values = SeededGenerator(seed: SampleDraw.streamSeed(parameters.seed, province: province.unit.code, stream: "business/values"))
        selection = SeededGenerator(seed: SampleDraw.streamSeed(parameters.seed, province: province.unit.code, stream: "business/selection"))
    }

    /// Seconds since 1970 of 00:00 Beijing time of a day number.
    static func startOfDay(_ day: Int) -> Int64 { Int64(day) * 86_400 - Int64(BeijingTime.utcOffsetSeconds) }

    /// Generates `businessRowsPerProvince` ministry records into `sink`.
    mutating func run<Sink: BusinessRowSink>(into sink: inout Sink) throws -> PlantedBusinessSummary {
        let count = parameters.businessRowsPerProvince
        let quarter = parameters.quarter
        let quarterStart = Self.startOfDay(quarter.firstDay.dayNumber)
        let quarterEnd = Self.startOfDay(quarter.lastDay.dayNumber + 1)
        let previousStart = Self.startOfDay(quarter.previous.firstDay.dayNumber)
        let nextEnd = Self.startOfDay(quarter.next.firstDay.dayNumber + 20)
        // 注1 数据统计以报送时间为准: which records fall in the quarter is decided first, so that
        // exactly floor(share × in-quarter) of them can be put on the platform.
        var inQuarter: [Bool] = []
        inQuarter.reserveCapacity(count)
        for _ in 0..<count { inQuarter.append(!SampleDraw.chance(1, in: 10, &selection)) }
        let inQuarterCount = inQuarter.lazy.filter { $0 }.count
        let onPlatformTarget = parameters.platformShare.share(of: inQuarterCount)

        var summary = PlantedBusinessSummary(province: province.unit.code, quarter: quarter.description, ministryInQuarter: inQuarterCount,
                                             onPlatform: 0, ministryRows: 0, platformRows: 0)
        var seenInQuarter = 0
        let dateFormat = province.unit.code
        for index in 0..<count {
            let submitted: Int64
            if inQuarter[index] {
                submitted = quarterStart + Int64(SampleDraw.index(Int(quarterEnd - quarterStart), &values))
            } else if SampleDraw.chance(1, in: 2, &values) {
                submitted = previousStart + Int64(SampleDraw.index(Int(quarterStart - previousStart), &values))
            } else {
                submitted = quarterEnd + Int64(SampleDraw.index(Int(nextEnd - quarterEnd), &values))
            }
            let record = makeRecord(serialNumber: index, submittedAt: submitted, prefix: dateFormat)
            try sink.ministry(record)
            summary.ministryRows += 1

            let onPlatform: Bool
            if inQuarter[index] {
                // Selection sampling (Knuth, Algorithm S): exactly onPlatformTarget of the quarter's.
                onPlatform = SampleDraw.chance(onPlatformTarget - summary.onPlatform, in: inQuarterCount - seenInQuarter, &selection)
                seenInQuarter += 1
                if onPlatform { summary.onPlatform += 1 }
            } else {
                onPlatform = SampleDraw.chance(9, in: 10, &selection)
            }
            if onPlatform {
                let copies = SampleDraw.chance(1, in: 200, &selection) ? 2 : 1  // a duplicate on the platform counts once
                for _ in 0..<copies {
                    try sink.platform(record, receivedAt: submitted + Int64(SampleDraw.int(60...6 * 3600, &values)))
                    summary.platformRows += 1
                }
            }
        }
        // Serial numbers the ministry does not have: on the platform only, never counted.
        for extra in 0..<(count / 100) {
            let submitted = quarterStart + Int64(SampleDraw.index(Int(quarterEnd - quarterStart), &values))
            let record = makeRecord(serialNumber: count + extra, submittedAt: submitted, prefix: dateFormat)
            try sink.platform(record, receivedAt: submitted + 60)
            summary.platformRows += 1
        }
        return summary
    }

    /// A record: serial `<province code><YYYYMMDD of completion><8-digit number>`, an item, a
    /// channel (70% online), a subject of the item's record set, completed up to two days before
    /// its submission.
    private mutating func makeRecord(serialNumber: Int, submittedAt: Int64, prefix: String) -> SampleBusinessRecord {
        let completed = submittedAt - Int64(SampleDraw.index(2 * 86_400, &values))
        let item = SampleDraw.element(Self.items, &values)
        var serial = Array(prefix.utf8)
        let completedDay = Int((completed + Int64(BeijingTime.utcOffsetSeconds)) / 86_400)
        let date = CivilDate(dayNumber: completedDay)
        SampleBytes.appendDecimal(date.year * 10_000 + date.month * 100 + date.day, width: 8, to: &serial)
        SampleBytes.appendDecimal(serialNumber, width: 8, to: &serial)
        var subject: [UInt8]? = nil
        let generator = subjects[item.subject]
        if parameters.rowsPerSet > 0 {
            var row = SampleRow(columnCount: generator.columns.count)
            generator.renderKey(index: SampleDraw.index(parameters.rowsPerSet, &values), into: &row)
            subject = row.value(0).map(Array.init)
        }
        return SampleBusinessRecord(serial: serial, itemType: item.name,
                                    channel: SampleDraw.chance(7, in: 10, &values) ? Self.online : Self.offline,
                                    subjectKey: subject, completedAt: completed, submittedAt: submittedAt)
    }
}
