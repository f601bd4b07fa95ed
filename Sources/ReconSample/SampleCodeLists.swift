/// Code lists of the core fields as the sample data fills them. Only 准驾车型 and 从业资格类别 are
/// taken from docs/identifiers.md (via ``DrivingLicenceClass`` and ``QualificationCategory``) and the
/// plate colours from ``PlateColour``; the other codes follow the usual GA/JT code tables as far as
/// remembered and are *unverified* — they only need to look like codes (digits or letters), since
/// the reconciliation compares them as values.
import ReconRules
import ReconKit

enum SampleCodeLists {
    /// A business scope (经营范围) with its code; `passenger` scopes go with passenger transport.
    struct Scope: Sendable {
        let name: [UInt8]
        let code: [UInt8]
        let passenger: Bool
        init(_ name: String, _ code: String, passenger: Bool) {
            self.name = Array(name.utf8)
            self.code = Array(code.utf8)
            self.passenger = passenger
        }
    }

    /// 经营范围 (codes *unverified*). Names with parentheses carry full-width ones, as usually written.
    static let scopes: [Scope] = [
        Scope("县内班车客运", "0101", passenger: true),
        Scope("市际班车客运", "0102", passenger: true),
        Scope("省际包车客运", "0103", passenger: true),
        Scope("旅游客运", "0104", passenger: true),
        Scope("道路普通货物运输", "0201", passenger: false),
        Scope("货物专用运输（集装箱）", "0202", passenger: false),
        Scope("货物专用运输（冷藏保鲜设备）", "0203", passenger: false),
        Scope("大型物件运输", "0204", passenger: false),
        Scope("道路危险货物运输", "0301", passenger: false),
    ]

    /// 经济类型代码 (GB/T 12402 style, *unverified*): mostly private companies and individuals.
    static let economicTypes: [[UInt8]] = SampleVocabulary.utf8("173 173 173 171 175 175 159 151 110 120 160 174 190")
    /// 经营状态代码 of operators (*unverified*): 1 营业 (most), 2 停业, 3 注销, 4 吊销.
    static let operatorStatuses: [[UInt8]] = SampleVocabulary.utf8("1 1 1 1 1 1 1 1 2 3 4")
    /// 许可证类别代码 (*unverified*): 1 旅客运输, 2 货物运输, 3 危险货物运输.
    static let passengerLicenceCategory: [UInt8] = Array("1".utf8)
    static let freightLicenceCategory: [UInt8] = Array("2".utf8)
    static let dangerousLicenceCategory: [UInt8] = Array("3".utf8)

    /// 身份证件类型 (*unverified*): 1 居民身份证.
    static let residentIDType: [UInt8] = Array("1".utf8)
    /// 证件状态 of practitioners (*unverified*): 1 有效 (most), 2 注销, 3 吊销, 4 过期.
    static let certificateStatuses: [[UInt8]] = SampleVocabulary.utf8("1 1 1 1 1 1 1 1 1 2 3 4")
    /// 诚信考核等级: AAA AA A B (letters, so that case noise can be planted).
    static let integrityGrades: [[UInt8]] = SampleVocabulary.utf8("AAA AA AA A A A B")

    /// 车辆营运状态代码 (*unverified*): 1 营运 (most), 2 停运, 3 注销.
    static let vehicleStatuses: [[UInt8]] = SampleVocabulary.utf8("1 1 1 1 1 1 1 1 2 3")
    /// 技术等级评定 (*unverified*): 1 一级, 2 二级, 3 三级.
    static let technicalGrades: [[UInt8]] = SampleVocabulary.utf8("1 1 1 2 2 3")
    /// 客车类型等级评定 of coaches.
    static let coachGrades: [[UInt8]] = SampleVocabulary.utf8("高三级 高二级 高一级 中级 普通级")

    /// Fuel type codes (GA 24.9 style, *unverified*): A 汽油, B 柴油, C 电, E 天然气, O 混合动力.
    static let petrol: [UInt8] = Array("A".utf8)
    static let diesel: [UInt8] = Array("B".utf8)
    static let electric: [UInt8] = Array("C".utf8)
    static let naturalGas: [UInt8] = Array("E".utf8)
    static let hybrid: [UInt8] = Array("O".utf8)

    /// 准驾车型 for passenger drivers, freight drivers and others (from ``DrivingLicenceClass``).
    static let passengerClasses: [[UInt8]] = [DrivingLicenceClass.a1, .a1, .b1, .a3].map { Array($0.rawValue.utf8) }
    static let freightClasses: [[UInt8]] = [DrivingLicenceClass.a2, .a2, .b2, .b2, .c1].map { Array($0.rawValue.utf8) }
}
