import ReconRules

extension RecordSetSpec {
    /// Everything about the set that changes a diff's outcome, as one canonical line.
    var fingerprintText: String {
        func spec(_ field: FieldSpec) -> String {
            "\(field.column)\(field.ministryColumn.map { "<\($0)" } ?? "")=\(field.label)[\(NormaliserPipeline(field.normalisers).normalisers.map(\.rawValue).joined(separator: ","))]"
        }
        return [name, label, key.map(spec).joined(separator: ";"), fields.map(spec).joined(separator: ";"),
                ministryTable, ministryProvinceColumn, ministryDeletedColumn, ministryDeletedValues.map { $0.joined(separator: ",") } ?? "",
                provinceTable, [ministryFilter, provinceFilter].map { filter in
                    filter.map { "\($0.mode.rawValue):\($0.column)=\($0.values.joined(separator: ","))" } ?? ""
                }.joined(separator: ";")].joined(separator: "|")
    }

    /// A hash of the definitions of `sets` (`recon.runs.config_hash`): which definitions produced a run.
    public static func fingerprint(_ sets: [RecordSetSpec]) -> String {
        ContentHash.hex(sets.map(\.fingerprintText).joined(separator: "\n"))
    }
}
