import Testing
@testable import VODHookCore

/// Rule texts (`explain`, `rules`, SARIF, the man page) are written for the
/// whole catalog: none calls an event the catalog has unsupported, and none
/// speaks of one event where the rule applies to several.
@Suite struct RuleTextTests {
    static func text(_ rule: RuleDescription) -> String { rule.summary + " " + rule.explanation }

    @Test func noRuleCallsACatalogEventUnsupported() {
        for rule in RuleCatalog.all {
            let text = Self.text(rule).lowercased()
            for phrase in ["no spec yet", "has no spec", "not supported yet", "not yet supported", "only deletemediacomplete"] {
                #expect(!text.contains(phrase), "\(rule.id): \"\(phrase)\"")
            }
        }
    }

    /// The events whose specs use each condition rule: a rule of several
    /// events must not speak of one event's operation; a rule of one event
    /// must name it.
    @Test func conditionRulesSpeakForEveryEventThatHasThem() {
        var events: [RuleID: Set<String>] = [:]
        for spec in EventCatalog.events {
            for condition in spec.conditions { events[condition.rule, default: []].insert(spec.eventType) }
        }
        #expect(!events.isEmpty)
        // missing-field is every event's rule; a condition may use it too.
        for (rule, names) in events where rule != .missingField {
            let description = RuleCatalog.description(of: rule)
            #expect(description != nil, "\(rule) has no description")
            guard let description else { continue }
            let text = Self.text(description)
            if names.count > 1 {
                for word in ["deletion", "deleted", "DeleteType", "DeleteMediaComplete"] {
                    #expect(!text.contains(word), "\(rule) applies to \(names.sorted()) but speaks of \"\(word)\"")
                }
            } else if let only = names.first {
                #expect(text.contains(only), "\(rule) applies only to \(only) but does not say so")
            }
        }
    }

    /// missing-field does not list one event's required fields as if they were everyone's.
    @Test func missingFieldIsWrittenForEveryEvent() throws {
        let text = Self.text(try #require(RuleCatalog.description(of: .missingField)))
        for spec in EventCatalog.events {
            #expect(!text.contains("\(spec.eventType) requires"), "missing-field lists \(spec.eventType)'s fields only")
        }
    }

    /// Every vendor the look-alike rule recognizes is named in its explanation.
    @Test func lookAlikeNamesEveryVendor() throws {
        let text = Self.text(try #require(RuleCatalog.description(of: .lookAlike)))
        for shape in VendorShapes.all { #expect(text.contains(shape.vendor), "\(shape.vendor)") }
    }

    @Test func helpURLsPointAtTheRulesSection() {
        let document = RuleDocumentation.document(version: "1.2.3")
        #expect(document.hasSuffix("/blob/v1.2.3/docs/rules.md"))
        #expect(RuleDocumentation.url(of: .lookAlike, document: document) == document + "#look-alike")
    }
}
