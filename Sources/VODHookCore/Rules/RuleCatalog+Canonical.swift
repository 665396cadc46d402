extension RuleCatalog {
    /// What `normalize --canonical` reports about numbers; `check` does not
    /// run these, since a payload's numbers are valid JSON as they are.
    static let canonicalRules: [RuleDescription] = [
        RuleDescription(
            id: .canonicalNumber, severity: .error,
            summary: "(normalize --canonical) a number is too large for an IEEE 754 double, so RFC 8785 cannot write it",
            explanation: """
                RFC 8785 (JCS) writes every number as an IEEE 754 double in ECMAScript's form. A number \
                whose magnitude is past the largest double (about 1.8e308), such as 1e400, would become \
                Infinity, which JSON cannot hold. normalize --canonical does not write that document, \
                reports the number's place here, and exits with status 1; the other documents are written. \
                Without --canonical every number is written exactly as read.
                """,
            failingExample: example([("\"DeleteType\":\"all\"", "\"DeleteType\":\"all\",\"Size\":1e400")]),
            passingExample: example([("\"DeleteType\":\"all\"", "\"DeleteType\":\"all\",\"Size\":1.7976931348623157e308")]),
            exampleFormat: .canonical),
        RuleDescription(
            id: .canonicalRounding, severity: .warning,
            summary: "(normalize --canonical) a number is written as another value: the nearest IEEE 754 double",
            explanation: """
                RFC 8785 (JCS) writes every number as the IEEE 754 double nearest to it, in ECMAScript's \
                shortest form. normalize --canonical follows the RFC, and warns for each number whose \
                written form is a different number from the one in the source: an integer past 2^53 that no \
                double holds exactly (505874924095815681 is written 505874924095815700) or whose double's \
                shortest form ends in other digits (2^60 is written 1152921504606847000), a fraction with \
                more digits than a double keeps (0.10000000000000000001 is written 0.1), or a number too \
                small for a double (1e-400 is written 0). Other spellings of the same value (4.50, 45e-1, \
                1E2) are not reported. To keep every digit of an ID, send it as a string.
                """,
            failingExample: example([("\"DeleteType\":\"all\"", "\"DeleteType\":\"all\",\"Size\":505874924095815681")]),
            passingExample: example([("\"DeleteType\":\"all\"", "\"DeleteType\":\"all\",\"Size\":4.50e0")]),
            exampleFormat: .canonical),
    ]
}
