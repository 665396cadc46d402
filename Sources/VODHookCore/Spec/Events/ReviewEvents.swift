/// Reviews and AI jobs (VOD-EVENTS.md §3.12 to §3.15). The AI events say
/// how a job went in `Code` and `Message`, and hold their result in `Data`.
extension EventSpec {
    public static let createAuditComplete = EventSpec(
        eventType: "CreateAuditComplete",
        summary: "a manual review (CreateAudit) was recorded",
        identity: "MediaId", summaryColumns: ["AuditStatus"],
        source: "https://help.aliyun.com/document_detail/89567.html",
        fields: [
            .eventType("CreateAuditComplete"),
            .eventTime,
            .status("the notification"),
            .id("MediaId", "the ID of the reviewed media"),
            FieldSpec("SubType", .string, required: true, allowed: ["video"], summary: "video (audio and video)"),
            FieldSpec("AuditStatus", .string, required: true, allowed: ["Normal", "Blocked"], summary: "the review's verdict"),
            .time("CreationTime", required: true, "when the review was made"),
            .text("Auditor", "who reviewed"),
            .text("Reason", "why"),
        ])

    /// The members every AI event shares, around its own `Data`.
    static func aiFields(_ name: String, eventTime: FieldSpec, data: FieldSpec, completeTime: Bool = false) -> [FieldSpec] {
        var fields: [FieldSpec] = [
            eventTime,
            .eventType(name),
            .id("JobId", "the ID of the AI job"),
            .id("MediaId", "the ID of the media"),
            .status("the AI job"),
            .text("Code", "the job's result code; \"0\" in the docs' success examples"),
            .text("Message", "the job's result message; \"OK\" in the docs' success examples"),
            data,
        ]
        if completeTime { fields.insert(.time("CompleteTime", "when the job completed (new since 2021; the JA table requires it)"), at: 2) }
        return fields
    }

    /// Suggestion and Label, which every level of a review result repeats.
    static let verdictFields: [FieldSpec] = [
        FieldSpec("Suggestion", .string, required: true, allowed: ["block", "review", "pass"], summary: "block, review or pass"),
        .text("Label", required: true, "what was found"),
    ]

    static let auditSceneResult = ObjectSpec(verdictFields + [
        FieldSpec("MaxScore", .numericString, required: false, summary: "the highest score, 0 to 100, as text"),
        FieldSpec("AverageScore", .numericString, required: false, summary: "the average score, as text"),
        FieldSpec("CounterList", .array(.object(ObjectSpec([
            .text("Label", required: true, "a label"),
            .integer("Count", required: true, "how many frames had it"),
        ]))), required: false, summary: "frames per label"),
        FieldSpec("TopList", .array(.object(ObjectSpec([
            .text("Label", required: true, "a label"),
            FieldSpec("Score", .numericString, required: true, summary: "the score, as text"),
            FieldSpec("Timestamp", .numericString, required: true, summary: "where, in milliseconds, as text"),
            .url("Url", required: true, "the frame's image"),
        ]))), required: false, summary: "the highest-scoring frames"),
    ])

