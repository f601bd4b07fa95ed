import Foundation
import Hummingbird
import ReconKit
import ReconRules

/// A list exported by `ListExporter` (the very file `recon lists export` writes) into a private
/// temporary folder, streamed to the client and then deleted.
struct ListDownload: Sendable {
    let directory: String
    let path: String
    let fileName: String
    let format: ListFormat
    let size: Int

    /// Exports list `listID`, recording the download under the caller's name.
    static func export(listID: Int64, format: ListFormat, filter: ListItemFilter, caller: PortalCaller,
                       settings: PortalSettings) async throws -> ListDownload {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("recon-portal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let now = settings.now(), recordSets = settings.recordSets, who = caller.downloadName, ministry = caller.isMinistry
        do {
            let exported = try await settings.database.run { connection in
                try ListExporter(connection: connection, recordSets: recordSets)
                    .export(listID: listID, format: format, to: directory, now: now, downloadedBy: who,
                            filter: filter, countsAsReceipt: !ministry)
            }
            let size = (try FileManager.default.attributesOfItem(atPath: exported.path)[.size] as? NSNumber)?.intValue ?? 0
            return ListDownload(directory: directory, path: exported.path,
                                fileName: (exported.path as NSString).lastPathComponent, format: format, size: size)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    /// The response streaming the file in 64 KiB chunks; the folder is removed when done (or failed).
    func response(database: PortalDatabase) -> Response {
        let download = self
        let body = ResponseBody(contentLength: size) { writer in
            defer { try? FileManager.default.removeItem(atPath: download.directory) }
            guard let handle = FileHandle(forReadingAtPath: download.path) else {
                throw HTTPError(.internalServerError, message: "the exported file vanished")
            }
            defer { try? handle.close() }
            while true {
                let chunk = try await database.offload { handle.readData(ofLength: 64 * 1024) }
                if chunk.isEmpty { break }
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: Self.headers(format: format, fileName: fileName), body: body)
    }

    /// Content-Type and Content-Disposition (the Chinese file name as RFC 5987 `filename*`).
    static func headers(format: ListFormat, fileName: String) -> HTTPFields {
        var headers: HTTPFields = [:]
        headers[.contentType] = format == .csv ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: HTML.urlSafe) ?? ""
        headers[.contentDisposition] = "attachment; filename=\"list.\(format.fileExtension)\"; filename*=UTF-8''\(encoded)"
        return headers
    }
}
