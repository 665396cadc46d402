/// The upload events (VOD-EVENTS.md §3.1 to §3.4b).
extension EventSpec {
    public static let fileUploadComplete = EventSpec(
        eventType: "FileUploadComplete",
        summary: "an audio or video file was uploaded (also a live-to-VOD merged file)",
        identity: "VideoId", summaryColumns: ["Size"],
        source: "https://help.aliyun.com/document_detail/55630.html",
        fields: [
            .eventTime,
            .eventType("FileUploadComplete"),
            .id("VideoId", "the ID of the uploaded video"),
            .integer("Size", "the file size in bytes"),
            .url("FileUrl", "the URL of the uploaded source file"),
            // Documented since 2022; upload failures send no event at all.
            .status("the upload"),
            .extend,
        ],
        lookAlikes: [.intelligentMediaServices(standingInFor: "VideoId")])

    public static let imageUploadComplete = EventSpec(
        eventType: "ImageUploadComplete",
        summary: "an image was uploaded",
        identity: "ImageId", summaryColumns: ["Size"],
        source: "https://help.aliyun.com/document_detail/91968.html",
        fields: [
            .eventTimeWithMillis,
            .eventType("ImageUploadComplete"),
            .id("ImageId", "the ID of the uploaded image"),
            .integer("Size", "the file size in bytes"),
            .url("FileURL", "the URL of the image"),
            .status("the upload"),
            FieldSpec("AppId", .string, required: false, provenance: .observed,
                      summary: "the application ID, e.g. app-1000000; in both doc examples though not in the table"),
        ],
        lookAlikes: [.intelligentMediaServices(standingInFor: "ImageId")])

    public static let attachedMediaUploadComplete = EventSpec(
        eventType: "AttachedMediaUploadComplete",
        summary: "an auxiliary media asset (watermark, subtitle, material) was uploaded",
        identity: "AttachedMediaId", summaryColumns: ["Size"],
        source: "https://help.aliyun.com/document_detail/103250.html",
        fields: [
            .eventTime,
            .eventType("AttachedMediaUploadComplete"),
            .id("AttachedMediaId", "the ID of the auxiliary media asset"),
            .integer("Size", required: true, "the file size in bytes"),
            .url("FileURL", required: true, "the URL of the file"),
            .status("the upload"),
        ],
        lookAlikes: [.intelligentMediaServices(standingInFor: "AttachedMediaId")])

    /// One EventType for two jobs: UploadMediaByURL, and UploadStreamByURL
    /// (`FileType` "Stream"), so the table is the union of both pages'.
    public static let uploadByURLComplete = EventSpec(
        eventType: "UploadByURLComplete",
        summary: "an UploadMediaByURL or UploadStreamByURL (FileType Stream) job finished",
        identity: "JobId", summaryColumns: ["VideoId", "ErrorCode"],
        source: "https://help.aliyun.com/document_detail/86326.html (video), https://help.aliyun.com/document_detail/376427.html (stream)",
        fields: [
            .eventTime,
            .eventType("UploadByURLComplete"),
            // The table says required, yet the failure example has none: it
            // exists once the file was pulled.
            .id("VideoId", required: false, "the ID of the video, once the file was pulled (always for a stream)"),
            .id("JobId", "the ID of the upload job"),
            .url("SourceURL", "the URL the file was pulled from"),
            FieldSpec("FileType", .string, required: false, allowed: ["Stream"], summary: "\"Stream\" for an UploadStreamByURL job; absent for a video"),
            FieldSpec("Status", .string, required: true, allowed: ["success", "fail"],
                      summary: "whether the upload succeeded (the video page's table says optional; every example has it)"),
            .url("StreamFileURL", "the OSS URL of the uploaded stream (stream jobs, on success)"),
            .errorCode,
            .errorMessage,
            FieldSpec("Size", .numericString, required: false, typeVariant: TypeVariant(.integer, because: "other upload events send Size as a number"),
                      provenance: .observed, summary: "the file size in bytes, as text; in the success example, not in the table"),
            .extend,
        ],
        conditions: [
            FieldCondition(.missingField, when: "Status", .equals("success"), expect: ["VideoId"], .present,
                           because: "VideoId is returned once the video was pulled successfully"),
        ] + FieldCondition.errorFields(what: "upload"),
        lookAlikes: [.intelligentMediaServices(standingInFor: "VideoId")])
}
