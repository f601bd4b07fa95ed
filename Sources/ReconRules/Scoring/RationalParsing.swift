extension Rational {
    /// Reads a number exactly, in one of these forms (surrounding spaces ignored):
    ///
    /// - a percentage: `97.5%`, `0.99%`, `99%`, `100%` (also with the full-width `％`, or a
    ///   space before the sign) — the value is divided by 100, so `97.5%` is 39/40;
    /// - a decimal: `0.975`, `1`, `-0.5`, `+2.25`;
    /// - a fraction of integers: `975/1000`, `-3/4`.
    ///
    /// At least one digit is needed before and after a decimal point (`.5` and `5.` are refused);
    /// digits are ASCII. Nothing is rounded: `0.1` is exactly 1/10. Throws
    /// `RationalError.invalidSyntax` naming the input, or `.overflow` for more digits than fit in
    /// 64 bits.
    public init(parsing text: String) throws(RationalError) {
        var body = Substring(text).drop { $0.isWhitespace }
        while let last = body.last, last.isWhitespace { body = body.dropLast() }
        func invalid(_ reason: String) -> RationalError { .invalidSyntax(input: text, reason: reason) }
        guard !body.isEmpty else { throw invalid("it is empty") }

        var isPercent = false
        if body.last == "%" || body.last == "％" {
            isPercent = true
            body = body.dropLast()
            while let last = body.last, last.isWhitespace { body = body.dropLast() }
        }

        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }

        let value: Rational
        if let slash = body.firstIndex(of: "/") {
            guard !isPercent else { throw invalid("a fraction cannot carry a percent sign") }
            let top = try Rational.digits(body[..<slash], text: text, what: "the numerator")
            let bottom = try Rational.digits(body[body.index(after: slash)...], text: text, what: "the denominator")
            guard bottom != 0 else { throw .divisionByZero(operation: "reading '\(text)'") }
            value = try Rational(top, bottom)
        } else if let point = body.firstIndex(of: ".") {
            let whole = body[..<point]
            let fraction = body[body.index(after: point)...]
            let w = try Rational.digits(whole, text: text, what: "the whole part")
            let f = try Rational.digits(fraction, text: text, what: "the decimals")
            var scale = 1
            for _ in fraction {
                scale = try Rational.checked(scale.multipliedReportingOverflow(by: 10), "reading '\(text)'")
            }
            value = try Rational(w).adding(Rational(f, scale))
        } else {
            value = Rational(try Rational.digits(body, text: text, what: "the number"))
        }

        var result = negative ? try value.negated() : value
        if isPercent { result = try result.divided(by: Rational(100)) }
        self = result
    }

    /// A non-empty run of ASCII digits as an `Int`.
    private static func digits(_ part: Substring, text: String, what: String) throws(RationalError) -> Int {
        guard !part.isEmpty else {
            throw .invalidSyntax(input: text, reason: "\(what) has no digits")
        }
        var value = 0
        for character in part {
            guard let ascii = character.asciiValue, (0x30...0x39).contains(ascii) else {
                throw .invalidSyntax(input: text, reason: "unexpected character '\(character)' in \(what)")
            }
            let times10 = try checked(value.multipliedReportingOverflow(by: 10), "reading '\(text)'")
            value = try checked(times10.addingReportingOverflow(Int(ascii - 0x30)), "reading '\(text)'")
        }
        return value
    }
}
