import Testing
@testable import ReconRules

@Suite("准驾车型 and 从业资格类别")
struct CodeListTests {
    @Test func drivingLicenceClassesAreTheListedOnes() {
        #expect(DrivingLicenceClass.allCases.map(\.rawValue).joined(separator: " ")
            == "A1 A2 A3 B1 B2 C1 C2 C3 C4 C5 C6 D E F M N P")
        #expect(DrivingLicenceClass(rawValue: "A2") == .a2)
        #expect(DrivingLicenceClass(rawValue: "a2") == nil)
    }

    @Test func qualificationCategoriesAreTheListedOnes() {
        #expect(QualificationCategory.allCases.map(\.rawValue) == [
            "经营性道路旅客运输驾驶员", "经营性道路货物运输驾驶员", "道路危险货物运输驾驶员",
            "道路危险货物运输装卸管理人员", "道路危险货物运输押运人员",
        ])
    }

    @Test func severalCategoriesJoinedBySemicolon() {
        let field = "经营性道路旅客运输驾驶员;道路危险货物运输押运人员"
        #expect(QualificationCategory.parseList(field) == [.passengerDriver, .dangerousGoodsEscort])
        #expect(QualificationCategory.joined([.passengerDriver, .dangerousGoodsEscort]) == field)
        #expect(QualificationCategory.parseList("经营性道路旅客运输驾驶员") == [.passengerDriver])
        #expect(QualificationCategory.parseList("经营性道路旅客运输驾驶员;") == nil)
        #expect(QualificationCategory.parseList("出租汽车驾驶员") == nil)
    }
}
