import Foundation
import PostgresClient
import ReconRules

/// Where a reconciliation reads and writes: libpq conninfo strings (never logged unredacted).
public struct ReconcileSources: Sendable {
    /// The results database.
    public var results: String
    /// The ministry registry (部级运政系统).
    public var ministry: String
    /// The province's registry (省级运政系统).
    public var province: String

    /// Sources from conninfo strings.
    public init(results: String, ministry: String, province: String) {
        self.results = results
        self.ministry = ministry
        self.province = province
    }

    /// The sources of a configured province.
    public init(config: ReconConfig, provinceCode: String, environment: [String: String]) throws {
        results = try config.results.resolve(environment: environment)
        ministry = try config.ministry.resolve(environment: environment)
        province = try config.province(provinceCode).source.resolve(environment: environment)
    }
}

/// Tuning of a reconciliation; the defaults bound memory to a few MiB whatever the row count.
public struct ReconcileOptions: Sendable {
    /// Bytes per row batch.
    public var batchBytes = 512 * 1024
    /// Rows per row batch at most.
    public var batchRows = 8192
    /// Batches circulating per side (the bounded queue between a reader and the merge).
    public var batchesPerSide = 4
    /// Bytes of rows whose key moves when normalised that a side holds at most (``MovedRows``);
    /// past it the side is read with keys normalised in SQL instead (issue 18).
    public var movedBytesPerSide = 8 * 1024 * 1024
    /// Read in raw-key (index) order when the key columns allow it (``KeyReadPlan``); false: keys
    /// normalised and sorted in SQL, as before issue 18.
    public var rawKeyOrder = true
    /// Also read text keys that normalisers may change in raw-key order, normalising them in Swift
    /// (``KeyReadPlan``'s side stream). Off by default: measured on the vehicle set
    /// (bench/diff-bench.sh, README "Benchmarks"), the extra scan that finds the moved rows costs
    /// more than the server's sort of the normalised key it saves, when the table's rows are not
    /// stored in key order.
    public var normaliseTextKeysInSwift = false
    /// Show a progress line on stderr (default: when stderr is a terminal).
    public var progress = DiffProgress.stderrIsTerminal
    /// Pretend the run started at this instant (drills and demos of a quarter's window); the run is
    /// recorded as finishing that instant plus the real elapsed time. `nil`: the real clock.
    public var startedAt: Date? = nil
    /// Decide, in the committing transaction, whether the run is its quarter's official run
    /// (docs/rules.md, "Official run"); `nil`: a plain run, never official.
    public var official: OfficialMarking? = nil
    /// How both sides are read: every row (`full`), only the buckets whose checksums differ
    /// (`checksum`), or chosen from the measured link speed (`auto`); docs/rules.md, "Reading
    /// far-apart databases".
    public var readMode: ReadMode = .full
    /// The shape of a checksum read.
    public var checksum = ChecksumOptions()
    /// Where the bytes and rows moved are counted (benchmarks); nil: not counted.
    public var statistics: ReadStatistics? = nil
    /// The most one-sided differences of a record set that are paired as suspected same records
    /// (疑似同一记录); past it pairing is skipped and the run records so. Production keeps
    /// ``SuspectPairing/defaultCandidateLimit`` (20,000); tests lower it.
    public var suspectPairingLimit = SuspectPairing.defaultCandidateLimit

    /// The defaults.
    public init() {}
}

/// Reconciles one province: for each record set, streams both sides in key order, merges them,
/// and stores the run (indicator 10, 对账差异率).
///
/// The run row is written 'running' first, in a transaction of its own; then everything else —
/// every difference (COPY IN), the per-set counts, the totals and the status 'completed' — in ONE
/// transaction on the results connection, so a run that fails or is killed leaves nothing but its
/// run row (marked 'failed' in a separate statement, or reaped later; see ``RunStore``).
public final class Reconciler {
    let sources: ReconcileSources
    let provinceCode: String
    let provinceName: String
    let recordSets: [RecordSetSpec]
    let options: ReconcileOptions

    /// A reconciliation of `recordSets` for one province.
    public init(sources: ReconcileSources, provinceCode: String, provinceName: String,
                recordSets: [RecordSetSpec], options: ReconcileOptions = ReconcileOptions()) {
        self.sources = sources
        self.provinceCode = provinceCode
        self.provinceName = provinceName
        self.recordSets = recordSets
        self.options = options
    }