    public static let aiMediaAuditComplete = EventSpec(
        eventType: "AIMediaAuditComplete",
        summary: "an automated review job finished",
        identity: "JobId", summaryColumns: ["MediaId", "Code"],
        source: "https://help.aliyun.com/document_detail/89576.html",
        fields: aiFields("AIMediaAuditComplete", eventTime: .eventTimeWithMillis, data: FieldSpec(
            "Data", .objectOrJSONString(ObjectSpec([
                verdictFields[0],
                .text("AbnormalModules", "a comma list of video, image-cover, text-title"),
                verdictFields[1],
                FieldSpec("VideoResult", .object(ObjectSpec(verdictFields + [
                    FieldSpec("TerrorismResult", .object(auditSceneResult), required: false, summary: "the terrorism scene's result"),
                    FieldSpec("PornResult", .object(auditSceneResult), required: false, summary: "the pornography scene's result"),
                ])), required: false, summary: "the video's result"),
                FieldSpec("ImageResult", .array(.object(ObjectSpec(verdictFields + [
                    FieldSpec("Type", .string, required: false, allowed: ["cover"], summary: "cover"),
                    .url("Url", "the image"),
                    FieldSpec("Result", .array(.object(ObjectSpec(verdictFields + [
                        FieldSpec("Score", .numericString, required: false, summary: "the score, as text"),
                        FieldSpec("Scene", .string, required: false, allowed: ["porn", "terrorism"], summary: "porn or terrorism"),
                    ]))), required: false, summary: "one member per scene"),
                ]))), required: false, summary: "the images' results"),
                FieldSpec("TextResult", .array(.object(ObjectSpec(verdictFields + [
                    FieldSpec("Score", .numericString, required: false, summary: "the score, as text"),
                    FieldSpec("Scene", .string, required: false, allowed: ["antispam"], summary: "antispam"),
                    FieldSpec("Type", .string, required: false, allowed: ["title"], summary: "title"),
                    .text("Content", provenance: .observed, "the text reviewed; in the example, not in the table"),
                ]))), required: false, summary: "the texts' results"),
            ])), required: true, summary: "the review result (AIMediaAuditResult); the table says string, the example sends an object")))

    public static let aiMediaDNAComplete = EventSpec(
        eventType: "AIMediaDNAComplete",
        summary: "a video DNA (fingerprint) job finished",
        identity: "JobId", summaryColumns: ["MediaId", "Code"],
        source: "https://help.aliyun.com/document_detail/92868.html",
        fields: aiFields("AIMediaDNAComplete", eventTime: .eventTimeWithMillis, data: FieldSpec(
            "Data", .objectOrJSONString(ObjectSpec([
                FieldSpec("VideoDNA", .array(.object(ObjectSpec([
                    .text("PrimaryKey", required: true, "the matching video's key"),
                    FieldSpec("Similarity", .numericString, required: true, summary: "the similarity, as text"),
                    FieldSpec("Detail", .array(.object(ObjectSpec([
                        FieldSpec("Input", .object(ObjectSpec([
                            FieldSpec("Start", .numericString, required: true, summary: "seconds, as text"),
                            FieldSpec("Duration", .numericString, required: true, summary: "seconds, as text"),
                        ])), required: true, summary: "the span in this video"),
                        FieldSpec("Duplication", .object(ObjectSpec([
                            FieldSpec("Start", .numericString, required: true, summary: "seconds, as text"),
                            FieldSpec("Duration", .numericString, required: true, summary: "seconds, as text"),
                        ])), required: true, summary: "the span in the matching video"),
                    ]))), required: false, summary: "the matching spans"),
                ]))), required: false, summary: "one member per matching video"),
            ])), required: true, summary: "the result (AIMediaDNAResult), usually a JSON string"),
            completeTime: true))

    static let tagList = FieldType.array(.object(ObjectSpec([
        .text("Tag", required: true, "the tag"),
        FieldSpec("Times", .array(.numericString), required: false, summary: "where, in milliseconds, as text"),
        .url("FaceUrl", "a face image (Person only)"),
    ])))

    public static let aiVideoTagComplete = EventSpec(
        eventType: "AIVideoTagComplete",
        summary: "a smart-tag job finished",
        identity: "JobId", summaryColumns: ["MediaId", "Code"],
        source: "https://help.aliyun.com/zh/vod/user-guide/aivideotagcomplete",
        fields: aiFields("AIVideoTagComplete", eventTime: .eventTime, data: FieldSpec(
            "Data", .objectOrJSONString(ObjectSpec([
                FieldSpec("Person", tagList, required: false, summary: "people"),
                FieldSpec("Time", tagList, required: false, summary: "times"),
                FieldSpec("Location", tagList, required: false, summary: "places"),
                FieldSpec("Keyword", tagList, required: false, summary: "keywords"),
                FieldSpec("Category", tagList, required: false, summary: "categories"),
                FieldSpec("OrigASRData", .array(.any), required: false, summary: "speech recognition output, when asked for"),
            ])), required: true, summary: "the result (AIVideoTagResult), usually a JSON string")))
}
