import Testing
@testable import VODHookCommands
import VODHookCore

/// `normalize`'s per-event key orders, found by bytes, against the lookup
/// by String that `summary` still uses.
@Suite struct EventKeyOrdersTests {
    @Test func everyEventTypeGetsTheOrderTheStringLookupGives() {
        let byBytes = EventKeyOrders()
        let byString = KeyOrderCache()
        // Twice round, in an order that changes event at every call, as a lifecycle log does.
        let names: [String?] = EventCatalog.events.map(\.eventType) + [nil, "NoSuchEventComplete", "", "deletemediacomplete", "\u{212A}DeleteMediaComplete"]
        for name in names + names.reversed() {
            #expect(byBytes.keyOrder(for: name) == byString.keyOrder(for: name), "\(name ?? "nil")")
        }
    }
}