    /// Runs it: returns the completed run, or throws ``RunFailure`` (after marking the run failed).
    public func run() throws -> RunOutcome {
        var runID: Int64? = nil
        do {
            // Configuration problems are refused before a run row is written or data moves.
            let queries = try recordSets.map { try DiffQuery($0) }
            for query in queries {
                _ = try query.copy(.ministry, provinceCode: provinceCode)
                _ = try query.copy(.province, provinceCode: provinceCode)
            }
            // Both sides are reached and checked (tables, columns, types, the planned statements)
            // before a run row is written: a configuration problem never leaves a failed run.
            let ministry = try Connection(conninfo: sources.ministry, applicationName: "recon reconcile \(provinceCode) ministry")
            let province = try Connection(conninfo: sources.province, applicationName: "recon reconcile \(provinceCode) province")
            for set in recordSets {
                try Preflight.checkSide(set, side: .ministry, on: ministry, provinceCode: provinceCode)
                try Preflight.checkSide(set, side: .province, on: province, provinceCode: provinceCode)
            }
            let results = try Connection(conninfo: sources.results, applicationName: "recon reconcile \(provinceCode)")
            let store = RunStore(connection: results)
            try store.reapStaleRuns()
            let id = try store.begin(provinceCode: provinceCode, provinceName: provinceName,
                                     recordSets: recordSets.map(\.name), configHash: RecordSetSpec.fingerprint(recordSets),
                                     startedAt: options.startedAt)
            runID = id
            do {
                let outcome = try diffAndStore(runID: id, store: store, ministry: ministry, province: province)
                store.release(runID: id)
                return outcome
            } catch let already as AlreadyOfficial {
                markFailed(runID: id, message: "superseded: \(already) — this run's results were rolled back", store: store)
                store.release(runID: id)
                throw already
            } catch {
                let message = String(describing: error)
                markFailed(runID: id, message: message, store: store)
                store.release(runID: id)
                throw RunFailure(runID: id, provinceCode: provinceCode, message: message)
            }
        } catch let failure as RunFailure {
            throw failure
        } catch let already as AlreadyOfficial {
            throw already
        } catch {
            throw RunFailure(runID: runID, provinceCode: provinceCode, message: String(describing: error))
        }
    }

    /// Diffs every set inside one results transaction (both sides connected and checked by `run()`).
    private func diffAndStore(runID: Int64, store: RunStore, ministry: Connection, province: Connection) throws -> RunOutcome {
        let realStart = Date()
        let m = DiffSource(connection: ministry, conninfo: sources.ministry)
        let p = DiffSource(connection: province, conninfo: sources.province)
        // The links are measured once per run, not once per record set.
        var resolved = self.options
        if resolved.readMode == .auto {
            resolved.readMode = try LinkProbe.choose(ministry: ministry, province: province, options: resolved.checksum)
        }
        let options = resolved
        let (sets, decision): ([SetOutcome], OfficialMarking.Decision?) = try store.connection.transaction { db in
            var sets: [SetOutcome] = []
            for set in recordSets {
                let started = ContinuousClock.now
                var counts = DiffCounts()
                var pairing: SuspectPairingSink? = nil
                try db.copyIn(DifferenceCopyWriter.copyStatement) { writer in
                    let sink = SuspectPairingSink(next: DifferenceCopyWriter(runID: runID, recordSet: set, writer: writer), recordSet: set,
                                                  limit: options.suspectPairingLimit)
                    pairing = sink
                    counts = try Self.diff(set, provinceCode: provinceCode, ministry: m, province: p, sink: sink, options: options)
                }
                let pairs = pairing?.pairs() ?? []
                try SuspectPairingSink.store(pairs, runID: runID, recordSet: set.name, on: db)
                let elapsed = ContinuousClock.now - started
                let milliseconds = Int(elapsed.components.seconds) * 1000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
                let skipped = pairing?.overLimit ?? false
                try store.insertRunSet(runID: runID, recordSet: set, counts: counts, milliseconds: milliseconds,
                                       suspectPairingSkippedOver: skipped ? options.suspectPairingLimit : nil)
                sets.append(SetOutcome(recordSet: set.name, label: set.label, counts: counts, milliseconds: milliseconds,
                                       suspectPairs: pairs.count, suspectPairingSkipped: skipped,
                                       suspectPairingLimit: options.suspectPairingLimit))
            }
            // The end is fixed here, so that the stored finished_at and the official decision agree.
            let finishedAt = options.startedAt.map { $0.addingTimeInterval(Date().timeIntervalSince(realStart)) } ?? Date()
            try store.complete(runID: runID, totals: sets.reduce(DiffCounts()) { $0 + $1.counts }, finishedAt: finishedAt)
            let decision = try options.official?.mark(runID: runID, province: provinceCode, recordSets: recordSets.map(\.name),
                                                      finishedAt: finishedAt, on: db)
            return (sets, decision)
        }
        return RunOutcome(runID: runID, provinceCode: provinceCode, sets: sets, official: decision)
    }

