/// The JSON documents of a `recon.differences` row: `key_values`, `fields` and `rows` (jsonb).
///
/// Written by hand (not `JSONEncoder`) to fix the layout and keep it cheap: strings escaped per
/// RFC 8259 (`"`, `\`, and control characters), non-ASCII text as is (UTF-8), NULL as `null`.
import ReconRules

public enum DifferenceJSON {
    /// `{"plate_number": "豫A12345", "plate_colour": "2"}`: key columns to normalised values.
    public static func keyValues(columns: [String], values: [String?]) -> String {
        var out = "{"
        for (index, column) in columns.enumerated() {
            if index > 0 { out += ", " }
            appendString(column, to: &out)
            out += ": "
            appendValue(index < values.count ? values[index] : nil, to: &out)
        }
        return out + "}"
    }

    /// `[{"column": …, "label": …, "ministry": …, "province": …}]`: the differing fields, raw values.
    public static func fields(_ fields: [FieldDifference]) -> String {
        var out = "["
        for (index, field) in fields.enumerated() {
            if index > 0 { out += ", " }
            out += "{\"column\": "
            appendString(field.column, to: &out)
            out += ", \"label\": "
            appendString(field.label, to: &out)
            out += ", \"ministry\": "
            appendValue(field.ministry, to: &out)
            out += ", \"province\": "
            appendValue(field.province, to: &out)
            out += "}"
        }
        return out + "]"
    }

    /// `[{"side": "ministry", "values": [{"column": …, "label": …, "value": …}]}]`: the rows of an
    /// item that is not a field mismatch (``DifferenceRow``).
    public static func rows(_ rows: [DifferenceRow]) -> String {
        var out = "["
        for (index, row) in rows.enumerated() {
            if index > 0 { out += ", " }
            out += "{\"side\": "
            appendString(row.side, to: &out)
            out += ", \"values\": ["
            for (position, value) in row.values.enumerated() {
                if position > 0 { out += ", " }
                out += "{\"column\": "
                appendString(value.column, to: &out)
                out += ", \"label\": "
                appendString(value.label, to: &out)
                out += ", \"value\": "
                appendValue(value.value, to: &out)
                out += "}"
            }
            out += "]}"
        }
        return out + "]"
    }

    /// A string value or `null`.
    static func appendValue(_ value: String?, to out: inout String) {
        if let value { appendString(value, to: &out) } else { out += "null" }
    }

    /// A JSON string literal (see ``JSONString``).
    static func appendString(_ value: String, to out: inout String) {
        out += JSONString.quote(value)
    }
}
