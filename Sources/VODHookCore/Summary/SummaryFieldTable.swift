/// The top-level fields a summary reads, compiled once from the catalog:
/// the fields every summary counts, then each event's identity field that is
/// not among them. An event added by the CONTRIBUTING recipe with a new
/// identity field gets a slot here without anyone editing a list.
enum SummaryFieldTable {
    /// The fields counted whatever the event, at fixed slots (see `Slot`).
    static let counted = ["EventType", "EventTime", "Status", "MediaType", "DeleteType", "MediaId", "ErrorCode", "Code"]

    /// The slots of `counted`, in its order.
    enum Slot: Int { case eventType, eventTime, status, mediaType, deleteType, mediaId, errorCode, code }

    /// Every name with a slot: `counted`, then the catalog's other identity fields in catalog order.
    static let names: [String] = {
        var names = counted
        for event in EventCatalog.events where !names.contains(event.identity) { names.append(event.identity) }
        // SummaryFieldNodes keeps the slots inline, `capacity` of them.
        precondition(names.count <= capacity, "the summary reads at most \(capacity) fields; widen SummaryFieldNodes.Slots")
        return names
    }()

    /// How many slots a document's nodes hold inline.
    static let capacity = 16

    /// A key's slot by its bytes, built as every other key order is.
    static let order = KeyOrder(names)

    /// Each catalog event's identity field, as a slot.
    static let identitySlots: [Int] = {
        // A summary keeps one bit per catalog event for each identity value it reads through here.
        precondition(EventCatalog.events.count <= 64, "a summary flags at most 64 events per identity value")
        // `names` holds every catalog identity by construction.
        return EventCatalog.events.map { names.firstIndex(of: $0.identity)! }
    }()
}
