import Foundation
import Hummingbird
import HummingbirdTesting
import ReconPortal
import Testing

/// Checks the responses against docs/portal-openapi.yaml: every documented path answers, and every
/// property a schema marks `required` is present (read with a line-based reader of the file's own
/// layout: `    Name:` then `      required: [a, b]`).
@Suite("Portal API matches its OpenAPI file")
struct PortalOpenAPITests {
    static let specPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/portal-openapi.yaml").standardized.path

    /// `required` lists by schema name.
    static func requiredProperties() throws -> [String: [String]] {
        let lines = try String(contentsOfFile: specPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var result: [String: [String]] = [:]
        var current: String?
        for line in lines {
            if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                current = String(line.dropFirst(4).dropLast())
            } else if let name = current, line.hasPrefix("      required: [") {
                result[name] = line.drop { $0 != "[" }.dropFirst().dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
        return result
    }

    /// The documented paths.
    static func paths() throws -> [String] {
        try String(contentsOfFile: specPath, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("  /") }.map { String($0.dropFirst(2).dropLast()) }
    }

    func check(_ object: Any?, schema: String, in required: [String: [String]]) throws {
        let keys = try #require(required[schema], "schema \(schema) has no required list")
        let dictionary = try #require(object as? [String: Any], "\(schema) is not an object")
        for key in keys { #expect(dictionary[key] != nil, "\(schema).\(key) missing") }
    }

    /// The file parses as YAML and is a valid OpenAPI document for a real validator
    /// (openapi-spec-validator, from PyPI; jobs/install-deps.sh installs it when missing).
    @Test func theFileIsValidOpenAPI() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sys
            from openapi_spec_validator import validate
            from openapi_spec_validator.readers import read_from_filename
            spec, _ = read_from_filename(sys.argv[1])
            validate(spec)
            print("valid")
            """, Self.specPath]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openapi-spec-validator: \(text)")
        #expect(text.contains("valid"))
    }

    @Test func documentedPathsAndRequiredProperties() async throws {
        #expect(try Self.paths() == ["/health", "/api/lists", "/api/lists/{id}", "/api/lists/{id}/download", "/api/progress", "/api/scores",
                                    "/api/history", "/api/objections"])
        let required = try Self.requiredProperties()
        let fixture = try PortalFixture("popenapi")
        let auth = bearer(fixture.ministryToken)
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                try check(try json(response), schema: "Health", in: required)
            }
            try await client.execute(uri: "/api/lists", method: .get, headers: auth) { response in
                let body = try json(response)
                try check(body, schema: "Lists", in: required)
                try check((body["lists"] as? [Any])?.first, schema: "List", in: required)
            }
            try await client.execute(uri: "/api/lists/\(fixture.henanList)?size=1", method: .get, headers: auth) { response in
                let body = try json(response)
                try check(body, schema: "ListDetail", in: required)
                try check((body["items"] as? [Any])?.first, schema: "ListItem", in: required)
            }
            try await client.execute(uri: "/api/lists/\(fixture.henanList)/download?format=csv", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            }
            try await client.execute(uri: "/api/progress", method: .get, headers: auth) { response in
                let body = try json(response)
                try check(body, schema: "Progress", in: required)
                try check((body["progress"] as? [Any])?.first, schema: "ListProgress", in: required)
            }
            try await client.execute(uri: "/api/scores", method: .get, headers: auth) { response in
                let body = try json(response)
                try check(body, schema: "Scores", in: required)
                let province = (body["scores"] as? [Any])?.first
                try check(province, schema: "ProvinceScore", in: required)
                try check(((province as? [String: Any])?["indicators"] as? [Any])?.first, schema: "IndicatorScore", in: required)
            }
            try await client.execute(uri: "/api/history?province=410000", method: .get, headers: auth) { response in
                let body = try json(response)
                try check(body, schema: "History", in: required)
                try check((body["quarters"] as? [Any])?.first, schema: "HistoryQuarter", in: required)
            }
            try await client.execute(uri: "/api/objections", method: .get, headers: auth) { response in
                try check(try json(response), schema: "Objections", in: required)
            }
            try await client.execute(uri: "/api/lists?quarter=bad", method: .get, headers: auth) { response in
                try check(try json(response), schema: "Error", in: required)
            }
        }
    }
}
