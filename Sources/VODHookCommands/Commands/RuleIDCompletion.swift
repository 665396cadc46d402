import ArgumentParsing
import VODHookCore

extension ValueCompletion {
    /// Every rule ID, for an option or positional that names a rule (`--violate`, `explain`):
    /// declaring it on the spec is all a new option needs for shells to complete its rules.
    static let ruleIDs = ValueCompletion.words(RuleCatalog.all.map(\.id.rawValue))
}
