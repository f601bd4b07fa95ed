import CXlsxWriter

/// The key of a format made for a ``CellStyle``: the style, and whether it formats text cells
/// (number format `@`) or number cells (the style's number format).
struct StyledFormatKey: Hashable {
    let style: CellStyle
    let text: Bool
}

extension Workbook {
    /// The libxlsxwriter format of `style` for a text or a number cell, made once per workbook.
    func format(for style: CellStyle, text: Bool) throws -> UnsafeMutablePointer<lxw_format> {
        let key = StyledFormatKey(style: style, text: text)
        if let format = styledFormats[key] { return format }
        guard let format = workbook_add_format(try liveHandle()) else {
            throw XlsxError.library(operation: "workbook_add_format", path: path,
                                    code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                                    message: String(cString: lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED)))
        }
        format_set_font_size(format, style.fontSize)
        if style.bold { format_set_bold(format) }
        switch style.alignment {
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        if style.wrap { format_set_text_wrap(format) }
        if style.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let fill = style.fill { format_set_bg_color(format, fill) }
        if text {
            format_set_num_format_index(format, 49)  // "@"
        } else if let numberFormat = style.numberFormat {
            format_set_num_format(format, numberFormat)
        }
        styledFormats[key] = format
        return format
    }
}
