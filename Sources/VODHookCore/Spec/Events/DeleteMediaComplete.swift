/// DeleteMediaComplete, from its reference page (shared/spec/DeleteMediaComplete.txt).
extension EventSpec {
    public static let deleteMediaComplete = EventSpec(
        eventType: "DeleteMediaComplete",
        summary: "a media asset was deleted (DeleteVideo, DeleteMezzanines or DeleteStream)",
        identity: "MediaId", summaryColumns: ["MediaType", "DeleteType", "ErrorCode"],
        source: "https://www.alibabacloud.com/help/en/vod/user-guide/deletemediacomplete",
        fields: [
            .eventType("DeleteMediaComplete"),
            .eventTime,
            .status("the deletion"),
            FieldSpec("MediaType", .string, required: true, allowed: ["video", "image", "attached"],
                      aliases: ["audio": ValueAlias("video", because: "the spec's \"video\" covers audio and video")],
                      summary: "video (audio or video), image, or attached (auxiliary media)"),
            // The page names only DeleteVideo, but mezzanine and stream match
            // DeleteMezzanines and DeleteStream, so all three are accepted.
            FieldSpec("DeleteType", .string, required: true, allowed: ["all", "mezzanine", "stream"],
                      summary: "what was deleted: all, the source file (mezzanine), or transcoded streams"),
            .id("MediaId", "the ID of the media asset"),
            FieldSpec("JobIds", .string, required: false, summary: "returned only when DeleteType is stream"),
            FieldSpec("ErrorCode", .string, required: false, summary: "the error code, when the deletion failed"),
            FieldSpec("ErrorMessage", .string, required: false, summary: "the error message, when the deletion failed"),
        ],
        conditions: [
            FieldCondition(.jobIdsWithoutStream, when: "DeleteType", .differsFrom("stream"), expect: ["JobIds"], .absent,
                           because: "JobIds is returned only when DeleteType is \"stream\""),
            FieldCondition(.errorFieldsOnSuccess, when: "Status", .equals("success"), expect: ["ErrorCode", "ErrorMessage"], .absent,
                           because: "ErrorCode and ErrorMessage are returned only when the deletion fails"),
            FieldCondition(.missingErrorOnFailure, when: "Status", .equals("fail"), expect: ["ErrorCode"], .present,
                           because: "a failed deletion should say why in ErrorCode"),
            FieldCondition(.missingJobIdsOnStream, when: "DeleteType", .equals("stream"), expect: ["JobIds"], .present,
                           because: "JobIds is returned when DeleteType is \"stream\""),
        ],
        lookAlikes: [
            // Facts from shared/spec/VOD-CALLBACKS.md: Polyv sends an event of
            // the same name with camelCase keys and these fields of its own.
            LookAlike(
                vendor: "Polyv",
                keys: [
                    "vids": LookAlikeKey(for: "MediaId", "Polyv's list of video IDs; an ApsaraVideo VOD callback names its asset in \"MediaId\""),
                    "operateTime": LookAlikeKey(for: "EventTime", "Polyv's time field; ApsaraVideo VOD sends \"EventTime\" as yyyy-MM-ddTHH:mm:ssZ in UTC"),
                ],
                values: [
                    "MoveToTrash": "Polyv's deleteType; ApsaraVideo VOD's DeleteType is \"all\", \"mezzanine\" or \"stream\"",
                ]),
            .intelligentMediaServices(standingInFor: "MediaId"),
        ])
}
