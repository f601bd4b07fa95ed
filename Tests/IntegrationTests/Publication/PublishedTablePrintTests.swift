import Foundation
@testable import ReconKit
import ReconRules
import ReconTestSupport
import Testing

/// The bulletin (评价结果公布) and the 公示稿 as their readers see them (issue 26 items 1, 2, 6):
/// written by the publication path's writers, rendered to PDF by LibreOffice headless and read
/// back with poppler — A4 landscape, the 32 units' bulletin on at most 2 pages, no text under
/// 9 pt, the title, the 注 and page x/y on the pages, and every cell's text whole
/// (docs/rules.md, "The bulletin and the 公示稿").
@Suite("Bulletin and 公示稿 printed", .serialized)
struct PublishedTablePrintTests {
    /// A fresh folder; kept after the test (to look at the PDF) when RECON_KEEP_PDF is set.
    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "published-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// What every printed table must show: A4 landscape pages, text ≥ 9 pt, the title, the 注,
    /// page x/y on each page, and each cell's text whole somewhere in the pages' text.
    func checkPrinted(_ pdf: RenderedPDF, table: ResultTable, maxPages: Int) throws {
        #expect(pdf.pages >= 1 && pdf.pages <= maxPages, "\(pdf.pages) pages (at most \(maxPages)): \(pdf.path)")
        for (index, size) in pdf.pageSizes.enumerated() {
            #expect(abs(size.width - 841.89) < 1 && abs(size.height - 595.28) < 1, "page \(index + 1) is \(size), not A4 landscape")
        }
        #expect(!pdf.textSizes.isEmpty, "no text found in \(pdf.path)")
        let smallest = pdf.textSizes.min() ?? 0
        #expect(smallest >= 9, "smallest text \(smallest) pt: \(pdf.path)")
        // Every font embedded (pdffonts' emb column, fifth from the end), a CJK one among them.
        #expect(!pdf.fonts.isEmpty && pdf.fonts.allSatisfy { line in
            let fields = line.split(separator: " ")
            return fields.count >= 8 && fields[fields.count - 5] == "yes"
        }, "\(pdf.fonts)")

        let first = pdf.squeezed(page: 1)
        #expect(first.contains(table.title.filter { !$0.isWhitespace }), "the title is not whole on page 1: \(pdf.pageTexts[0])")
        for page in 1...pdf.pages {
            let text = pdf.squeezed(page: page)
            #expect(text.contains("第\(page)页／共\(pdf.pages)页"), "page \(page) has no 第 \(page) 页／共 \(pdf.pages) 页")
            for cell in ResultSheet.headerCells(table) {
                #expect(text.contains(cell.text.filter { !$0.isWhitespace }), "page \(page): header \(cell.text) cut or missing")
            }
        }
        let all = pdf.squeezedText
        for line in table.lines { #expect(all.contains(line.filter { !$0.isWhitespace }), "line cut or missing: \(line)") }
        for note in table.notes { #expect(all.contains(note.filter { !$0.isWhitespace }), "注 cut or missing: \(note)") }
        // Every cell whole: the short ones as words of their own, the wrapped ones joined up.
        let words = Set(pdf.words.map(\.text))
        for row in table.rows {
            let short = [String(row.number), row.provinceName] + (row.rank.map { [String($0)] } ?? [])
                + row.results.flatMap { [ResultTable.countsText($0), ResultTable.rateText($0), $0.score.description] }
                + [ResultTable.listStateText(row.results), row.subtotal.description]
            for cell in short { #expect(words.contains(cell) || all.contains(cell), "cell \(cell) of \(row.provinceName) cut or missing") }
            for cell in [row.corrections, row.remarks] where !cell.isEmpty {
                #expect(all.contains(cell.filter { !$0.isWhitespace }), "cell cut or missing: \(cell)")
            }
        }
    }

    @Test func theBulletinOf32UnitsPrintsOnTwoA4LandscapePages() throws {
        let directory = try temporaryDirectory()
        defer { if ProcessInfo.processInfo.environment["RECON_KEEP_PDF"] == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let bulletin = try PublishedTableFixture.bulletin()
        let settings = PublishedTableFixture.settings
        let xlsx = try bulletin.writeXLSX(folder: directory, stem: "评价结果公布_2026Q3", settings: settings)
        let pdf = try RenderedPDF.render(xlsx: xlsx, in: directory)
        print("bulletin: \(pdf.pages) pages, text sizes \(Set(pdf.textSizes).sorted()), \(pdf.path)")
        let table = bulletin.table(settings)
        #expect(table.title == "2026年第三季度互联网道路运输便民政务服务质量评价（数据质量指标10–12）结果")
        try checkPrinted(pdf, table: table, maxPages: 2)

        let all = pdf.squeezedText
        #expect(all.contains("发布单位：交通运输部运输服务司") && all.contains("发布日期：2026年10月27日"), "issuer and date")
        #expect(all.contains("公示期：2026年10月20日至10月26日") && all.contains("评分依据：交办运函〔2022〕1599号"), "notice and policy")
        #expect(!all.contains("jtys-2022-1599") && !all.contains("2026Q3") && !all.contains("first-5-working-days"), "codes shown to readers")
        #expect(all.contains("指标11：核对平台线下办件后更正（异议12）"), "the correction made during the notice")
        #expect(all.contains("指标10、11：未在每季度第一周完成数据对账"), "a missed window said once for both indicators")
        #expect(all.contains("未在每季度第一周完成数据对账的省份，得0分（每季度第一周＝季度次月前5个工作日）"), "the 注 gives the window's reading (the month after the quarter)")
        // Scores always with two decimals, ranks beside names, not run into codes.
        #expect(pdf.words.contains { $0.text == "5.00" } && !pdf.words.contains { $0.text == "5" && $0.xMin > 400 }, "a score shown as 5")
        #expect(all.contains("序号省份排名"), "序号, 省份, 排名 lead the header")
        let ranks = table.rows.compactMap(\.rank)
        #expect(ranks.first == 1 && ranks == ranks.sorted())
    }

    @Test func theNoticeDraftSaysItsNoticeAndHowToObject() throws {
        let directory = try temporaryDirectory()
        defer { if ProcessInfo.processInfo.environment["RECON_KEEP_PDF"] == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let draft = try PublishedTableFixture.draft()
        let settings = PublishedTableFixture.settings
        let xlsx = try draft.writeXLSX(folder: directory, stem: "评价结果_2026Q3_第1版_公示稿", settings: settings)
        let pdf = try RenderedPDF.render(xlsx: xlsx, in: directory)
        print("公示稿: \(pdf.pages) pages, text sizes \(Set(pdf.textSizes).sorted()), \(pdf.path)")
        let table = draft.table(settings)
        #expect(table.title == "2026年第三季度互联网道路运输便民政务服务质量评价（数据质量指标10–12）结果（公示稿）")
        try checkPrinted(pdf, table: table, maxPages: 2)
        let all = pdf.squeezedText
        #expect(all.contains("公示期：2026年10月20日至10月26日24时"), "the notice from–to in words")
        #expect(all.contains("请于2026年10月26日24时前通过https://recon.example.gov.cn/objections"), "how and until when to object")
        #expect(all.contains("联系人：运输服务司信息化处张三010-65290000"), "whom to contact")
        #expect(!all.contains("序号省份排名") && all.contains("序号省份"), "the 公示稿 shows no rank before publication")
    }
}
