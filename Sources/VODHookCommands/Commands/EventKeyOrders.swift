import VODHookCore

/// The key order for each known event (`normalize` writes in it, `summary`
/// fingerprints in it), kept in a slot per catalog event and found by the
/// event type's bytes when it is not the last answer. Documents of a
/// lifecycle log change event at almost every line, where a cache of the
/// last answer alone missed and the lookup walked the catalog comparing
/// Strings: 1,600 instructions a document on the lifecycle corpus.
final class EventKeyOrders {
    private var orders = [KeyOrder?](repeating: nil, count: EventCatalog.events.count)
    /// The last event type that is not in the catalog, so a log of one
    /// unknown event does not walk the catalog a document.
    private var lastUnknown: String?
    /// The last answer, for logs of one event (most of them): comparing two
    /// short Strings costs less than hashing one.
    private var lastEventType: String?
    private var lastOrder = KeyOrder.source

    func keyOrder(for eventType: String?) -> KeyOrder {
        guard let eventType else { return .source }
        if eventType == lastEventType { return lastOrder }
        guard let index = EventCatalog.index(forEventType: eventType) else {
            // Not a catalog name byte for byte: an unknown event keeps its
            // order, but a String spelled differently that compares equal
            // (Unicode canonical equivalence) still gets its event's order.
            if eventType == lastUnknown { return .source }
            guard let spec = EventCatalog.spec(forEventType: eventType) else {
                lastUnknown = eventType
                return .source
            }
            return KeyOrder(spec.object)
        }
        let order = orders[index] ?? KeyOrder(EventCatalog.events[index].object)
        orders[index] = order
        lastEventType = eventType
        lastOrder = order
        return order
    }
}
