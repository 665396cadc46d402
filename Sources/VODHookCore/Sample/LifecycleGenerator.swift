/// `sample --lifecycle`: a receiver's log as VOD writes it. Each video is
/// uploaded, analysed, transcoded stream by stream, then whole (a
/// TranscodeComplete listing those very streams), snapshotted, and
/// sometimes reviewed or deleted; videos overlap in time, every line is
/// later than the one before, some jobs fail, and some deliveries come
/// twice, as VOD retries them. The same seed always gives the same log.
public struct LifecycleGenerator {
    private var random: SplitMix64
    private var clock: Int
    private let layout: JSONLayout
    /// Callbacks drawn but not yet written, with their time and a tie-breaking sequence number.
    private var pending: [(time: Int, sequence: Int, text: [UInt8])] = []
    private var sequence = 0
    private var ready: [[UInt8]] = []

    public init(seed: UInt64 = SampleGenerator.defaultSeed, layout: JSONLayout = .compact) {
        random = SplitMix64(seed: seed)
        clock = SampleGenerator.firstInstant + random.below(365 * 86_400)
        self.layout = layout
    }

    /// The next line of the log (no newline).
    public mutating func next() -> [UInt8] {
        while ready.isEmpty {
            // A new video starts; everything drawn before its start can be written, in time order.
            clock += 20 + random.below(120)
            drawVideo(startingAt: clock)
            pending.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
            let due = pending.prefix { $0.time < clock }
            ready = due.map(\.text).reversed()
            pending.removeFirst(due.count)
        }
        return ready.removeLast()
    }

    private mutating func emit(_ event: EventSpec, at time: Int, _ fields: SampleFields) {
        var fields = fields
        fields.set("EventType", string: event.eventType)
        fields.set("EventTime", string: EventTimeCalendar.text(secondsSinceEpoch: time)!)
        let text = SampleWriter(layout: layout, event: event).written(fields.text)
        sequence += 1
        pending.append((time, sequence, text))
        // A delivery that timed out is sent again, the same body a second or more later.
        if random.below(100) < 4 {
            sequence += 1
            pending.append((time + 1 + random.below(3), sequence, text))
        }
    }

    private mutating func drawVideo(startingAt start: Int) {
        let videoId = random.hexID()
        let host = "http://outin-\(random.hexID()).oss-cn-shanghai.aliyuncs.com/"
        var upload = SampleFields()
        upload.set("VideoId", string: videoId)
        upload.set("Size", json: Array(String(5_000_000 + random.below(900_000_000)).utf8))
        upload.set("FileUrl", string: host + "sv/\(random.hexID().prefix(8))-\(random.hexID().prefix(11)).mp4")
        upload.set("Status", string: "success")
        emit(.fileUploadComplete, at: start, upload)

        let duration = 10 + random.below(3600)
        var analysis = SampleFields()
        analysis.set("VideoId", string: videoId)
        let analysisFails = random.below(100) < 3
        analysis.set("Status", string: analysisFails ? "fail" : "success")
        if analysisFails {
            analysis.set("ErrorCode", string: "InvalidParameter.ResourceContentBad")
            analysis.set("ErrorMessage", string: "The resource operated InputFile is bad")
            emit(.videoAnalysisComplete, at: start + 3 + random.below(20), analysis)
            return
        }
        analysis.set("Width", json: Array("1920".utf8))
        analysis.set("Height", json: Array("1080".utf8))
        analysis.set("Duration", json: Array("\(duration).0".utf8))
        analysis.set("Bitrate", string: String(2000 + random.below(3000)))
        analysis.set("Fps", string: "25")
        emit(.videoAnalysisComplete, at: start + 3 + random.below(20), analysis)

        emitSnapshot(videoId, host: host, at: start + 20 + random.below(60))
        let finish = emitStreams(videoId, host: host, duration: duration, from: start + 30)
        if random.below(100) < 20 { emitReview(videoId, at: finish + 30 + random.below(600)) }
        if random.below(100) < 8 { emitDeletion(videoId, at: finish + 600 + random.below(7200)) }
    }

