/// Transcoding, snapshots, animated images and analysis (VOD-EVENTS.md §3.5 to §3.9).
extension EventSpec {
    /// The members of a transcoded stream, as StreamTranscodeComplete sends
    /// them at its top level and TranscodeComplete in `StreamInfos[]`.
    static func streamFields(topLevel: Bool) -> [FieldSpec] {
        var fields: [FieldSpec] = [
            .status(topLevel ? "the stream's transcoding" : "this stream's transcoding", required: topLevel),
            FieldSpec("Bitrate", .numericString, required: false, typeVariant: TypeVariant(.number, because: "the docs say numeric text in Kbps; a number says the same"),
                      summary: "the bitrate in Kbps, as text (\"925\")"),
            FieldSpec("Definition", .string, required: false,
                      summary: "FD, LD, SD, HD, OD, 2K, 4K, AUTO, SQ or HQ; template suffixes such as HD-MP4 occur"),
            .number("Duration", textSeen: "VideoAnalysisComplete's example sends durations as text", "the duration in seconds"),
            FieldSpec("Codec", .string, required: false, summary: "the codec name (newer docs; not in real captures)"),
            FieldSpec("Encrypt", .boolean, required: false, summary: "whether the stream is encrypted"),
            FieldSpec("EncryptType", .string, required: false, summary: "Unencrypted, AliyunVoDEncryption or HLSEncryption (newer docs)"),
            .errorCode,
            .errorMessage,
            .url("FileUrl", "the play URL, without auth_key"),
            FieldSpec("Format", .string, required: false, summary: "mp4 or m3u8 (flv, mp3, m4a possible)"),
            FieldSpec("Fps", .numericString, required: false, typeVariant: TypeVariant(.number, because: "the docs say numeric text; a number says the same"),
                      summary: "frames per second, as text (\"30\")"),
            .integer("Height", "the height in pixels"),
            .integer("Size", "the file size in bytes"),
            .integer("Width", "the width in pixels"),
            .id("JobId", required: false, "the ID of the transcoding job"),
            FieldSpec("WatermarkId", .string, required: false, summary: "comma-separated watermark IDs"),
            // The CN table says required; the docs' example and the 2018 capture lack them.
            FieldSpec("IsAudio", .boolean, required: false, provenance: .observed, summary: "whether the stream is audio only (in real payloads since 2018)"),
            .time("StartTime", provenance: .observed, "when transcoding started"),
            .time("FinishTime", provenance: .observed, "when transcoding finished"),
        ]
        if topLevel {
            fields.insert(contentsOf: [.eventTime, .eventType("StreamTranscodeComplete"), .id("VideoId", "the ID of the video")], at: 0)
            fields.append(.extend)
        }
        return fields
    }

    public static let streamTranscodeComplete = EventSpec(
        eventType: "StreamTranscodeComplete",
        summary: "one stream (one definition in one format) was transcoded",
        identity: "VideoId", summaryColumns: ["Definition", "Format", "ErrorCode"],
        source: "https://help.aliyun.com/document_detail/55636.html",
        fields: streamFields(topLevel: true),
        conditions: FieldCondition.errorFields(what: "transcoding"))

    public static let transcodeComplete = EventSpec(
        eventType: "TranscodeComplete",
        summary: "every stream of a transcoding job finished (success when at least one did)",
        identity: "VideoId", summaryColumns: ["StreamInfos"],
        source: "https://help.aliyun.com/document_detail/55638.html",
        fields: [
            .eventTime,
            .eventType("TranscodeComplete"),
            .id("VideoId", "the ID of the video"),
            .status("at least one stream's transcoding"),
            .extend,
            FieldSpec("StreamInfos", .array(.object(ObjectSpec(streamFields(topLevel: false), conditions: FieldCondition.errorFields(what: "stream")))),
                      required: false, summary: "one member per stream; may be empty or absent"),
        ])