    /// Marks the run failed; on a fresh connection if the results connection itself is gone.
    private func markFailed(runID: Int64, message: String, store: RunStore) {
        if (try? store.markFailed(runID: runID, message: message)) != nil { return }
        if let fresh = try? Connection(conninfo: sources.results, applicationName: "recon reconcile \(provinceCode)") {
            try? RunStore(connection: fresh).markFailed(runID: runID, message: message)
        }
    }

    /// Diffs one record set of one province into `sink`: both sides streamed at once (a reader
    /// thread each), merged on this thread. Memory: `2 × batchesPerSide × batchBytes` of rows.
    /// In `checksum` mode (``ReadMode``) only the buckets of keys whose checksums differ are read,
    /// inside one snapshot per side; the counts and differences are the full read's.
    public static func diff(_ recordSet: RecordSetSpec, provinceCode: String, ministry: DiffSource, province: DiffSource,
                            sink: any DifferenceSink, options: ReconcileOptions = ReconcileOptions()) throws -> DiffCounts {
        let query = try DiffQuery(recordSet)
        var mode = options.readMode
        if mode == .auto { mode = try LinkProbe.choose(ministry: ministry.connection, province: province.connection, options: options.checksum) }
        options.statistics?.record(recordSet.name, mode: mode)
        guard mode == .checksum else {
            return try read(query, provinceCode: provinceCode, ministry: ministry, province: province, sink: sink, options: options)
        }
        let connections = [ministry.connection, province.connection]
        for connection in connections { try connection.executeSimple("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") }
        do {
            let narrowed = try ChecksumNarrowing.run(query, provinceCode: provinceCode, ministry: ministry, province: province,
                                                     options: options.checksum, statistics: options.statistics)
            options.statistics?.record(recordSet.name, bucketsRead: narrowed.bucketsRead, of: narrowed.lastLevelBuckets)
            var counts = narrowed.identical
            if let restriction = narrowed.restriction {
                counts = counts + (try read(try query.restricted(to: restriction), provinceCode: provinceCode, ministry: ministry,
                                            province: province, sink: sink, options: options, inSnapshot: true))
            }
            for connection in connections { try connection.executeSimple("COMMIT") }
            return counts
        } catch {
            for connection in connections { try? connection.executeSimple("ROLLBACK") }
            throw error
        }
    }

