@testable import ReconRules

/// `value` through a pipeline of `normalisers`.
func normalised(_ value: String?, _ normalisers: FieldNormaliser...) -> String? {
    NormaliserPipeline(normalisers).apply(value)
}

/// Raw bytes through a pipeline of `normalisers`.
func normalisedBytes(_ value: [UInt8]?, _ normalisers: [FieldNormaliser]) -> [UInt8]? {
    NormaliserPipeline(normalisers).apply(bytes: value)
}
