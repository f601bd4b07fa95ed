/// The 注 of a published table (the bulletin, the 公示稿): each indicator's rule as the policy in
/// force states it, generated from the policy's data — the 2022 table's curves (the same in every
/// policy; `DifferenceRateRule`, `RectificationRateRule`, `AggregationRateRule`), the window each
/// indicator needs (`ScoringPolicy.window(for:)`), and the readings the policy fixes (record
/// counting, what indicator 11 credits, the empty reconciliation). docs/rules.md, "The bulletin
/// and the 公示稿".
extension ScoringPolicy {
    /// The policy as a reader knows it: its document (`交办运函〔2022〕1599号`), with the reading in
    /// brackets for the named alternatives; the id when unknown.
    public var documentName: String { PolicyLabels.label(of: name) ?? name }

    /// The notes, one per line: the basis, indicators 10, 11 and 12, then 注6's rounding, the
    /// subtotal and the ranking.
    public var notes: [String] {
        [
            "评分依据：\(documentName)。",
            "指标10 \(Indicator.differenceRate.chineseName)（\(Indicator.differenceRate.maxPoints)分）：" + Self.rule10
                + windowClause(for: .differenceRate) + countingClause + emptyClause,
            "指标11 \(Indicator.rectificationRate.chineseName)（\(Indicator.rectificationRate.maxPoints)分）：" + Self.rule11
                + windowClause(for: .rectificationRate) + "对账无差异的省份，得5分。" + creditClause,
            "指标12 \(Indicator.aggregationRate.chineseName)（\(Indicator.aggregationRate.maxPoints)分）：" + Self.rule12
                + "部级运政系统当季度无业务数据的，得0分（无业务数据）。",
            "计分保留两位小数，不足0.01分的按0.01分计算，每项最低得分为0分（注6）；小计满分15分。"
                + "比率按精确分数计分，表中比率保留两位小数、旁列分子/分母以便复核；小计相同的排名相同，其后名次顺延。",
        ]
    }

    /// 1599号's rule of indicator 10 (the curve of every policy).
    static let rule10 = "部省两级运政系统数据对账发现的差异数据记录数量与该省份运政业务数据记录总量的比率。"
        + "低于1%的得5分；1%以上的，每上升1%扣0.5分，以此类推，扣完为止；上升幅度不足1%的部分按1%计。"
    /// 1599号's rule of indicator 11.
    static let rule11 = "收到对账差异数据整改清单后，在5个工作日内上传更新数据记录的数量与差异数据记录总量的比率。"
        + "99%及以上的得5分；95%至99%之间的，每下降1%扣0.25分；低于95%的，每下降1%扣0.5分，以此类推，扣完为止。"
    /// 1599号's rule of indicator 12.
    static let rule12 = "按要求更新到便民政务系统的线上线下业务办理数量与更新到部级运政系统中的业务数据量的比率。"
        + "95%及以上的得5分；90%至95%之间的，每下降1%扣0.5分；低于90%的，每下降1%扣1分，以此类推，扣完为止。"

    /// "未在每季度第一周完成数据对账的省份，得0分" with the window this policy reads it as.
    func windowClause(for indicator: Indicator) -> String {
        guard let window = window(for: indicator) else { return "" }
        let phrase = windowMissedText(for: window)
        let reading = PolicyLabels.label(of: window.name) ?? window.name
        // windowMissedText ends with the window's id in brackets; the reader gets its label.
        let words = phrase.hasSuffix("（\(window.name)）") ? String(phrase.dropLast(window.name.count + 2)) : phrase
        return "\(words)的省份，得0分（\(reading)）。"
    }

    /// How indicator 10 counts records.
    var countingClause: String {
        switch recordCounting {
        case .eachRecord: return "差异数据记录按记录计：关键字段重复的按两侧较多的记录数计，关键字段为空的每条记录各计一条。"
        case .keys: return "差异数据记录按关键字计：重复或为空的关键字只计一条。"
        }
    }

    /// Indicator 10 when neither side has a record.
    var emptyClause: String {
        switch emptyReconciliation {
        case .scoreZero: return "部省两侧均无记录的，得0分（无对账数据）。"
        case .fullMarks: return "部省两侧均无记录的，得5分（无对账数据）。"
        }
    }

    /// What indicator 11 counts as 上传更新数据记录.
    var creditClause: String {
        switch rectificationCredit {
        case .changedOrResolved: return "上传更新数据记录指期限内上传后记录已更新或差异已消除的记录，重复报送未改变的记录不计入。"
        case .anyUpload: return "期限内的任何上传均计入上传更新数据记录。"
        }
    }
}
