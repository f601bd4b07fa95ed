import CXlsxWriter
import Foundation

/// An XLSX file being written with libxlsxwriter.
///
/// Create it, add sheets with ``addWorksheet(name:)``, write rows in order, then call
/// ``close()`` exactly once: the file is only assembled and written by `close()`. By default the
/// workbook uses libxlsxwriter's constant-memory mode (each row goes to a temporary file as soon
/// as the next row starts), so memory stays bounded however many rows are written.
///
/// If the workbook is never closed, `deinit` closes it (writing the file) but cannot report an
/// error; call ``discard()`` instead to give up on a half-written file.
///
/// Not `Sendable`: a workbook and its sheets belong to one task at a time (libxlsxwriter is not
/// thread-safe).
public final class Workbook {
    /// Appended to a text cut by ``OverlongTextPolicy/truncate`` (counted within the limit).
    public static let truncationMarker = "…[已截断]"

    /// The output file.
    public let path: String
    /// Whether libxlsxwriter's constant-memory mode is on.
    public let constantMemory: Bool
    /// What happens to texts longer than Excel allows.
    public let overlongText: OverlongTextPolicy
    /// The sheet names, in the order they were added.
    public private(set) var sheetNames: [String] = []
    /// True after ``close()`` or ``discard()``.
    public var isClosed: Bool { handle == nil }

    /// Rows a sheet added from now on may hold; ``ExcelLimits/maxRows`` except in tests.
    var rowLimit = ExcelLimits.maxRows
    /// Longest text a cell may hold (UTF-16 code units); ``ExcelLimits/maxCellTextLength``
    /// except in tests.
    var textLengthLimit = ExcelLimits.maxCellTextLength

    /// The libxlsxwriter workbook; nil once closed.
    private(set) var handle: UnsafeMutablePointer<lxw_workbook>?
    /// The shared cell formats (owned by `handle`).
    let formats: CellFormats
    /// Formats made for ``CellStyle``s (see `format(for:text:)`), owned by `handle`.
    var styledFormats: [StyledFormatKey: UnsafeMutablePointer<lxw_format>] = [:]
    /// Our copy of the tmpdir C string, kept alive until the workbook is closed.
    private let tmpdirCString: UnsafeMutablePointer<CChar>?
    /// Lower-cased sheet name → name as given, for Excel's case-insensitive uniqueness rule.
    private var sheetKeys: [String: String] = [:]

