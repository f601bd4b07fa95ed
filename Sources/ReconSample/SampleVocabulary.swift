/// Words the sample data is built from, held as UTF-8 so that rows are written without building a
/// `String` per value: common surnames and given-name characters, parts of company names
/// (地名 + 字号 + 行业 + 有限公司) and street names.
import ReconRules
import ReconKit

enum SampleVocabulary {
    /// Common single-character surnames (the most frequent first) and a few two-character ones.
    static let surnames: [[UInt8]] = utf8(
        "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 司马 诸葛 上官")

    /// Characters of given names (one or two of them make a given name).
    static let givenNameCharacters: [[UInt8]] = utf8(
        "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 英 华 建 国 文 辉 鹏 飞 波 斌 宇 浩 凯 峰 俊 帅 亮 龙 海 林 红 玲 梅 兰 凤 云 春 秋 东 新 志 永 德 利 宏 晓 小 佳 欣 雪 婷 慧 颖 丹 琳 倩 玉 萍 莉 桂 荣 金 贵 福 顺 喜 光 成 忠 庆 胜 学 军 保 民 兵 宁 振 占 卫 红 子 轩 睿 泽 梓 涵 一 诺 晨")

    /// 字号 (trade names) of companies.
    static let tradeNames: [[UInt8]] = utf8(
        "顺达 通达 恒通 宏运 鑫源 安达 畅通 远航 金鹏 华运 盛达 腾飞 永顺 荣华 天马 飞龙 骏马 长兴 利民 兴隆 万里 昌盛 祥和 瑞丰 恒信 宏达 众诚 鸿运 佳运 路路通 捷运 速达 鼎盛 中原 宇航 大通 凯旋 新世纪 金桥 诚信")

    /// 行业 words of road-transport companies.
    static let trades: [[UInt8]] = utf8("物流 运输 汽车运输 货运 客运 物流运输 危险货物运输 冷链物流 出租汽车 道路运输")

    /// Company forms.
    static let companyForms: [[UInt8]] = utf8("有限公司 有限责任公司 股份有限公司")

    /// `（集团）`, put before the company form of some names (full-width, as usually written).
    static let groupMark: [UInt8] = Array("（集团）".utf8)

    /// Street names.
    static let streets: [[UInt8]] = utf8(
        "人民路 建设路 解放路 中山路 文化路 黄河路 长江路 工业路 迎宾大道 经三路 纬五路 花园路 友谊路 胜利街 新华路 和平路 北京路 南京路 光明路 幸福路 商城路 物流大道 货运北路 交通路 车站路 滨河路 开发大道 创业路 嵩山路 桐柏路")

    /// Places inside an address put in parentheses for some addresses (ASCII parentheses).
    static let addressPlaces: [[UInt8]] = utf8("物流园 货运站 汽车站 客运站 工业园 停车场")

    /// Issuing authorities of a city (`<city>` + one of these).
    static let issuerSuffixes: [[UInt8]] = utf8("交通运输局 道路运输管理局 道路运输管理处 道路运输事业发展中心")

    /// `有限公司` etc. are joined to the rest without spaces; these bytes are shared constants.
    static let hao: [UInt8] = Array("号".utf8)

    /// The space-separated words of `text` as UTF-8.
    static func utf8(_ text: String) -> [[UInt8]] {
        text.split(separator: " ").map { Array($0.utf8) }
    }
}