    /// One StreamTranscodeComplete per definition, then the TranscodeComplete
    /// that lists them; returns when that was sent.
    private mutating func emitStreams(_ videoId: String, host: String, duration: Int, from start: Int) -> Int {
        let count = 2 + random.below(3)
        var time = start
        var streams: [SampleFields] = []
        for definition in SampleValues.definitions.prefix(count) {
            time += 10 + random.below(120)
            var stream = SampleFields()
            let fails = random.below(100) < 5
            stream.set("Status", string: fails ? "fail" : "success")
            stream.set("Definition", string: definition.name)
            stream.set("JobId", string: random.hexID())
            if fails {
                let error = SampleValues.transcodingErrors[random.below(SampleValues.transcodingErrors.count)]
                stream.set("ErrorCode", string: error.code)
                stream.set("ErrorMessage", string: error.message)
            } else {
                stream.set("Bitrate", string: String(definition.bitrate + random.below(100)))
                stream.set("Duration", json: Array("\(duration).0".utf8))
                stream.set("Encrypt", json: Array("false".utf8))
                stream.set("FileUrl", string: host + "\(videoId)/\(random.hexID())-\(definition.name.lowercased()).m3u8")
                stream.set("Format", string: "m3u8")
                stream.set("Fps", string: "25")
                stream.set("Height", json: Array(String(definition.height).utf8))
                stream.set("Size", json: Array(String(duration * definition.bitrate * 125).utf8))
                stream.set("Width", json: Array(String(definition.width).utf8))
            }
            stream.set("IsAudio", json: Array("false".utf8))
            stream.set("StartTime", string: EventTimeCalendar.text(secondsSinceEpoch: start)!)
            stream.set("FinishTime", string: EventTimeCalendar.text(secondsSinceEpoch: time)!)
            var event = stream
            event.set("VideoId", string: videoId)
            emit(.streamTranscodeComplete, at: time, event)
            streams.append(stream)
        }
        time += 1 + random.below(5)
        var whole = SampleFields()
        whole.set("VideoId", string: videoId)
        let anySucceeded = streams.contains { $0.json("Status") == SampleFields.literal("success") }
        whole.set("Status", string: anySucceeded ? "success" : "fail")
        var list: [UInt8] = [UInt8(ascii: "[")]
        for (index, stream) in streams.enumerated() {
            if index > 0 { list.append(UInt8(ascii: ",")) }
            list += stream.text
        }
        whole.set("StreamInfos", json: list + [UInt8(ascii: "]")])
        emit(.transcodeComplete, at: time, whole)
        return time
    }

    private mutating func emitSnapshot(_ videoId: String, host: String, at time: Int) {
        var snapshot = SampleFields()
        snapshot.set("VideoId", string: videoId)
        snapshot.set("Status", string: "success")
        let cover = random.hexID()
        snapshot.set("CoverUrl", string: host + "\(videoId)/snapshots/\(cover)-00001.jpg")
        let count = 1 + random.below(10)
        snapshot.set("SnapshotInfos", json: Array("""
            [{"Status":"success","SnapshotType":"CoverSnapshot","SnapshotCount":\(count),"SnapshotFormat":"\(videoId)/snapshots/\(cover)-{SnapshotCount}.jpg","SnapshotRegular":"\(host)\(videoId)/snapshots/\(cover)-{SnapshotCount}.jpg","JobId":"\(random.hexID())"}]
            """.utf8))
        emit(.snapshotComplete, at: time, snapshot)
    }

    private mutating func emitReview(_ videoId: String, at time: Int) {
        var review = SampleFields()
        if random.below(2) == 0 {
            review.set("Status", string: "success")
            review.set("MediaId", string: videoId)
            review.set("SubType", string: "video")
            review.set("AuditStatus", string: random.below(10) == 0 ? "Blocked" : "Normal")
            review.set("CreationTime", string: EventTimeCalendar.text(secondsSinceEpoch: time - 5)!)
            emit(.createAuditComplete, at: time, review)
            return
        }
        review.set("JobId", string: random.hexID())
        review.set("MediaId", string: videoId)
        review.set("Status", string: "success")
        review.set("Code", string: "0")
        review.set("Message", string: "OK")
        review.set("Data", json: Array(#"{"Suggestion":"pass","Label":"normal","AbnormalModules":""}"#.utf8))
        emit(.aiMediaAuditComplete, at: time, review)
    }

    private mutating func emitDeletion(_ videoId: String, at time: Int) {
        var deletion = SampleFields()
        let fails = random.below(10) == 0
        deletion.set("Status", string: fails ? "fail" : "success")
        deletion.set("MediaType", string: "video")
        deletion.set("DeleteType", string: "all")
        deletion.set("MediaId", string: videoId)
        if fails {
            deletion.set("ErrorCode", string: "DeleteVideoFailed")
            deletion.set("ErrorMessage", string: "Deleting video has failed due to some unknown error.")
        }
        emit(.deleteMediaComplete, at: time, deletion)
    }
}
