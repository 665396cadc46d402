/// Realistic values by field name, for events other than DeleteMediaComplete
/// (which keeps its own generator). Error codes and messages are the ones
/// VOD-EVENTS.md lists for each event; MPS's for transcoding (inferred there).
enum SampleValues {
    static let errors: [String: [(code: String, message: String)]] = [
        "UploadByURLComplete": [("URLInvalidError", "download video failed by the url, please check it")],
        "VideoAnalysisComplete": [("InvalidParameter.ResourceContentBad", "The resource operated InputFile is bad")],
        "ProduceMediaComplete": [("InvalidParameter.ResourceContentBad", "The resource operated InputFile is bad")],
        "RestoreMediaComplete": [("NoSuchKey", "OSS bucket or object does not exist")],
        "SubmitMediaRefreshComplete": [("PreloadQueueFull", "Preload queue is full, please try again later!")],
    ]
    static let transcodingErrors: [(code: String, message: String)] = [
        ("InvalidParameter.ResourceContentBad", "The resource operated InputFile is bad"),
        ("InvalidParameter.NoAudioStream", "The input file has no audio stream"),
        ("InternalError", "The request processing has failed due to some unknown error"),
    ]

    static func error(for event: String, _ random: inout SplitMix64) -> (code: String, message: String) {
        let list = errors[event] ?? transcodingErrors
        return list[random.below(list.count)]
    }

    /// Resolution bands (VOD-EVENTS.md R11) with a typical bitrate.
    static let definitions: [(name: String, width: Int, height: Int, bitrate: Int)] = [
        ("FD", 640, 360, 421), ("LD", 960, 540, 779), ("SD", 1280, 720, 1110), ("HD", 1920, 1080, 2400),
    ]

    /// A value for a text field that has neither allowed values nor a format.
    static func text(_ name: String, _ random: inout SplitMix64) -> String {
        switch name {
        case "Definition": definitions[random.below(definitions.count)].name
        case "Format": ["m3u8", "mp4"][random.below(2)]
        case "StreamName": "stream-\(random.below(90) + 10)"
        case "DomainName": "live.example.com"
        case "AppName": "live"
        case "Codec": "h264"
        case "EncryptType": "Unencrypted"
        case "Extend": "{\"source\":\"vodhook sample\"}"
        case "AppId": "app-1000000"
        case "Code": "0"
        case "Message": "OK"
        case "Label": ["normal", "porn", "terrorism"][random.below(3)]
        case "Tag", "PrimaryKey": "tag-\(random.below(1000))"
        case "Auditor": "reviewer"
        case "Reason": "manual review"
        case "MediaRefreshJobId": random.hexID()
        case "TaskIds": String(1_460_435_000 + random.below(1000))
        case "FilterPolicy": "{\"SliceFlag\":false,\"ResultType\":\"Single\"}"
        case "SnapshotFormat": "\(random.hexID())/snapshots/\(random.hexID())-{SnapshotCount}.jpg"
        case "JobIds": random.hexID()
        case "WatermarkId": random.hexID()
        case "AbnormalModules": "video"
        case "Content": "title"
        default: "\(name.lowercased())-\(random.below(1000))"
        }
    }

    static func url(_ name: String, _ random: inout SplitMix64) -> String {
        let host = "http://outin-\(random.hexID()).oss-cn-shanghai.aliyuncs.com/"
        return switch name {
        case "CoverUrl", "CoverURL", "FaceUrl", "Url": host + "snapshots/\(random.hexID()).jpg"
        case "SnapshotRegular": host + "snapshots/\(random.hexID())-{SnapshotCount}.jpg"
        case "FileURL" where random.below(2) == 0: host + "image/default/\(random.hexID()).png"
        case "SuccessPlayUrls": host + "\(random.hexID())/video.m3u8"
        default: host + "\(random.hexID())/\(random.hexID().prefix(8)).mp4"
        }
    }
}

extension SplitMix64 {
    /// A fresh 32-hex ID, the shape of media, video and job IDs.
    mutating func hexID() -> String {
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            let value = next()
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        return lowercaseHex(bytes)
    }
}