    /// Starts a workbook that will be written to `path` when closed.
    ///
    /// - Parameters:
    ///   - path: the `.xlsx` file; its directory must exist (checked now, so that a bad path fails
    ///     before millions of rows are written). An existing file is replaced on ``close()``.
    ///   - constantMemory: libxlsxwriter's `constant_memory` option (default on).
    ///   - tmpdir: where libxlsxwriter keeps its temporary files (default: the system's).
    ///   - overlongText: what to do with a text longer than ``ExcelLimits/maxCellTextLength``.
    ///   - useZip64: libxlsxwriter's `use_zip64` option, needed only when one sheet's XML exceeds
    ///     4 GiB (`close()` then fails with a zip error). Off by default, as in libxlsxwriter:
    ///     Excel's ZIP64 reader is strict, so ordinary lists are written without it.
    ///   - created: the document's creation time (docProps, and the zip entries' times); the same
    ///     contents and `created` give a byte-identical file. Default: the current time.
    /// - Throws: ``XlsxError/outputDirectoryMissing(path:directory:)``,
    ///   ``XlsxError/temporaryDirectoryMissing(directory:)``, or ``XlsxError/library(operation:path:code:message:)``.
    public init(path: String, constantMemory: Bool = true, tmpdir: String? = nil,
                overlongText: OverlongTextPolicy = .truncate, useZip64: Bool = false, created: Date? = nil) throws {
        let directory = (path as NSString).deletingLastPathComponent
        guard Workbook.isDirectory(directory.isEmpty ? "." : directory) else {
            throw XlsxError.outputDirectoryMissing(path: path, directory: directory)
        }
        if let tmpdir, !Workbook.isDirectory(tmpdir) {
            throw XlsxError.temporaryDirectoryMissing(directory: tmpdir)
        }
        self.path = path
        self.constantMemory = constantMemory
        self.overlongText = overlongText
        tmpdirCString = tmpdir.flatMap { strdup($0) }
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? UInt8(LXW_TRUE.rawValue) : UInt8(LXW_FALSE.rawValue)
        options.tmpdir = tmpdirCString
        options.use_zip64 = useZip64 ? UInt8(LXW_TRUE.rawValue) : UInt8(LXW_FALSE.rawValue)
        guard let handle = workbook_new_opt(path, &options) else {
            free(tmpdirCString)
            throw XlsxError.library(operation: "workbook_new_opt", path: path,
                                    code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                                    message: String(cString: lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED)))
        }
        guard let formats = CellFormats(workbook: handle) else {
            _ = workbook_close(handle)
            free(tmpdirCString)
            throw XlsxError.library(operation: "workbook_add_format", path: path,
                                    code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                                    message: String(cString: lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED)))
        }
        if let created {
            var properties = lxw_doc_properties()
            properties.created = time_t(created.timeIntervalSince1970.rounded(.down))
            let status = workbook_set_properties(handle, &properties)
            guard status == LXW_NO_ERROR else {
                _ = workbook_close(handle)
                free(tmpdirCString)
                throw XlsxError.library(operation: "workbook_set_properties", path: path, code: Int(status.rawValue),
                                        message: String(cString: lxw_strerror(status)))
            }
        }
        self.handle = handle
        self.formats = formats
    }

    deinit {
        if let handle { _ = workbook_close(handle) }
        free(tmpdirCString)
    }

    /// Adds a sheet named `name` (Chinese names welcome).
    ///
    /// - Throws: ``XlsxError/invalidSheetName(name:reason:)`` (empty, over 31 characters, one of
    ///   `[ ] : * ? / \`, leading or trailing `'`, `History`), ``XlsxError/duplicateSheetName(name:existing:)``,
    ///   ``XlsxError/workbookClosed(path:)``, or ``XlsxError/library(operation:path:code:message:)``.
    public func addWorksheet(name: String) throws -> Worksheet {
        let handle = try liveHandle()
        if let problem = SheetName.problem(with: name) {
            throw XlsxError.invalidSheetName(name: name, reason: problem)
        }
        if let existing = sheetKeys[SheetName.comparisonKey(name)] {
            throw XlsxError.duplicateSheetName(name: name, existing: existing)
        }
        // libxlsxwriter's own check, as a second line of defence.
        let check = workbook_validate_sheet_name(handle, name)
        guard check == LXW_NO_ERROR else {
            throw XlsxError.invalidSheetName(name: name, reason: String(cString: lxw_strerror(check)))
        }
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw XlsxError.library(operation: "workbook_add_worksheet('\(name)')", path: path,
                                    code: Int(LXW_ERROR_CREATING_TMPFILE.rawValue),
                                    message: "could not create the sheet (out of memory, or no temporary file in constant-memory mode)")
        }
        sheetKeys[SheetName.comparisonKey(name)] = name
        sheetNames.append(name)
        return Worksheet(name: name, workbook: self, handle: sheet, rowLimit: rowLimit)
    }

    /// Assembles and writes the file, then frees everything. Call exactly once.
    ///
    /// - Throws: ``XlsxError/library(operation:path:code:message:)`` with libxlsxwriter's
    ///   `lxw_strerror` text when the file cannot be written (the workbook is closed all the
    ///   same), or ``XlsxError/workbookClosed(path:)`` when already closed.
    public func close() throws {
        let handle = try liveHandle()
        self.handle = nil
        let status = workbook_close(handle)
        guard status == LXW_NO_ERROR else {
            throw XlsxError.library(operation: "workbook_close", path: path, code: Int(status.rawValue),
                                    message: String(cString: lxw_strerror(status)))
        }
    }

    /// Gives up on the workbook: frees it and removes the output file if one was written.
    /// Does nothing when already closed. (libxlsxwriter 1.1.4 frees its temporary files only in
    /// `workbook_close`, so this closes and then deletes.)
    public func discard() {
        guard let handle else { return }
        self.handle = nil
        _ = workbook_close(handle)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The open libxlsxwriter workbook, or ``XlsxError/workbookClosed(path:)``.
    func liveHandle() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XlsxError.workbookClosed(path: path) }
        return handle
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
