import Foundation
import PostgresClient
import ReconRules

/// The files of the lifecycle are part of its state (docs/rules.md, "Files are state"): every
/// official list, every scoring version and every publication has its files in `[jobs] output_dir`;
/// `recon due` writes the missing ones and removes the `.partial` files a killed write left.
public struct ResultFiles {
    /// The results database.
    public let results: Connection
    /// The configured record sets (list labels).
    public let recordSets: [RecordSetSpec]
    /// The output folder.
    public let folder: String
    /// The ministry's lines on the bulletin and the 公示稿 (`[bulletin]`).
    public let bulletin: BulletinSettings

    /// Files in `folder`.
    public init(results: Connection, recordSets: [RecordSetSpec], folder: String, bulletin: BulletinSettings = BulletinSettings()) {
        self.results = results
        self.recordSets = recordSets
        self.folder = folder
        self.bulletin = bulletin
    }

    /// Writes `name` in `folder` through `write(partialPath)` under the temporary name
    /// `.<name>.partial`, renamed when complete: a killed or failed write leaves no half file.
    public static func writeAtomically(folder: String, name: String, _ write: (String) throws -> Void) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ListError.cannotWrite(path: folder, reason: "no such directory")
        }
        let path = (folder as NSString).appendingPathComponent(name)
        let partial = (folder as NSString).appendingPathComponent(".\(name).partial")
        do {
            try write(partial)
            guard rename(partial, path) == 0 else { throw ListError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            unlink(partial)
            throw error
        }
        return path
    }

    /// The file stem of a scoring version: `评价结果_2026Q3_第1版_公示稿`.
    public static func versionStem(_ version: ScoringVersion) -> String {
        "评价结果_\(version.scores.quarter)_第\(version.version)版_\(version.kind.label)"
    }

    /// The file stem of a publication: `评价结果公布_2026Q3`, then `评价结果公布_2026Q3_第2次` for a
    /// republication (`ordinal` counts the quarter's publications from 1).
    public static func bulletinStem(quarter: Quarter, ordinal: Int) -> String {
        ordinal <= 1 ? "评价结果公布_\(quarter)" : "评价结果公布_\(quarter)_第\(ordinal)次"
    }

    /// Removes the `.partial` files left in the folder; returns their names.
    @discardableResult
    public func removeStalePartials() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(".") && name.hasSuffix(".partial") {
            try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
            removed.append(name)
        }
        return removed
    }

    /// Writes every missing file of `quarter`: its official lists (CSV, XLSX), each scoring version
    /// and each publication's bulletin. Returns the paths written.
    public func writeMissing(quarter: Quarter, at now: Date) throws -> [String] {
        var written: [String] = []
        let exporter = ListExporter(connection: results, recordSets: recordSets)
        for list in try ListStore(connection: results).lists(quarter: quarter) where list.official {
            for format in [ListFormat.csv, .xlsx] where !exists("\(list.fileStem).\(format.fileExtension)") {
                written.append(try exporter.export(listID: list.id, format: format, to: folder, now: now).path)
            }
        }
        let versions = try ScoreStore.versions(quarter, on: results)
        let draftedAt = versions.first { $0.kind == .draft }?.createdAt
        for version in versions {
            let stem = Self.versionStem(version)
            let table = VersionTable(version: version, noticeStarts: ResultTable.noticeStart(version.scores, draftedAt: draftedAt))
            if !exists(stem + ".xlsx") { written.append(try table.writeXLSX(folder: folder, stem: stem, settings: bulletin)) }
            if !exists(stem + ".csv") { written.append(try table.writeCSV(folder: folder, stem: stem, settings: bulletin)) }
        }
        let publications = try Publication.all(quarter, on: results)
        for (index, publication) in publications.enumerated() {
            let stem = Self.bulletinStem(quarter: quarter, ordinal: index + 1)
            if exists(stem + ".xlsx") && exists(stem + ".csv") { continue }
            let bulletin = try Bulletin.read(publication, on: results)
            if !exists(stem + ".xlsx") { written.append(try bulletin.writeXLSX(folder: folder, stem: stem, settings: self.bulletin)) }
            if !exists(stem + ".csv") { written.append(try bulletin.writeCSV(folder: folder, stem: stem, settings: self.bulletin)) }
        }
        return written
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name))
    }
}
