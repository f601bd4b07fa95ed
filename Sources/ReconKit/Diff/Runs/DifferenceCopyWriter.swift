import PostgresClient
import ReconRules

/// Streams a record set's differences into `recon.differences` through a `COPY … FROM STDIN`
/// (inside the run's one transaction, so that a failed run leaves none behind).
///
/// Each row: run id, record set, seq, key text, key values (jsonb), category, row counts, fields
/// (jsonb), rows (jsonb) and how many rows there were; the JSON text is then escaped for the COPY text format by the writer.
public final class DifferenceCopyWriter: DifferenceSink {
    /// The statement the writer feeds.
    public static let copyStatement =
        "COPY recon.differences (run_id, record_set, seq, key_text, key_values, category, ministry_count, province_count, fields, rows, rows_total) FROM STDIN"

    private let runID: Int64
    private let recordSet: RecordSetSpec
    private let keyColumns: [String]
    private let writer: CopyInWriter

    /// A writer of `recordSet`'s differences of run `runID` into an open COPY (``copyStatement``).
    public init(runID: Int64, recordSet: RecordSetSpec, writer: CopyInWriter) {
        self.runID = runID
        self.recordSet = recordSet
        keyColumns = recordSet.key.map(\.column)
        self.writer = writer
    }

    public func accept(_ difference: Difference) throws {
        try writer.writeRow(Self.row(runID: runID, recordSet: recordSet.name, keyColumns: keyColumns, difference))
    }

    /// The COPY values of one difference (before COPY escaping).
    static func row(runID: Int64, recordSet: String, keyColumns: [String], _ difference: Difference) -> [String?] {
        [
            String(runID),
            recordSet,
            String(difference.seq),
            difference.keyText,
            DifferenceJSON.keyValues(columns: keyColumns, values: difference.key),
            difference.category.rawValue,
            String(difference.ministryCount),
            String(difference.provinceCount),
            DifferenceJSON.fields(difference.fields),
            DifferenceJSON.rows(difference.rows),
            String(difference.rowsTotal),
        ]
    }
}
