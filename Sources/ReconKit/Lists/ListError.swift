/// Why a rectification list (整改清单) could not be issued, found, exported or tracked. Every
/// message names the run, list, province, file or value at fault.
import ReconRules

public enum ListError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No run with this id in `recon.runs`.
    case runNotFound(runID: Int64)
    /// The run is not `completed` (still running, or failed): it has no trustworthy differences.
    case runNotCompleted(runID: Int64, status: String)
    /// The run's recorded count of differing keys differs from the rows in `recon.differences`.
    case runInconsistent(runID: Int64, recorded: Int64, stored: Int64)
    /// The deadline falls into a year whose State Council notice is not loaded (and the caller did
    /// not opt in to assume ordinary weekends).
    case deadlineNeedsUnknownYear(runID: Int64, issuedAt: String, calendarMessage: String)
    /// The issue instant asked for is before the run finished.
    case issuedBeforeRun(runID: Int64, issuedAt: String, finishedAt: String)
    /// `--official` for a run that is not its quarter's official run.
    case notOfficialRun(runID: Int64, reason: String)
    /// No list with this id.
    case listNotFound(listID: Int64)
    /// No list for a province and quarter.
    case noList(province: String, quarter: String)
    /// A format name other than `csv` or `xlsx`.
    case unknownFormat(String)
    /// The export could not be written.
    case cannotWrite(path: String, reason: String)
    /// A value read from the database is not what the schema promises.
    case malformed(what: String, value: String)
    /// A list item's stored key lacks a configured key column (the record set's key was changed
    /// after the run): tracking it would look up the wrong rows.
    case keyMismatch(listID: Int64, itemNo: Int, recordSet: String, keyColumns: [String], keyValues: String)

    /// The English message.
    public var description: String {
        switch self {
        case let .runNotFound(runID):
            return "run \(runID) does not exist in recon.runs"
        case let .runNotCompleted(runID, status):
            return "run \(runID) is \(status), not completed: only a completed run's differences can be issued as a rectification list (整改清单)"
        case let .runInconsistent(runID, recorded, stored):
            return "run \(runID) records \(recorded) differing keys but recon.differences holds \(stored) rows for it; refusing to issue a list from an inconsistent run"
        case let .deadlineNeedsUnknownYear(runID, issuedAt, calendarMessage):
            return "the list of run \(runID) issued at \(issuedAt) cannot get its deadline (整改截止时间): \(calendarMessage)"
        case let .issuedBeforeRun(runID, issuedAt, finishedAt):
            return "run \(runID) finished at \(finishedAt); its list cannot be issued earlier (\(issuedAt))"
        case let .notOfficialRun(runID, reason):
            return "run \(runID) is not an official run, so its list cannot be official (正式): \(reason)"
        case let .listNotFound(listID):
            return "rectification list \(listID) does not exist in recon.lists"
        case let .noList(province, quarter):
            return "no rectification list for province \(province) in \(quarter) (issue one with `recon lists issue --run RUN`)"
        case let .unknownFormat(name):
            return "unknown list format \"\(name)\" (known: csv, xlsx)"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason)"
        case let .malformed(what, value):
            return "unexpected \(what) in the results database: \(value)"
        case let .keyMismatch(listID, itemNo, recordSet, keyColumns, keyValues):
            return "list \(listID) item \(itemNo) (\(recordSet)) stores the key \(keyValues), which lacks configured key column(s) \(keyColumns.joined(separator: ", ")): the record set's key was changed after the run; refusing to track it"
        }
    }
}
