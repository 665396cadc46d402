/// Other vendors' callbacks that reach ApsaraVideo VOD receivers, by shape
/// (VOD-EVENTS.md §4, "Look-alike payloads a validator should recognise").
/// Names are not enough: several vendors reuse VOD's event names, and IMS
/// sends events VOD does not have under names close to VOD's.
public enum VendorShapes {
    public static let all: [VendorShape] = [
        tencentCloud, tencentCloudLegacy, intelligentMediaServices, volcengine, polyv, jdCloud, ctyun,
    ]

    /// Tencent Cloud VOD v3 event notifications: the event's fields sit in a
    /// `<EventType>Event` object, beside others of that kind set to null.
    static let tencentCloud = VendorShape(
        vendor: "Tencent Cloud VOD",
        tellTales: [
            TellTale(.suffix("Event"), .eventObject),
            TellTale(.suffix("Event"), .object, weight: 1),
            TellTale(.suffix("Event"), .any, weight: 1),
            TellTale(.exact("FileId")),
            TellTale(.exact("ErrCode"), .number),
            TellTale(.exact("ErrCodeExt")),
            TellTale(.exact("TaskId"), weight: 1),
            TellTale(.exact("PlayInfoSet")),
            TellTale(.exact("Status"), .text(["FINISH", "PROCESSING", "WAITING"]), weight: 1),
        ],
        advice: "send Tencent Cloud VOD's notifications to their own receiver; an ApsaraVideo VOD callback has its fields at the top level and names its media in VideoId or MediaId",
        source: "https://www.tencentcloud.com/document/product/266/33779 (event notifications: TranscodeCompleteEvent, FileId, ErrCode); a receiver's tests (FileId with Status \"FINISH\")")

    /// Tencent Cloud VOD's legacy (v2/v4) callbacks: `version`, camelCase
    /// `eventType`, and a `data` object with `fileId` and `vodTaskId`.
    static let tencentCloudLegacy = VendorShape(
        vendor: "Tencent Cloud VOD",
        tellTales: [
            TellTale(.exact("version"), weight: 1),
            TellTale(.exact("data"), .object, weight: 1),
            TellTale(.exact("fileId"), in: "data"),
            TellTale(.exact("vodTaskId"), in: "data"),
            TellTale(.exact("srcFileId"), in: "data"),
        ],
        advice: "this is Tencent's legacy (v4) callback format; send Tencent Cloud VOD's notifications to their own receiver. An ApsaraVideo VOD callback has no \"version\" or \"data\" envelope",
        source: "https://cloud.tencent.com/document/product/266/7829 (legacy callbacks: version 4.0, eventType, data.vodTaskId, data.fileId)")

    /// Intelligent Media Services: `UserId` (a number) and the event's
    /// fields in `MessageBody`, on VOD's names (FileUploadComplete) and its
    /// own (RegisterMediaComplete, ProduceMediaComplete's IMS form). VOD's own
    /// AddLiveRecordVideoComplete is seen with a `UserId` string, so that
    /// alone names nobody.
    static let intelligentMediaServices = VendorShape(
        vendor: "Intelligent Media Services (IMS)",
        tellTales: [
            TellTale(.exact("MessageBody"), .object),
            TellTale(.exact("MessageBody"), .any, weight: 1),
            TellTale(.exact("UserId"), .number, weight: 1),
        ],
        advice: "IMS callbacks wrap their fields in \"MessageBody\"; check them with IMS's event list, or point IMS at its own receiver. An ApsaraVideo VOD callback has its fields at the top level",
        source: "https://www.alibabacloud.com/help/en/ims/user-guide/event-list-2 (EventType, UserId as a number, EventTime, MessageBody); RegisterMediaComplete seen logged by a receiver (2024)")

    /// Volcengine / BytePlus VOD: `RequestId`, `Version` and a `Data` object with `Vid`.
    static let volcengine = VendorShape(
        vendor: "Volcengine (BytePlus) VOD",
        tellTales: [
            TellTale(.exact("RequestId"), weight: 1),
            TellTale(.exact("Version"), weight: 1),
            TellTale(.exact("Vid"), in: "Data"),
            TellTale(.exact("SpaceName"), in: "Data"),
            TellTale(.exact("SpaceName")),
        ],
        advice: "send Volcengine's notifications to their own receiver (their signature also covers the body); an ApsaraVideo VOD callback has its fields at the top level",
        source: "https://www.volcengine.com/docs/4/4656 (callback: RequestId, Version, Data.Vid, Data.SpaceName)")

    /// Polyv: camelCase keys, a list of video IDs in `vids`, `operateTime`.
    static let polyv = VendorShape(
        vendor: "Polyv",
        tellTales: [
            TellTale(.exact("vids")),
            TellTale(.exact("operateTime")),
            TellTale(.exact("deleteType"), .text(["MoveToTrash"])),
            TellTale(.exact("vid"), weight: 1),
            TellTale(.exact("ptime"), weight: 1),
        ],
        advice: "Polyv's callbacks have camelCase keys and their own fields; an ApsaraVideo VOD DeleteMediaComplete names its asset in \"MediaId\" and its time in \"EventTime\"",
        source: "shared/spec/VOD-CALLBACKS.md (Polyv's DeleteMediaComplete: eventType, vids, deleteType MoveToTrash, operateTime); https://polyv.gitbook.io/document/docs/vod/api/video-management/manage/delete_video")

    /// JD Cloud VOD: camelCase keys with an `md5` of the file.
    static let jdCloud = VendorShape(
        vendor: "JD Cloud VOD",
        tellTales: [
            TellTale(.exact("md5")),
            TellTale(.exact("videoId"), weight: 1),
            TellTale(.exact("fileUrl"), weight: 1),
        ],
        advice: "JD Cloud's callbacks have camelCase keys (eventType, videoId, md5); an ApsaraVideo VOD callback's keys are capitalized",
        source: "https://docs.jdcloud.com/cn/video-on-demand/callback-events (FileUploadComplete: eventType, eventTime, videoId, fileUrl, size, md5)")

    /// China Telecom (ctyun) VOD: camelCase keys, `videoID`, `taskMessage`, `snapshotInfo`.
    static let ctyun = VendorShape(
        vendor: "China Telecom (ctyun) VOD",
        tellTales: [
            TellTale(.exact("videoID")),
            TellTale(.exact("taskMessage")),
            TellTale(.exact("snapshotInfo")),
            TellTale(.exact("taskId"), weight: 1),
        ],
        advice: "ctyun's callbacks have camelCase keys (eventType, videoID, taskId); an ApsaraVideo VOD callback's keys are capitalized",
        source: "ctyun.cn VOD callback docs (SnapshotComplete: eventType, videoID, taskId, taskMessage, snapshotInfo)")
}
