/// How a cell looks: font size, weight, alignment, wrapping, border, fill and number format.
/// Used by ``Worksheet/writeRow(_:styles:)`` and ``Worksheet/mergeCells(rows:columns:text:style:)``
/// for tables meant to be printed (a 通报 table), where the plain ``Cell`` formats are not enough.
/// Text cells keep Excel's text number format (`@`) whatever the style says.
public struct CellStyle: Sendable, Hashable {
    /// Horizontal alignment.
    public enum Alignment: Sendable, Hashable {
        /// Left (the default for text).
        case left
        /// Centred.
        case center
        /// Right (numbers).
        case right
    }

    /// Font size in points.
    public var fontSize: Double
    /// Bold.
    public var bold: Bool
    /// Horizontal alignment; vertically every styled cell is centred.
    public var alignment: Alignment
    /// Text wraps within the column width (the row grows when its height is not set).
    public var wrap: Bool
    /// A thin border on every side.
    public var border: Bool
    /// Background colour as 0xRRGGBB; nil for none.
    public var fill: UInt32?
    /// Number format of number cells, e.g. `"0.00"` (scores always with two decimals); nil for General.
    public var numberFormat: String?

    /// A style (the defaults: 11 pt, regular, left, no wrap, no border, no fill, General).
    public init(fontSize: Double = 11, bold: Bool = false, alignment: Alignment = .left, wrap: Bool = false,
                border: Bool = false, fill: UInt32? = nil, numberFormat: String? = nil) {
        self.fontSize = fontSize
        self.bold = bold
        self.alignment = alignment
        self.wrap = wrap
        self.border = border
        self.fill = fill
        self.numberFormat = numberFormat
    }
}