    public static let snapshotComplete = EventSpec(
        eventType: "SnapshotComplete",
        summary: "a snapshot job (cover, normal or sprite) finished",
        identity: "VideoId", summaryColumns: ["SubType", "ErrorCode"],
        source: "https://help.aliyun.com/document_detail/57337.html",
        fields: [
            .eventTime,
            .eventType("SnapshotComplete"),
            // Required by the table, yet missing from the docs' example: what
            // the docs show VOD sending is accepted.
            .id("VideoId", required: false, "the ID of the video (required by the docs' table, missing from their example)"),
            .status("the snapshot job", required: false),
            FieldSpec("SubType", .string, required: false, allowed: ["SpecifiedTime"], summary: "SpecifiedTime when the job came from SubmitSnapshotJob"),
            .errorCode,
            .errorMessage,
            .url("CoverUrl", "the cover URL; absent on failure"),
            FieldSpec("SnapshotInfos", .array(.object(ObjectSpec([
                .status("this snapshot"),
                FieldSpec("SnapshotType", .string, required: true, allowed: ["CoverSnapshot", "NormalSnapshot", "SpriteSnapshot"], summary: "the kind of snapshot"),
                .integer("SnapshotCount", required: true, "how many snapshots were taken"),
                .text("SnapshotFormat", required: true, "a relative path template holding {SnapshotCount}"),
                .url("SnapshotRegular", required: true, "a URL template holding {SnapshotCount}"),
                .id("JobId", "the ID of the snapshot job"),
            ]))), required: false, summary: "one member per kind of snapshot; absent on failure"),
            .extend,
        ],
        conditions: FieldCondition.errorFields(what: "snapshot job"))

    public static let dynamicImageComplete = EventSpec(
        eventType: "DynamicImageComplete",
        summary: "an animated-image (GIF or WebP) job finished",
        identity: "VideoId", summaryColumns: ["JobId", "ErrorCode"],
        source: "https://help.aliyun.com/document_detail/143490.html",
        fields: [
            .eventTime,
            .eventType("DynamicImageComplete"),
            .id("VideoId", "the ID of the video"),
            .status("the animated-image job"),
            .id("JobId", "the ID of the animated-image job"),
            .errorCode,
            .errorMessage,
            FieldSpec("DynamicImageJobInfo", .objectOrJSONString(ObjectSpec([
                .id("JobId", "the ID of the animated-image job"),
                .status("the animated-image job"),
                .url("FileURL", required: true, "the URL of the animated image"),
                FieldSpec("FileSize", .numericString, required: false, summary: "the file size in bytes, as text"),
                FieldSpec("Fps", .numericString, required: false, summary: "frames per second, as text"),
                FieldSpec("Height", .numericString, required: false, summary: "the height in pixels, as text"),
                FieldSpec("Width", .numericString, required: false, summary: "the width in pixels, as text"),
            ])), required: false, summary: "the result; the table says JSON string, the current example sends an object; absent on failure"),
        ],
        conditions: FieldCondition.errorFields(what: "animated-image job"))

    public static let videoAnalysisComplete = EventSpec(
        eventType: "VideoAnalysisComplete",
        summary: "the metadata analysis of an uploaded audio or video file finished",
        identity: "VideoId", summaryColumns: ["Duration", "ErrorCode"],
        source: "https://help.aliyun.com/document_detail/99935.html",
        fields: [
            .eventTime,
            .eventType("VideoAnalysisComplete"),
            .id("VideoId", "the ID of the video"),
            .status("the analysis"),
            .integer("Width", textSeen: "the docs' own example sends it as text", "the width in pixels; absent for audio"),
            .integer("Height", textSeen: "the docs' own example sends it as text", "the height in pixels; absent for audio"),
            .number("Duration", textSeen: "the docs' own example sends it as text", "the duration in seconds"),
            FieldSpec("Bitrate", .numericString, required: false, typeVariant: TypeVariant(.number, because: "the docs say numeric text in Kbps; a number says the same"),
                      summary: "the bitrate in Kbps, as text"),
            FieldSpec("Fps", .numericString, required: false, typeVariant: TypeVariant(.number, because: "the docs say numeric text; a number says the same"),
                      summary: "frames per second, as text; absent for audio"),
            .integer("Size", textSeen: "the docs' own example sends it as text", "the file size in bytes"),
            .errorCode,
            .errorMessage,
        ],
        conditions: FieldCondition.errorFields(what: "analysis"))
}
