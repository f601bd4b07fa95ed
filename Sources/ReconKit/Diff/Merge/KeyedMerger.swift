/// Merges the two key-ordered streams of one record set and reports each differing key once.
///
/// Both streams are walked together by key (byte order, NULLs first; ``KeyComparator``), each
/// side's order verified as it goes (``SideCursor``). Rows sharing a key on a side form a group.
/// For every key in the union:
/// - a NULL or empty key column → `empty_key` (关键字段为空);
/// - more than one row on a side → `duplicate_key` (关键字段重复);
/// - rows on one side only → `ministry_only` (部有省无) / `province_only` (省有部无);
/// - one row on each side → the core fields are compared after normalising → `field_mismatch`
///   (核心字段不一致) with the unequal fields' raw values.
/// That is the precedence of `recon.differences.category` (0003_differences.sql); a key counts once
/// toward the rate (docs/rules.md, indicator 10).
import ReconRules

struct KeyedMerger {
    let recordSet: RecordSetSpec
    /// Key columns compared as integers (read raw from integer columns; ``KeyReadPlan``).
    var integerColumns: [Bool] = []

    /// A merger for one record set's rows (laid out as ``DiffQuery`` selects them).
    init(recordSet: RecordSetSpec) {
        self.recordSet = recordSet
    }

    /// Runs the merge to the end of both sides, giving each difference to `sink`.
    func run(ministry: any RowBatchSource, province: any RowBatchSource, sink: any DifferenceSink,
             onBatch: ((DiffSide, Int) -> Void)? = nil) throws -> DiffCounts {
        let keys = KeyComparator(keyCount: recordSet.key.count, integerColumns: integerColumns)
        let fieldComparator = FieldComparator(keyCount: recordSet.key.count, fields: recordSet.fields, recordSet: recordSet)
        let m = SideCursor(side: .ministry, source: ministry)
        let p = SideCursor(side: .province, source: province)
        m.onBatch = onBatch
        p.onBatch = onBatch
        try m.start()
        try p.start()
        var counts = DiffCounts()
        var seq = 0
        // The rows of a group that turns out to be a difference other than a field mismatch
        // (issue 15: every item locatable from its row).
        var mRows = RowCollector(side: .ministry, keyCount: recordSet.key.count, fields: recordSet.fields, recordSet: recordSet)
        var pRows = RowCollector(side: .province, keyCount: recordSet.key.count, fields: recordSet.fields, recordSet: recordSet)

        func report(_ category: DiffCategory, keyRow: UnsafeRawBufferPointer, side: DiffSide = .ministry, ministryCount: Int,
                    provinceCount: Int, fields: [FieldDifference] = []) throws {
            seq += 1
            counts.differingKeys += 1
            counts[category] += 1
            let key = try keys.exactKeyValues(keyRow, side: side, recordSet: recordSet)
            if category != .fieldMismatch {
                // A one-row group was not shown to the collector: its row is the cursor's previous.
                if ministryCount == 1, let row = m.previous { mRows.add(row) }
                if provinceCount == 1, let row = p.previous { pRows.add(row) }
                // A shown row value that is not UTF-8 stops the run, named (never shown altered).
                if let invalid = mRows.invalid ?? pRows.invalid { throw invalid }
            }
            try sink.accept(Difference(seq: seq, key: key, category: category, ministryCount: ministryCount,
                                       provinceCount: provinceCount, fields: fields,
                                       rows: category == .fieldMismatch ? [] : mRows.rows + pRows.rows))
        }

        while !m.atEnd || !p.atEnd {
            let order: Int
            if m.atEnd { order = 1 } else if p.atEnd { order = -1 } else { order = keys.compare(m.current, p.current) }
            counts.unionKeys += 1
            mRows.reset()
            pRows.reset()
            if order < 0 {
                let count = try m.consumeGroup(keys) { mRows.add($0) }
                counts.ministryRows += count
                let row = m.previous!
                let category: DiffCategory = keys.hasEmptyColumn(row) ? .emptyKey : count > 1 ? .duplicateKey : .ministryOnly
                try report(category, keyRow: row, ministryCount: count, provinceCount: 0)
            } else if order > 0 {
                let count = try p.consumeGroup(keys) { pRows.add($0) }
                counts.provinceRows += count
                let row = p.previous!
                let category: DiffCategory = keys.hasEmptyColumn(row) ? .emptyKey : count > 1 ? .duplicateKey : .provinceOnly
                try report(category, keyRow: row, side: .province, ministryCount: 0, provinceCount: count)
            } else {
                let mCount = try m.consumeGroup(keys) { mRows.add($0) }
                let pCount = try p.consumeGroup(keys) { pRows.add($0) }
                counts.ministryRows += mCount
                counts.provinceRows += pCount
                let mRow = m.previous!, pRow = p.previous!
                if keys.hasEmptyColumn(mRow) {
                    try report(.emptyKey, keyRow: mRow, ministryCount: mCount, provinceCount: pCount)
                } else if mCount > 1 || pCount > 1 {
                    try report(.duplicateKey, keyRow: mRow, ministryCount: mCount, provinceCount: pCount)
                } else {
                    let fields = try fieldComparator.differences(
                        ministry: mRow, province: pRow, keyEnds: (keys.keyEnd(mRow), keys.keyEnd(pRow)),
                        rows: (m.atEnd ? m.rowNumber : m.rowNumber - 1, p.atEnd ? p.rowNumber : p.rowNumber - 1))
                    if !fields.isEmpty {
                        try report(.fieldMismatch, keyRow: mRow, ministryCount: 1, provinceCount: 1, fields: fields)
                    }
                }
            }
        }
        return counts
    }
}
