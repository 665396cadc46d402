/// Draws realistic DeleteMediaComplete callbacks from a seed: the same seed
/// (and the same choices) always gives the same callbacks, and the first N
/// of a longer run are the N of a shorter one.
public struct SampleGenerator {
    /// The seed when none is given, so `vodhook sample` is reproducible as is.
    public static let defaultSeed: UInt64 = 1
    /// 2025-01-01T00:00:00Z: a run starts within the year after it.
    static let firstInstant = 1_735_689_600
    /// 9999-12-31T23:59:59Z: the last EventTime the format can write. A run
    /// of `--count` in the billions would reach it; later callbacks stay there.
    static let lastInstant = 253_402_300_799

    private var random: SplitMix64
    private var clock: Int
    public let choices: SampleChoices

    public init(seed: UInt64 = defaultSeed, choices: SampleChoices = SampleChoices()) {
        random = SplitMix64(seed: seed)
        clock = Self.firstInstant + random.below(365 * 86_400)
        self.choices = choices
    }

    /// The next callback, at least a second after the previous one.
    public mutating func next() -> SampleCallback {
        // Every callback makes the same draws in the same order whatever is
        // held fixed, so fixing one field leaves the others as they were.
        clock = min(clock + 1 + random.below(300), Self.lastInstant)
        let drawnStatus = random.weighted([("success", 17), ("fail", 3)])
        let drawnMediaType = random.weighted([("video", 20), ("image", 3), ("attached", 2)])
        let drawnDeleteType = random.weighted([("all", 14), ("mezzanine", 3), ("stream", 3)])
        let mediaId = hexID()
        let jobCount = 1 + random.below(3)
        let jobs = (0..<3).map { _ in hexID() }
        let errorDraw = random.next()

        // Only video has a source file and transcoded streams to delete on their own.
        let videoOnly = choices.deleteType == "mezzanine" || choices.deleteType == "stream"
        let mediaType = choices.mediaType ?? (videoOnly ? "video" : drawnMediaType)
        let deleteType = choices.deleteType ?? (mediaType == "video" ? drawnDeleteType : "all")
        let status = choices.status ?? drawnStatus
        let errors = DeleteErrors.entries(forDeleteType: deleteType)
        return SampleCallback(
            eventTime: clock,
            status: status,
            mediaType: mediaType,
            deleteType: deleteType,
            mediaId: mediaId,
            jobIds: deleteType == "stream" ? Array(jobs.prefix(jobCount)) : [],
            error: status == "fail" ? SplitMix64.pick(errors.map { ($0, $0.weight) }, draw: errorDraw) : nil)
    }

    /// A fresh 32-hex ID, the shape of media and job IDs.
    public mutating func hexID() -> String {
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            let value = random.next()
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        return lowercaseHex(bytes)
    }

    /// A draw for the caller's own choices, from the same sequence.
    public mutating func below(_ bound: Int) -> Int { random.below(bound) }
}
