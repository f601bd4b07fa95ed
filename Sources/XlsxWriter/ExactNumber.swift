/// Checks that a number can be stored in an Excel cell (an IEEE double shown to 15 significant
/// digits) and read back exactly as given.
enum ExactNumber {
    /// The double for `value`, or why Excel could not hold it exactly.
    static func double(forInteger value: Int) -> Result<Double, Refusal> {
        guard value.magnitude <= UInt(ExcelLimits.maxExactInteger) else {
            return .failure(Refusal("more than \(ExcelLimits.maxSignificantDigits) digits; Excel would change it — write identifiers and long codes as text"))
        }
        return .success(Double(value))
    }

    /// The double for a plain decimal text (`-`? digits (`.` digits)?, no superfluous leading
    /// zero, at most 15 significant digits counted from the first non-zero digit, trailing zeros
    /// included), or why it is refused.
    static func double(forDecimal text: String) -> Result<Double, Refusal> {
        var bytes = Array(text.utf8)[...]
        if bytes.first == 0x2D { bytes = bytes.dropFirst() }
        let dot = bytes.firstIndex(of: 0x2E)
        let whole = dot.map { bytes[bytes.startIndex..<$0] } ?? bytes
        let fraction = dot.map { bytes[($0 + 1)...] } ?? []
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        guard !whole.isEmpty, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit),
              dot == nil || !fraction.isEmpty
        else {
            return .failure(Refusal("not a plain decimal (expected e.g. 83.33 or -5)"))
        }
        if whole.count > 1, whole.first == 0x30 {
            return .failure(Refusal("leading zero; a code with leading zeros must be written as text"))
        }
        // Significant digits as written: every digit after the leading zeros ("0.0120" → 3).
        let significant = (Array(whole) + Array(fraction)).drop(while: { $0 == 0x30 }).count
        guard significant <= ExcelLimits.maxSignificantDigits else {
            return .failure(Refusal("\(significant) significant digits; Excel keeps \(ExcelLimits.maxSignificantDigits) and would round it"))
        }
        guard let value = Double(text), value.isFinite else {
            return .failure(Refusal("not a finite number"))
        }
        return .success(value)
    }

    /// Why a number was refused.
    struct Refusal: Error, Equatable {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
