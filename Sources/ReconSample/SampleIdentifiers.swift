/// Identifiers written as bytes for the hot path of generation. The check characters always come
/// from the Identifiers module (``ResidentID/checkCharacter(forFirst17:)``,
/// ``SocialCreditCode/checkCharacter(forFirst17:)``, ``VIN/checkDigit(for:)``); what is saved is
/// the validation and `String` assembly of the convenience constructors, which cost several
/// microseconds per row. The tests validate every generated identifier with the validators.
import ReconRules
import ReconKit

enum SampleIdentifiers {
    /// Appends a resident ID number (GB 11643): 6-digit address code, birth date, 3-digit
    /// sequence, check character.
    static func appendResidentID(region: [UInt8], birthDay: Int, sequence: Int, to out: inout [UInt8]) {
        var body: [UInt8] = []
        body.reserveCapacity(18)
        body.append(contentsOf: region)
        let date = CivilDate(dayNumber: birthDay)
        SampleBytes.appendDecimal(date.year * 10_000 + date.month * 100 + date.day, width: 8, to: &body)
        SampleBytes.appendDecimal(sequence, width: 3, to: &body)
        guard let check = ResidentID.checkCharacter(forFirst17: String(decoding: body, as: UTF8.self))?.asciiValue else {
            preconditionFailure("sample 身份证号 body \(String(decoding: body, as: UTF8.self)) is not 17 digits")
        }
        out.append(contentsOf: body)
        out.append(check)
    }

    /// Appends a permit or certificate number: the 6-digit region code and a 6-digit sequence
    /// (docs/identifiers.md: no check character).
    @inline(__always)
    static func appendPermitNumber(region: [UInt8], sequence: Int, to out: inout [UInt8]) {
        out.append(contentsOf: region)
        SampleBytes.appendDecimal(sequence, width: 6, to: &out)
    }

    /// Appends a unified social credit code (GB 32100) of an enterprise registered in `region`:
    /// authority `9` (工商), entity type 1–3, the region code, an organisation code (8 random digits
    /// and their GB 11714 check character) and the check character.
    static func appendCreditCode(region: [UInt8], _ rng: inout SeededGenerator, to out: inout [UInt8]) {
        var code: [UInt8] = [0x39, UInt8(0x31 + SampleDraw.index(3, &rng))]
        code.reserveCapacity(18)
        code.append(contentsOf: region)
        var organisation: [UInt8] = []
        organisation.reserveCapacity(8)
        for _ in 0..<8 { organisation.append(UInt8(0x30 + SampleDraw.index(10, &rng))) }
        code.append(contentsOf: organisation)
        code.append(SocialCreditCode.organisationCheckCharacter(organisation))
        guard let check = SocialCreditCode.checkCharacter(forFirst17: String(decoding: code, as: UTF8.self))?.asciiValue else {
            preconditionFailure("sample 统一社会信用代码 \(String(decoding: code, as: UTF8.self)) is not from the alphabet")
        }
        out.append(contentsOf: code)
        out.append(check)
    }

    /// Model-year codes (position 10): letters and digits without I O Q U Z 0.
    static let modelYears: [UInt8] = Array("ABCDEFGHJKLMNPRSTVWXY123456789".utf8)

    /// Appends a VIN (ISO 3779): the 3-character manufacturer code `wmi`, 5 random descriptor
    /// characters, the check digit, a model-year code, a plant character and a 6-digit serial.
    static func appendVIN(wmi: [UInt8], _ rng: inout SeededGenerator, to out: inout [UInt8]) {
        var vin: [UInt8] = wmi
        vin.reserveCapacity(17)
        for _ in 0..<5 { vin.append(SampleDraw.element(VIN.alphabet, &rng)) }
        vin.append(0x30)  // position 9: the check digit, weight 0
        vin.append(SampleDraw.element(modelYears, &rng))
        vin.append(SampleDraw.element(VIN.alphabet, &rng))
        for _ in 0..<6 { vin.append(UInt8(0x30 + SampleDraw.index(10, &rng))) }
        guard let check = VIN.checkDigit(for: String(decoding: vin, as: UTF8.self))?.asciiValue else {
            preconditionFailure("sample VIN \(String(decoding: vin, as: UTF8.self)) is not from the alphabet")
        }
        vin[VIN.checkPosition - 1] = check
        out.append(contentsOf: vin)
    }
}
