/// Every rule, in the order `vodhook rules` lists them.
public enum RuleCatalog {
    public static let all: [RuleDescription] = readerRules + sourceRules + specRules + captureRules + canonicalRules + envelopeRules

    public static func description(of id: RuleID) -> RuleDescription? {
        all.first { $0.id == id }
    }

    /// Rules not in the catalog are errors, so a typo cannot silence a finding.
    public static func severity(of id: RuleID) -> Severity {
        description(of: id)?.severity ?? .error
    }

    /// A valid callback that examples change one thing in.
    static let valid = """
        {"EventType":"DeleteMediaComplete","EventTime":"2017-03-20T07:49:17Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}
        """

    static func example(_ replacements: [(String, String)]) -> String {
        var text = valid
        for (old, new) in replacements {
            text = text.replacing(old, with: new)
        }
        return text
    }
}

extension String {
    /// The standard library has no replace-all without Foundation; examples need one.
    func replacing(_ old: String, with new: String) -> String {
        guard !old.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: old) {
            result += rest[..<range.lowerBound]
            result += new
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
