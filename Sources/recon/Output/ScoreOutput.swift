import ArgumentParser
import ReconKit

/// Prints or writes a quarter's scores in the chosen format.
enum ScoreOutput {
    static func write(_ scores: QuarterScores, format: String, folder: String?) throws {
        switch format {
        case "table":
            print(scores.renderedTable())
        case "json":
            print(try ScoreExport.json(scores))
        case "csv":
            if let folder {
                print(try ScoreExport.writeCSV(scores, folder: folder))
            } else {
                for row in scores.csvRows { print(row.map { CSVField.quote($0) }.joined(separator: ",")) }
            }
        case "xlsx":
            guard let folder else { throw ValidationError("--format xlsx needs --out DIR") }
            print(try ScoreExport.writeXLSX(scores, folder: folder))
        default:
            throw ValidationError("unknown format \(format)")
        }
    }
}

/// RFC 4180 quoting of one field for CSV printed to stdout.
enum CSVField {
    static func quote(_ value: String?) -> String {
        guard let value else { return "" }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}

import Foundation
import ReconRules
