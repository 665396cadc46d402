import Testing
@testable import VODHookCommands
import VODHookCore

/// The per-event key orders, found by bytes, against the catalog's lookup by String.
@Suite struct EventKeyOrdersTests {
    @Test func everyEventTypeGetsTheOrderTheStringLookupGives() {
        let byBytes = EventKeyOrders()
        func byString(_ name: String?) -> KeyOrder {
            name.flatMap(EventCatalog.spec(forEventType:)).map { KeyOrder($0.object) } ?? .source
        }
        // Twice round, in an order that changes event at every call, as a lifecycle log does.
        let names: [String?] = EventCatalog.events.map(\.eventType) + [nil, "NoSuchEventComplete", "", "deletemediacomplete", "\u{212A}DeleteMediaComplete"]
        for name in names + names.reversed() {
            #expect(byBytes.keyOrder(for: name) == byString(name), "\(name ?? "nil")")
        }
    }
}
