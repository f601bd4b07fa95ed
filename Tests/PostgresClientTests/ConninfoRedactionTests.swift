import PostgresClient
import Testing

@Suite("Conninfo: parsed by libpq, displayed without secrets")
struct ConninfoRedactionTests {
    @Test("corpus", arguments: ConninfoCase.corpus)
    func corpusIsRedacted(_ item: ConninfoCase) throws {
        let shown = Conninfo.redacted(item.text)
        #expect(shown == item.redacted, "\(item.text.debugDescription)")
        if !item.secret.isEmpty {
            #expect(!shown.contains(item.secret))
            #expect(!shown.contains(ConninfoCase.s))
        }
        if item.redacted == Conninfo.unparseable {
            let error = try #require(throws: ConninfoError.self) { _ = try Conninfo(parsing: item.text) }
            #expect(!error.description.contains(ConninfoCase.s), "\(error)")
            #expect(!error.description.contains(item.secret), "\(error)")
        } else {
            let parsed = try Conninfo(parsing: item.text)
            if !item.secret.isEmpty {
                #expect(parsed.secrets.contains(item.secret))
            }
        }
    }

    @Test func corpusHasTheFormsTheIssueAsksFor() {
        #expect(ConninfoCase.corpus.count >= 25)
    }

    @Test func passwordsAreDecodedByLibPQ() throws {
        let uri = try Conninfo(parsing: "postgresql://u@h/db?pass%77ord=a%26b")
        #expect(uri.options.first { $0.keyword == "password" }?.value == "a&b")
        #expect(uri.options.first { $0.keyword == "password" }?.isSecret == true)
        let quoted = try Conninfo(parsing: "password='x\\'y'")
        #expect(quoted.secrets == ["x'y"])
    }

    @Test func messagesAreRedactedWhereverTheSecretAppears() {
        let message = #"could not translate host name "Tr0ub4dor&3@h" to address; password Tr0ub4dor&3 again"#
        let redacted = Conninfo.redact(message, secrets: ["Tr0ub4dor&3", "", "Tr0"])
        #expect(redacted == #"could not translate host name "***@h" to address; password *** again"#)
    }

    @Test func parseErrorsKeepKeywordsAndHideTheRest() throws {
        let error = try #require(throws: ConninfoError.self) { _ = try Conninfo(parsing: "host=h password") }
        #expect(error.description.contains(#"after "password""#), "\(error)")
        let uri = try #require(throws: ConninfoError.self) { _ = try Conninfo(parsing: "postgresql://u:pw@h/db?sslmod=x") }
        #expect(uri.description.contains(#""***""#), "\(uri)")
        let scheme = try #require(throws: ConninfoError.self) { _ = try Conninfo(parsing: "POSTGRESQL://u:pw@h/db") }
        #expect(scheme == .unsupportedScheme("POSTGRESQL"))
        #expect(scheme.description.contains("POSTGRESQL://"))
        #expect(!scheme.description.contains("pw"))
    }

    @Test func displayQuotesValuesAsLibPQReadsThem() throws {
        let parsed = try Conninfo(parsing: "host=h application_name='a b\\\\c' dbname=''")
        #expect(parsed.redacted == #"dbname='' host=h application_name='a b\\c'"#)
        // The display form parses back to the same options (secrets aside).
        #expect(try Conninfo(parsing: parsed.redacted).options == parsed.options)
    }
}
