import Testing
@testable import ReconRules

@Suite("ProvinceCode (GB/T 2260)")
struct ProvinceCodeTests {
    @Test func thirtyOneProvincesWithDistinctCodesAndNames() {
        #expect(ProvinceCode.provinces.count == 31)
        #expect(Set(ProvinceCode.provinces.map(\.code)).count == 31)
        #expect(Set(ProvinceCode.provinces.map(\.name)).count == 31)
        #expect(ProvinceCode.provinces.allSatisfy { $0.code.count == 6 && $0.code.hasSuffix("0000") })
    }

    @Test func listMatchesTheReference() {
        let reference = """
        110000 北京 120000 天津 130000 河北 140000 山西 150000 内蒙古 210000 辽宁 220000 吉林 230000 黑龙江
        310000 上海 320000 江苏 330000 浙江 340000 安徽 350000 福建 360000 江西 370000 山东 410000 河南
        420000 湖北 430000 湖南 440000 广东 450000 广西 460000 海南 500000 重庆 510000 四川 520000 贵州
        530000 云南 540000 西藏 610000 陕西 620000 甘肃 630000 青海 640000 宁夏 650000 新疆
        """
        let words = reference.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let pairs = stride(from: 0, to: words.count, by: 2).map { "\(words[$0]) \(words[$0 + 1])" }
        #expect(ProvinceCode.provinces.map(\.description) == pairs)
    }

    @Test func xpccCodeIsConfigurable() {
        #expect(ProvinceCode.defaultXPCCCode == "660000")
        #expect(ProvinceCode.xpcc().code == "660000")
        #expect(ProvinceCode.xpcc().name == "新疆生产建设兵团")
        #expect(ProvinceCode.xpcc(code: "669900").code == "669900")
        let units = ProvinceCode.evaluatedUnits(xpccCode: "669900")
        #expect(units.count == 32)
        #expect(units.last?.code == "669900")
        #expect(ProvinceCode.withCode("669900", xpccCode: "669900")?.name == "新疆生产建设兵团")
        #expect(ProvinceCode.withCode("660000", xpccCode: "669900") == nil)
    }

    @Test func lookUps() {
        #expect(ProvinceCode.withCode("410000")?.name == "河南")
        #expect(ProvinceCode.named("内蒙古")?.code == "150000")
        #expect(ProvinceCode.containing(regionCode: "410102")?.name == "河南")
        #expect(ProvinceCode.containing(regionCode: "660100")?.name == "新疆生产建设兵团")
        #expect(ProvinceCode.containing(regionCode: "990000") == nil)
        #expect(ProvinceCode.containing(regionCode: "41010") == nil)
        #expect(ProvinceCode.withPlateAbbreviation("粤")?.code == "440000")
        #expect(ProvinceCode.withPlateAbbreviation("港") == nil)
    }
}
