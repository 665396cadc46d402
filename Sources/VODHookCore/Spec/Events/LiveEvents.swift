/// Live-to-VOD recording (VOD-EVENTS.md §3.10 and §3.11).
extension EventSpec {
    static let liveStreamFields: [FieldSpec] = [
        .text("StreamName", "the live stream's name"),
        .text("DomainName", "the live streaming domain"),
        .text("AppName", "the live application's name"),
    ]

    public static let addLiveRecordVideoComplete = EventSpec(
        eventType: "AddLiveRecordVideoComplete",
        summary: "a live-to-VOD recording period or live stream ended",
        identity: "VideoId", summaryColumns: ["StreamName"],
        source: "https://help.aliyun.com/document_detail/64761.html",
        fields: [
            .eventTime,
            .eventType("AddLiveRecordVideoComplete"),
            .id("VideoId", "the ID of the recorded video"),
            .status("the recording"),
        ] + liveStreamFields + [
            .time("RecordStartTime", "when recording started"),
            .time("RecordEndTime", "when recording ended"),
            // VOD-EVENTS.md §3.10: not in the docs' table; two callbacks a
            // live-streaming site received in production in 2020 carry it.
            .text("UserId", provenance: .observed,
                  "the account's user ID as numeric text (\"20816433\"); not in the docs' table, seen in callbacks received in production (2020)"),
        ])

    public static let liveRecordVideoComposeStart = EventSpec(
        eventType: "LiveRecordVideoComposeStart",
        summary: "composing live recordings into one video started",
        identity: "VideoId", summaryColumns: ["StreamName"],
        source: "https://help.aliyun.com/document_detail/68240.html",
        fields: [
            .eventTime,
            .eventType("LiveRecordVideoComposeStart"),
            .id("VideoId", "the ID of the video being produced"),
            .status("the start of composing"),
        ] + liveStreamFields)
}