    /// Reads the rows `query` selects on both sides and merges them into `sink`.
    static func read(_ query: DiffQuery, provinceCode: String, ministry: DiffSource, province: DiffSource,
                     sink: any DifferenceSink, options: ReconcileOptions, inSnapshot: Bool = false) throws -> DiffCounts {
        let recordSet = query.recordSet
        var estimate: Int? = nil
        if options.progress {
            let mRows = RowEstimate.rows(ministry.connection, explain: try query.estimateStatement(.ministry, provinceCode: provinceCode))
            let pRows = RowEstimate.rows(province.connection, explain: try query.estimateStatement(.province, provinceCode: provinceCode))
            estimate = max(mRows ?? 0, pRows ?? 0)
        }
        let progress = DiffProgress(enabled: options.progress, label: "\(provinceCode) \(recordSet.name) \(recordSet.label)", estimate: estimate)
        defer { progress.finish() }

        let plan = options.rawKeyOrder
            ? try KeyReadPlan.choose(recordSet, ministry: ministry.connection, province: province.connection,
                                     normaliseTextKeysInSwift: options.normaliseTextKeysInSwift) : nil
        var moved: [MovedRows?] = []
        let readers = try [(DiffSide.ministry, ministry), (DiffSide.province, province)].map { side, source in
            let channel = BatchChannel(batches: options.batchesPerSide, byteCapacity: options.batchBytes, rowCapacity: options.batchRows)
            guard let plan else {
                let reader = try CopyReader(side: side, connection: source.connection,
                                            statement: try query.copy(side, provinceCode: provinceCode), channel: channel)
                reader.inSnapshot = inSnapshot
                return (reader, source)
            }
            let reader = try CopyReader(side: side, connection: source.connection,
                                        statement: try query.rawCopy(side, provinceCode: provinceCode, integerColumns: plan.integerColumns),
                                        channel: channel)
            reader.inSnapshot = inSnapshot
            let rows = MovedRows()
            moved.append(nil)
            if let movedStatement = try query.movedCopy(side, provinceCode: provinceCode, notNull: plan.notNull(side),
                                                                integerColumns: plan.integerColumns) {
                let fallback = try query.copy(side, provinceCode: provinceCode, integerColumns: plan.integerColumns)
                let bound = options.movedBytesPerSide
                moved[moved.count - 1] = rows
                reader.prelude = { connection in
                    try MovedRowsFetch.run(movedStatement, on: connection, into: rows, recordSet: recordSet,
                                       integerColumns: plan.integerColumns, bound: bound) ? nil : fallback
                }
            }
            return (reader, source)
        }
        // A side that fails makes the merge stop waiting for the other.
        let channels = (readers[0].0.channel, readers[1].0.channel)
        readers[0].0.onFailure = { error in channels.1.abort(error) }
        readers[1].0.onFailure = { error in channels.0.abort(error) }
        for (reader, _) in readers { reader.start() }
        do {
            var merger = KeyedMerger(recordSet: recordSet)
            var sources: (any RowBatchSource, any RowBatchSource) = (readers[0].0.channel, readers[1].0.channel)
            if let plan {
                merger.integerColumns = plan.integerColumns
                // A side where no row can move (NOT NULL keys the normalisers leave alone) is read as it is.
                func source(_ side: DiffSide, _ channel: BatchChannel, _ rows: MovedRows?) -> any RowBatchSource {
                    guard let rows else { return channel }
                    return SideStreamSource(side: side, main: channel, moved: rows, keys: recordSet.key, integerColumns: plan.integerColumns)
                }
                sources = (source(.ministry, readers[0].0.channel, moved[0]), source(.province, readers[1].0.channel, moved[1]))
            }
            let counts = try merger.run(
                ministry: sources.0, province: sources.1, sink: sink,
                onBatch: options.progress ? { side, rows in progress.batch(side, rows: rows) } : nil)
            for (reader, _) in readers { _ = reader.channel.waitForReader() }
            if let statistics = options.statistics {
                for (reader, _) in readers { statistics.addRows(bytes: reader.bytesRead, rows: reader.rowsRead) }
                for rows in moved { if let rows { statistics.addRows(bytes: rows.byteCount, rows: rows.rows.count) } }
            }
            return counts
        } catch {
            for (reader, source) in readers { stop(reader, source: source) }
            // Bytes the side's database cannot give as UTF-8: name the table, key and column.
            if let side = BadBytesLocator.isEncodingFailure(error),
               let located = BadBytesLocator.locate(recordSet, side: side, conninfo: (side == .ministry ? ministry : province).conninfo,
                                                    provinceCode: provinceCode) {
                throw located
            }
            // A key not UTF-8 once normalised: name the value as stored.
            if let side = BadBytesLocator.isInvalidKey(error, recordSet),
               let located = BadBytesLocator.locate(recordSet, side: side, conninfo: (side == .ministry ? ministry : province).conninfo,
                                                    provinceCode: provinceCode, keysOnly: true) {
                throw located
            }
            throw error
        }
    }

    /// Stops a reader: at its next batch; if it is waiting on the server (e.g. still sorting), by
    /// cancelling the server's statement from another session. Returns when the reader is done.
    static func stop(_ reader: CopyReader, source: DiffSource) {
        reader.channel.stop()
        if reader.channel.waitForReader(until: Date(timeIntervalSinceNow: 0.5)) { return }
        if let conninfo = source.conninfo,
           let other = try? Connection(conninfo: conninfo, applicationName: "recon cancel") {
            _ = try? other.execute("SELECT pg_cancel_backend($1)", [String(reader.backendPID)])
        }
        _ = reader.channel.waitForReader()
    }
}

/// One side's database for a diff: the connection it is read on, and its conninfo to cancel a
/// stuck read from another session (nil: just wait for the reader).
public struct DiffSource: @unchecked Sendable {
    /// The connection the side is streamed on (used by one reader thread at a time).
    public let connection: Connection
    /// Its conninfo, for cancelling.
    public let conninfo: String?

    /// A side's source.
    public init(connection: Connection, conninfo: String? = nil) {
        self.connection = connection
        self.conninfo = conninfo
    }
}
