/// How a sheet prints: paper and orientation, scaling, the rows repeated at the top of every page,
/// margins and the page header and footer. Applied with ``Worksheet/setUpPrinting(_:)``.
public struct PrintSetup: Sendable, Hashable {
    /// Paper sizes (Excel's paper codes).
    public enum Paper: Int, Sendable, Hashable {
        /// A4, 210 × 297 mm.
        case a4 = 9
        /// A3, 297 × 420 mm.
        case a3 = 8
    }

    /// Landscape (true) or portrait.
    public var landscape: Bool
    /// The paper.
    public var paper: Paper
    /// Every column on one page width (as many pages down as needed).
    public var fitToOnePageWide: Bool
    /// Zero-based rows repeated at the top of every printed page (the table's header rows).
    public var repeatedRows: ClosedRange<Int>?
    /// Page header in Excel's codes (`&L`, `&C`, `&R`, `&P` page, `&N` pages, `&"font,style"`, `&10` size); nil for none.
    public var header: String?
    /// Page footer, same codes, e.g. `&C第 &P 页／共 &N 页`; nil for none.
    public var footer: String?
    /// Page margins in inches: left, right, top, bottom.
    public var margins: (left: Double, right: Double, top: Double, bottom: Double)
    /// Centre the printed table between the left and right margins.
    public var centredHorizontally: Bool

    /// A print setup (defaults: A4 landscape, one page wide, nothing repeated, no header/footer,
    /// 0.5 in margins (0.6 in at top and bottom for the header and footer), centred).
    public init(landscape: Bool = true, paper: Paper = .a4, fitToOnePageWide: Bool = true, repeatedRows: ClosedRange<Int>? = nil,
                header: String? = nil, footer: String? = nil,
                margins: (left: Double, right: Double, top: Double, bottom: Double) = (0.5, 0.5, 0.6, 0.6),
                centredHorizontally: Bool = true) {
        self.landscape = landscape
        self.paper = paper
        self.fitToOnePageWide = fitToOnePageWide
        self.repeatedRows = repeatedRows
        self.header = header
        self.footer = footer
        self.margins = margins
        self.centredHorizontally = centredHorizontally
    }

    /// Equal when every setting is.
    public static func == (a: PrintSetup, b: PrintSetup) -> Bool {
        a.landscape == b.landscape && a.paper == b.paper && a.fitToOnePageWide == b.fitToOnePageWide
            && a.repeatedRows == b.repeatedRows && a.header == b.header && a.footer == b.footer
            && a.margins == b.margins && a.centredHorizontally == b.centredHorizontally
    }

    /// Hashes every setting.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(landscape)
        hasher.combine(paper)
        hasher.combine(fitToOnePageWide)
        hasher.combine(repeatedRows)
        hasher.combine(header)
        hasher.combine(footer)
        hasher.combine(margins.left)
        hasher.combine(margins.right)
        hasher.combine(margins.top)
        hasher.combine(margins.bottom)
        hasher.combine(centredHorizontally)
    }
}
