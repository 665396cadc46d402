/// Editing, media information, storage and refresh (VOD-EVENTS.md §3.16 to §3.21).
extension EventSpec {
    public static let produceMediaComplete = EventSpec(
        eventType: "ProduceMediaComplete",
        summary: "online editing produced a media file",
        identity: "MediaId", summaryColumns: ["ProjectId", "ErrorCode"],
        source: "https://help.aliyun.com/document_detail/101164.html",
        fields: [
            .eventTime,
            .eventType("ProduceMediaComplete"),
            .status("the production"),
            .id("MediaId", "the ID of the produced media"),
            .id("ProjectId", "the ID of the editing project"),
            .errorCode,
            .errorMessage,
        ],
        conditions: FieldCondition.errorFields(what: "production"))

    /// Each member is a JSON string `{"OldValue":...,"NewValue":...}`.
    static func changedValue(_ name: String) -> FieldSpec {
        .text(name, "a JSON string {\"OldValue\":...,\"NewValue\":...}")
    }

    public static let mediaBaseChangeComplete = EventSpec(
        eventType: "MediaBaseChangeComplete",
        summary: "a media asset's basic information was created, updated or deleted",
        identity: "MediaId", summaryColumns: ["MediaType", "OperateMode"],
        source: "https://help.aliyun.com/document_detail/123248.html",
        fields: [
            .eventType("MediaBaseChangeComplete"),
            .eventTime,
            .status("the change"),
            FieldSpec("MediaType", .string, required: true, allowed: ["video", "image", "attached"], summary: "video, image or attached"),
            .id("MediaId", "the ID of the media"),
            FieldSpec("OperateMode", .string, required: true, allowed: ["create", "update", "delete"], summary: "create, update or delete"),
            FieldSpec("MediaContent", .objectOrJSONString(ObjectSpec([
                changedValue("Title"), changedValue("Description"), changedValue("CoverURL"), changedValue("CateId"), changedValue("Tags"),
            ])), required: true, summary: "what changed; the table says JSON string, the example sends an object"),
        ],
        lookAlikes: [.intelligentMediaServices(standingInFor: "MediaId")])

    public static let restoreMediaComplete = EventSpec(
        eventType: "RestoreMediaComplete",
        summary: "restoring archived media finished",
        identity: "MediaId", summaryColumns: ["RestoreExpiration", "ErrorCode"],
        source: "https://help.aliyun.com/zh/vod/user-guide/restoremediacomplete",
        fields: [
            .eventTime,
            .eventType("RestoreMediaComplete"),
            .capitalizedStatus("the restore"),
            .id("MediaId", "the ID of the media"),
            .time("RestoreExpiration", "until when the media stays restored (on success)"),
            .errorCode,
            .errorMessage,
        ],
        conditions: FieldCondition.errorFields(success: "Success", fail: "Failed", what: "restore"))

    public static let updateMediaStorageClassComplete = EventSpec(
        eventType: "UpdateMediaStorageClassComplete",
        summary: "changing a media asset's storage class finished",
        identity: "MediaId", summaryColumns: ["StorageClass", "ErrorCode"],
        source: "https://help.aliyun.com/zh/vod/user-guide/updatemediastorageclasscomplete",
        fields: [
            .eventTime,
            .eventType("UpdateMediaStorageClassComplete"),
            .capitalizedStatus("the change"),
            .id("MediaId", "the ID of the media"),
            FieldSpec("Scope", .string, required: true, allowed: ["All", "SourceFile"], summary: "All or SourceFile"),
            FieldSpec("StorageClass", .string, required: true, allowed: ["Standard", "IA", "Archive", "ColdArchive"], summary: "the target storage class"),
            FieldSpec("TriggerBy", .string, required: true, allowed: ["LifeCycle", "API"], summary: "LifeCycle or API"),
            .errorCode,
            .errorMessage,
        ],
        conditions: FieldCondition.errorFields(success: "Success", fail: "Failed", what: "storage class change"))

    public static let submitMediaRefreshComplete = EventSpec(
        eventType: "SubmitMediaRefreshComplete",
        summary: "every refresh or prefetch request of a RefreshMediaPlayUrls job was submitted",
        identity: "MediaRefreshJobId", summaryColumns: ["MediaId", "TaskType"],
        source: "https://help.aliyun.com/zh/vod/user-guide/submitmediarefreshcomplete",
        fields: [
            .eventTime,
            .eventType("SubmitMediaRefreshComplete"),
            .status("the submission"),
            .text("MediaRefreshJobId", required: true, "the ID of the refresh job"),
            .id("MediaId", "the ID of the media"),
            FieldSpec("TaskType", .string, required: true, allowed: ["Refresh", "Preload"],
                      valueVariants: [
                          "refresh": "the docs' table says \"Refresh\"; their example sends \"refresh\"",
                          "preload": "the docs' table says \"Preload\"; their example writes the other task type in lowercase",
                      ], summary: "Refresh or Preload"),
            .text("SuccessPlayUrls", required: true, "comma-separated URLs"),
            .text("TaskIds", required: true, "comma-separated task IDs, one per URL"),
            .text("FilterPolicy", required: true, "the request's parameters, as a JSON string"),
            .extend,
            .errorCode,
            .errorMessage,
        ],
        conditions: FieldCondition.errorFields(what: "submission"))
}
