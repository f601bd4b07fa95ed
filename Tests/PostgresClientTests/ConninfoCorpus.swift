import PostgresClient

/// One connection string of the redaction corpus: its text (with ``secret`` somewhere in it,
/// however written) and what ``Conninfo/redacted(_:)`` must show for it.
struct ConninfoCase: Sendable, CustomStringConvertible {
    /// The connection string.
    let text: String
    /// What must never be shown (as decoded by libpq; empty for a string without a secret).
    let secret: String
    /// The display form, or ``Conninfo/unparseable``.
    let redacted: String

    var description: String { redacted }

    /// The secret of most cases.
    static let s = "Tr0ub4dor&3-corpus"
    /// ``s`` percent-encoded for a URI query (where `&` separates parameters).
    static let q = "Tr0ub4dor%263-corpus"

    /// ≥ 25 forms: keyword/value (newlines, tabs, quotes, backslashes, spaces around `=`), URIs
    /// (user info, percent-encoding in user, password, keys and values, several hosts, IPv6, query
    /// passwords), `service=`, `sslpassword`, nested conninfo in `dbname`, forms libpq refuses.
    static let corpus: [ConninfoCase] = [
        // The four of issue 17.
        .init(text: "host=127.0.0.1\npassword=\(s)\nport=1", secret: s, redacted: "password=*** host=127.0.0.1 port=1"),
        .init(text: "postgresql://u@h/db?pass%77ord=\(q)", secret: s, redacted: "user=u password=*** dbname=db host=h"),
        .init(text: "sslpassword=\(s) host=h", secret: s, redacted: "host=h sslpassword=***"),
        .init(text: "POSTGRESQL://u:\(s)@h/db", secret: s, redacted: Conninfo.unparseable),
        // Keyword/value.
        .init(text: "host=h password=\(s) user=u", secret: s, redacted: "user=u password=*** host=h"),
        .init(text: "host=h\tpassword=\(s)\tuser=u", secret: s, redacted: "user=u password=*** host=h"),
        .init(text: "host=h password = \(s) user=u", secret: s, redacted: "user=u password=*** host=h"),
        .init(text: "  host=h password=\(s)  \n", secret: s, redacted: "password=*** host=h"),
        .init(text: "host=h password='\(s) with spaces' user=u", secret: "\(s) with spaces", redacted: "user=u password=*** host=h"),
        .init(text: "host=h password='it\\'s \\\\ \(s)' user=u", secret: "it's \\ \(s)", redacted: "user=u password=*** host=h"),
        .init(text: "host=h password=\(s)\\ x", secret: "\(s) x", redacted: "password=*** host=h"),
        .init(text: "host=h options='-c search_path=recon' password=\(s)", secret: s,
              redacted: "password=*** host=h options='-c search_path=recon'"),
        .init(text: "service=prod password=\(s)", secret: s, redacted: "service=prod password=***"),
        .init(text: "service=prod", secret: "", redacted: "service=prod"),
        .init(text: "dbname='host=h password=\(s)' user=u", secret: s, redacted: "user=u dbname='password=*** host=h'"),
        .init(text: "mydb", secret: "", redacted: "dbname=mydb"),
        .init(text: "", secret: "", redacted: ""),
        // URIs.
        .init(text: "postgresql://u:\(s)@h:5432/db", secret: s, redacted: "user=u password=*** dbname=db host=h port=5432"),
        .init(text: "postgres://u:\(s)@h/db", secret: s, redacted: "user=u password=*** dbname=db host=h"),
        .init(text: "\npostgresql://u:\(s)@h/db\n", secret: s, redacted: "user=u password=*** dbname=db host=h"),
        .init(text: "postgresql://u:p%40ss%20w%3Ard@h/db", secret: "p@ss w:rd", redacted: "user=u password=*** dbname=db host=h"),
        .init(text: "postgresql://%75ser:\(s)@h/db", secret: s, redacted: "user=user password=*** dbname=db host=h"),
        .init(text: "postgresql://u:\(s)@h1:5432,h2:5433/db?target_session_attrs=read-write", secret: s,
              redacted: "user=u password=*** dbname=db host=h1,h2 port=5432,5433 target_session_attrs=read-write"),
        .init(text: "postgresql://u:\(s)@[::1]:5432/db", secret: s, redacted: "user=u password=*** dbname=db host=::1 port=5432"),
        .init(text: "postgresql://u@h/db?password=\(q)&sslmode=disable", secret: s, redacted: "user=u password=*** dbname=db host=h sslmode=disable"),
        .init(text: "postgresql://u@h/db?sslpassword=\(q)", secret: s, redacted: "user=u dbname=db host=h sslpassword=***"),
        .init(text: "postgresql:///db?host=/tmp&password=\(q)", secret: s, redacted: "password=*** dbname=db host=/tmp"),
        .init(text: "postgresql://u:\(s)@h/db?application_name=my%20app", secret: s,
              redacted: "user=u password=*** dbname=db host=h application_name='my app'"),
        // An unencoded @ in the password: libpq reads password "pw1" and host "<secret>@h".
        .init(text: "postgresql://u:pw1@\(s)@h/db", secret: s, redacted: "user=u password=*** dbname=db host=***@h"),
        // Forms libpq (or recon) refuses: nothing of them is shown.
        .init(text: "Postgres://u:\(s)@h/db", secret: s, redacted: Conninfo.unparseable),
        .init(text: "jdbc:postgresql://h/db?password=\(s)", secret: s, redacted: Conninfo.unparseable),
        .init(text: "host=h PASSWORD=\(s)", secret: s, redacted: Conninfo.unparseable),
        .init(text: "host=h password='\(s)", secret: s, redacted: Conninfo.unparseable),
        .init(text: "postgresql://u:\(s)@h/db?foo=bar", secret: s, redacted: Conninfo.unparseable),
        .init(text: "postgresql://u:\(s)%00@h/db", secret: s, redacted: Conninfo.unparseable),
        .init(text: "postgresql://u:\(s)@[::1/db", secret: s, redacted: Conninfo.unparseable),
        .init(text: "postgresql://u:\(s)@h/db?sslmode", secret: s, redacted: Conninfo.unparseable),
    ]
}
