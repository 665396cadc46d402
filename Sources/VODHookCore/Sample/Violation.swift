/// How `vodhook sample --violate RULE` makes a payload that breaks one rule
/// and nothing else: a realistic callback, changed the way real producers
/// get it wrong.
public struct Violation: Sendable {
    public let rule: RuleID
    /// What the callback it starts from must hold, so the change breaks only this rule.
    public let base: SampleChoices
    /// True for rules about a whole source (a byte-order mark, an empty
    /// source): such a payload breaks its rule only as a source of its own,
    /// never as one line of a stream.
    public let wholeSource: Bool
    private let make: @Sendable (SampleCallback, inout SampleGenerator, SampleWriter) -> [UInt8]

    init(
        _ rule: RuleID, base: SampleChoices = SampleChoices(), wholeSource: Bool = false,
        _ make: @escaping @Sendable (SampleCallback, inout SampleGenerator, SampleWriter) -> [UInt8]
    ) {
        self.rule = rule
        self.base = base
        self.wholeSource = wholeSource
        self.make = make
    }

    /// A violation made by changing the callback's fields before they are written.
    static func editing(
        _ rule: RuleID, base: SampleChoices = SampleChoices(),
        _ edit: @escaping @Sendable (inout SampleFields, SampleCallback, inout SampleGenerator) -> Void
    ) -> Violation {
        Violation(rule, base: base) { callback, generator, writer in
            var fields = callback.fields
            edit(&fields, callback, &generator)
            return writer.written(fields.text)
        }
    }

    /// The payload (no trailing newline) made from the generator's next callback.
    /// The generator should have been made with `base` as its choices.
    public func payload(_ generator: inout SampleGenerator, writer: SampleWriter) -> [UInt8] {
        let callback = generator.next()
        return make(callback, &generator, writer)
    }

    /// The violation for a rule, or nil when no single payload can break it alone.
    public static func forRule(_ rule: RuleID) -> Violation? {
        all.first { $0.rule == rule }
    }
}

extension Array where Element == UInt8 {
    /// The bytes with the first occurrence of `old` replaced by `new`.
    func replacingFirst(_ old: [UInt8], with new: [UInt8]) -> [UInt8] {
        guard old.count <= count else { return self }
        for start in 0...(count - old.count) where self[start..<start + old.count].elementsEqual(old) {
            return Array(self[..<start]) + new + Array(self[(start + old.count)...])
        }
        return self
    }
}
