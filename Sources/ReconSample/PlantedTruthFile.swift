import Foundation
import ReconRules
import ReconKit

/// The planted truth as a JSON-lines file (UTF-8, one JSON object per line), written by
/// `recon sample generate --truth FILE` and read by tests and `recon sample reupload`.
///
/// Every line has a `"kind"`:
/// - `"parameters"` (first line): `provinces`, `rows_per_set`, `business_rows_per_province`,
///   `seed` (a string), `difference_rate`, `noise_rate`, `platform_share` (e.g. `"0.5%"`),
///   `quarter` (`"2025Q3"`).
/// - `"difference"`: a key that must be reported — `province`, `record_set`, `key_columns`,
///   `key_values` (normalised; `null` for an empty column), `key_text` (values joined by ` / `, an empty one shown as `(空)`),
///   `category` (`ministry_only`, `province_only`, `field_mismatch`, `duplicate_key`, `empty_key`),
///   `ministry_count`, `province_count` (rows with the key: live ministry rows of the province,
///   province rows), `fields` (for `field_mismatch`: the differing columns).
/// - `"set"`: per province and record set — `ministry_rows` (live), `ministry_deleted_rows`,
///   `province_rows`, `union_keys` (distinct normalised keys on either side, each empty-key tuple
///   once), `differing_keys`, `categories` (count per category), `noisy_values`.
/// - `"business"`: per province, indicator 12 — `quarter`, `ministry_in_quarter` (denominator),
///   `on_platform` (numerator), `ministry_rows`, `platform_rows`.
///
/// Differences are ordered by province, record set and key text (bytewise).
public enum PlantedTruthFile {
    private struct Line<Body: Codable>: Codable {
        var kind: String
        var body: Body
        init(kind: String, body: Body) {
            self.kind = kind
            self.body = body
        }
        init(from decoder: any Decoder) throws {
            body = try Body(from: decoder)
            kind = try decoder.container(keyedBy: KindKey.self).decode(String.self, forKey: .kind)
        }
        func encode(to encoder: any Encoder) throws {
            try body.encode(to: encoder)
            var container = encoder.container(keyedBy: KindKey.self)
            try container.encode(kind, forKey: .kind)
        }
    }

    private struct DifferenceLine: Codable {
        var difference: PlantedDifference
        init(_ difference: PlantedDifference) { self.difference = difference }
        init(from decoder: any Decoder) throws { difference = try PlantedDifference(from: decoder) }
        func encode(to encoder: any Encoder) throws {
            try difference.encode(to: encoder)
            var container = encoder.container(keyedBy: KindKey.self)
            try container.encode(difference.keyText, forKey: .keyText)
        }
    }

    private enum KindKey: String, CodingKey { case kind, keyText = "key_text" }

    /// The file's text.
    public static func text(of truth: PlantedTruth) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines: [Data] = []
        lines.append(try encoder.encode(Line(kind: "parameters", body: truth.parameters)))
        for difference in truth.differences { lines.append(try encoder.encode(Line(kind: "difference", body: DifferenceLine(difference)))) }
        for set in truth.sets { lines.append(try encoder.encode(Line(kind: "set", body: set))) }
        for business in truth.business { lines.append(try encoder.encode(Line(kind: "business", body: business))) }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n") + "\n"
    }

    /// Writes the truth to `url`.
    public static func write(_ truth: PlantedTruth, to url: URL) throws {
        do {
            try Data(try text(of: truth).utf8).write(to: url, options: .atomic)
        } catch {
            throw SampleError("cannot write the planted truth to \(url.path): \(error)")
        }
    }

    /// Reads a truth file; errors name the file and line.
    public static func read(from url: URL) throws -> PlantedTruth {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SampleError("cannot read the planted truth \(url.path): \(error.localizedDescription)")
        }
        return try parse(String(decoding: data, as: UTF8.self), origin: url.path)
    }

    /// Parses the text of a truth file (`origin` names it in errors).
    public static func parse(_ text: String, origin: String = "truth") throws -> PlantedTruth {
        let decoder = JSONDecoder()
        var parameters: SampleParameters?
        var truth: PlantedTruth?
        var differences: [PlantedDifference] = []
        var sets: [PlantedSetSummary] = []
        var business: [PlantedBusinessSummary] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let data = Data(line.utf8)
            do {
                let kind = try decoder.decode(Line<Empty>.self, from: data).kind
                switch kind {
                case "parameters": parameters = try decoder.decode(Line<SampleParameters>.self, from: data).body
                case "difference": differences.append(try decoder.decode(Line<DifferenceLine>.self, from: data).body.difference)
                case "set": sets.append(try decoder.decode(Line<PlantedSetSummary>.self, from: data).body)
                case "business": business.append(try decoder.decode(Line<PlantedBusinessSummary>.self, from: data).body)
                default: throw SampleError("unknown kind \"\(kind)\"")
                }
            } catch let error as SampleError {
                throw SampleError("\(origin):\(number + 1): \(error.description)")
            } catch {
                throw SampleError("\(origin):\(number + 1): not a planted-truth line: \(error)")
            }
        }
        guard let parameters else { throw SampleError("\(origin): no \"parameters\" line") }
        truth = PlantedTruth(parameters: parameters, differences: differences, sets: sets, business: business)
        return truth!
    }

    private struct Empty: Codable {}
}
