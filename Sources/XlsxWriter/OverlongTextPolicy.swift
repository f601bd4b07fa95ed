/// What a ``Workbook`` does with a text longer than ``ExcelLimits/maxCellTextLength``.
public enum OverlongTextPolicy: Sendable, Hashable {
    /// Cut the text at a character boundary and end it with ``Workbook/truncationMarker`` so that
    /// the whole cell (marker included) has exactly the maximum length or less; count it in
    /// ``Worksheet/truncatedCellCount``. The default: one over-long remark must not stop a
    /// province's list from being written.
    case truncate
    /// Throw ``XlsxError/textTooLong(sheet:cell:length:limit:)``.
    case `throw`
}
