import ArgumentParsing
import VODHookCore

extension ValueCompletion {
    /// Every rule ID, for an option or positional that names a rule (`--violate`, `explain`):
    /// declaring it on the spec is all a new option needs for shells to complete its rules.
    static let ruleIDs = ValueCompletion.words(RuleCatalog.all.map(\.id.rawValue))
}

extension ValueCompletion {
    /// The rules a sample payload can break, for `sample --violate`: the
    /// others (raw HTTP, Base64, a huge document) it refuses, so they are not offered.
    static let violableRuleIDs = ValueCompletion.words(Violation.all.map(\.rule.rawValue))
}
