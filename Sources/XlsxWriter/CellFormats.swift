import CXlsxWriter

/// The few cell formats every workbook gets, created once when the workbook is opened.
/// The pointers belong to the workbook and die with it; they never leave this module.
struct CellFormats {
    /// Header row: bold, light-grey fill, thin border, text.
    let header: UnsafeMutablePointer<lxw_format>
    /// Text cells: number format `@`, so that Excel keeps typed-over values as text too.
    let text: UnsafeMutablePointer<lxw_format>
    /// Text cells of a wrapping column: as `text`, wrapped, aligned to the top.
    let wrappedText: UnsafeMutablePointer<lxw_format>
    /// Integers: format `0`, so 12–15 digit values are not shown as `1.23457E+11`.
    let integer: UnsafeMutablePointer<lxw_format>
    /// Dates: `yyyy-mm-dd`.
    let date: UnsafeMutablePointer<lxw_format>
    /// Date-times: `yyyy-mm-dd hh:mm:ss`.
    let dateTime: UnsafeMutablePointer<lxw_format>

    /// Creates the formats in `workbook`; nil if libxlsxwriter could not allocate one.
    init?(workbook: UnsafeMutablePointer<lxw_workbook>) {
        guard let header = workbook_add_format(workbook), let text = workbook_add_format(workbook),
              let integer = workbook_add_format(workbook), let date = workbook_add_format(workbook),
              let dateTime = workbook_add_format(workbook), let wrappedText = workbook_add_format(workbook)
        else { return nil }
        format_set_num_format_index(wrappedText, 49)
        format_set_text_wrap(wrappedText)
        format_set_align(wrappedText, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        format_set_bold(header)
        format_set_bg_color(header, 0xD9D9D9)
        format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        // Built-in number formats: 49 is "@" (text), 1 is "0" (whole number).
        format_set_num_format_index(header, 49)
        format_set_num_format_index(text, 49)
        format_set_num_format_index(integer, 1)
        format_set_num_format(date, "yyyy-mm-dd")
        format_set_num_format(dateTime, "yyyy-mm-dd hh:mm:ss")
        self.header = header
        self.text = text
        self.wrappedText = wrappedText
        self.integer = integer
        self.date = date
        self.dateTime = dateTime
    }
}
