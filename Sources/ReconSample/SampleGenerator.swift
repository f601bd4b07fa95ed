import Foundation
import PostgresClient
import ReconRules
import ReconKit

/// The sample-data generator (issue 4): realistic ministry, province and platform data with
/// planted differences, traps and noise, and the planted truth — every key a correct
/// reconciliation reports. Deterministic for its parameters.
public struct SampleGenerator: Sendable {
    /// The parameters.
    public let parameters: SampleParameters
    /// The record sets (by default the reference ones; the generator knows operators,
    /// practitioners and vehicles).
    public let recordSets: [RecordSetSpec]
    /// Where business records live.
    public let businessRecords: BusinessRecordSpec
    let provinces: [SampleProvince]

    /// A generator; an error when the parameters or record sets are not ones it can make.
    public init(parameters: SampleParameters, recordSets: [RecordSetSpec] = RecordSetSpec.reference,
                businessRecords: BusinessRecordSpec = BusinessRecordSpec()) throws(SampleError) {
        try parameters.validate()
        for spec in recordSets where !Self.knownRecordSets.contains(spec.name) {
            throw SampleError("the sample generator cannot make record set \"\(spec.name)\" (it knows \(Self.knownRecordSets.joined(separator: ", ")))")
        }
        self.parameters = parameters
        self.recordSets = recordSets
        self.businessRecords = businessRecords
        var provinces: [SampleProvince] = []
        for code in parameters.provinces { provinces.append(try SampleProvince.withCode(code)) }
        self.provinces = provinces
    }

    /// The record sets the generator can make.
    public static let knownRecordSets = ["operators", "practitioners", "vehicles"]

    /// The row generator of a record set for a province (its key permutation drawn from the seed).
    func rowGenerator(_ name: String, for province: SampleProvince) -> any SampleRecordGenerator {
        var rng = SeededGenerator(seed: SampleDraw.streamSeed(parameters.seed, province: province.unit.code, stream: name + "/keys"))
        let context = SampleContext(province: province, lastDay: parameters.quarter.lastDay.dayNumber)
        switch name {
        case "operators": return OperatorRowGenerator(context: context, &rng)
        case "practitioners": return PractitionerRowGenerator(context: context, &rng)
        default: return VehicleRowGenerator(context: context, &rng)
        }
    }

    /// Runs the planter of one record set of one province into `sink`.
    func plant<Sink: SampleRowSink>(_ spec: RecordSetSpec, province: SampleProvince, into sink: inout Sink) throws -> PlantingOutcome {
        func run<G: SampleRecordGenerator>(_ generator: G) throws -> PlantingOutcome {
            var planter = try RecordSetPlanter(generator: generator, spec: spec, provinceCode: province.unit.code, parameters: parameters)
            return try planter.run(into: &sink)
        }
        return try run(rowGenerator(spec.name, for: province))
    }

    /// Runs the business-record planter of a province into `sink`.
    func plantBusiness<Sink: BusinessRowSink>(province: SampleProvince, into sink: inout Sink) throws -> PlantedBusinessSummary {
        let subjects = ["operators", "practitioners", "vehicles"].map { rowGenerator($0, for: province) }
        var planter = BusinessRecordPlanter(province: province, parameters: parameters, subjects: subjects)
        return try planter.run(into: &sink)
    }

    /// One province's rows of one record set, in memory.
    public func rows(province code: String, recordSet name: String) throws -> SampleRecordRows {
        let province = try provinceNamed(code)
        guard let spec = recordSets.first(where: { $0.name == name }) else {
            throw SampleError("record set \"\(name)\" is not generated (have: \(recordSets.map(\.name).joined(separator: ", ")))")
        }
        var sink = MemoryRowSink()
        let outcome = try plant(spec, province: province, into: &sink)
        var differences = outcome.differences
        differences.sort { Array($0.keyText.utf8).lexicographicallyPrecedes(Array($1.keyText.utf8)) }
        return SampleRecordRows(recordSet: name, columns: spec.allColumns.map(\.column), keyColumnCount: spec.key.count,
                                ministry: sink.ministryRows.map { SampleMinistryRow(values: $0.values, submittedAtSeconds: $0.submittedAt, deleted: $0.deleted) },
                                province: sink.provinceRows, differences: differences, summary: outcome.summary)
    }

    /// One province's business records, in memory.
    public func businessRows(province code: String) throws -> SampleBusinessRows {
        let province = try provinceNamed(code)
        var sink = MemoryBusinessSink()
        let summary = try plantBusiness(province: province, into: &sink)
        func record(_ r: SampleBusinessRecord, _ time: Int64) -> SampleBusinessRows.Record {
            .init(serial: String(decoding: r.serial, as: UTF8.self), itemType: String(decoding: r.itemType, as: UTF8.self),
                  channel: String(decoding: r.channel, as: UTF8.self), subjectKey: r.subjectKey.map { String(decoding: $0, as: UTF8.self) },
                  completedAtSeconds: r.completedAt, timeSeconds: time)
        }
        return SampleBusinessRows(ministry: sink.ministryRecords.map { record($0, $0.submittedAt) },
                                  platform: sink.platformRecords.map { record($0.record, $0.receivedAt) }, summary: summary)
    }

    /// The planted truth of the whole data set, without writing any row.
    public func plantedTruth() throws -> PlantedTruth {
        var truth = PlantedTruth(parameters: parameters)
        for province in provinces {
            for spec in recordSets {
                var sink = DiscardingSink()
                let outcome = try plant(spec, province: province, into: &sink)
                truth.differences += outcome.differences
                truth.sets.append(outcome.summary)
            }
            var sink = DiscardingSink()
            truth.business.append(try plantBusiness(province: province, into: &sink))
        }
        truth.sort()
        return truth
    }

    private func provinceNamed(_ code: String) throws(SampleError) -> SampleProvince {
        guard let province = provinces.first(where: { $0.unit.code == code }) else {
            throw SampleError("province \(code) is not among the generated ones (\(parameters.provinces.joined(separator: ", ")))")
        }
        return province
    }
}

/// A sink that drops every row (for the truth alone).
struct DiscardingSink: SampleRowSink, BusinessRowSink {
    mutating func ministry(_ row: SampleRow, submittedAt: Int64, deleted: Bool) throws {}
    mutating func province(_ row: SampleRow) throws {}
    mutating func ministry(_ record: SampleBusinessRecord) throws {}
    mutating func platform(_ record: SampleBusinessRecord, receivedAt: Int64) throws {}
}
