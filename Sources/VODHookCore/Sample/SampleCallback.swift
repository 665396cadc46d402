/// One generated DeleteMediaComplete callback as typed values, so a
/// violation can change a value by meaning (the same instant in another
/// zone) before it becomes JSON text.
public struct SampleCallback: Sendable, Hashable {
    /// UNIX seconds, within the years EventTime can write.
    public var eventTime: Int
    public var status: String
    public var mediaType: String
    public var deleteType: String
    /// 32 lowercase hex characters, like real media IDs.
    public var mediaId: String
    /// The deleted transcoding jobs; empty unless DeleteType is stream.
    public var jobIds: [String]
    /// Why the deletion failed; nil on success.
    public var error: DeleteErrors.Entry?

    /// EventTime as VOD writes it: yyyy-MM-ddTHH:mm:ssZ.
    public var eventTimeText: String {
        // Written only for times between 0000 and 9999; the generator stops at `lastInstant`.
        EventTimeCalendar.text(secondsSinceEpoch: eventTime) ?? "9999-12-31T23:59:59Z"
    }

    /// The members in the spec's order, absent optional fields left out.
    public var fields: SampleFields {
        var fields = SampleFields()
        fields.set("EventType", string: EventSpec.deleteMediaComplete.eventType)
        fields.set("EventTime", string: eventTimeText)
        fields.set("Status", string: status)
        fields.set("MediaType", string: mediaType)
        fields.set("DeleteType", string: deleteType)
        fields.set("MediaId", string: mediaId)
        if !jobIds.isEmpty { fields.set("JobIds", string: jobIds.joined(separator: ",")) }
        if let error {
            fields.set("ErrorCode", string: error.code)
            fields.set("ErrorMessage", string: error.message)
        }
        return fields
    }
}
