/// The events the tool knows. Adding an event is adding an `EventSpec` here.
public enum EventCatalog {
    public static let events: [EventSpec] = [.deleteMediaComplete]

    public static func spec(forEventType name: String) -> EventSpec? {
        events.first { $0.eventType == name }
    }

    static func spec(forEventType bytes: UnsafeRawBufferPointer) -> EventSpec? {
        events.first { $0.eventType.utf8.elementsEqual(bytes) }
    }

    /// The table used when a payload does not say which event it is.
    public static var fallback: EventSpec { events[0] }
}
