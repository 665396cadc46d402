import Foundation
import Testing
import VODHookCore

/// Generated callbacks are valid, realistic and reproducible.
@Suite struct SampleGeneratorTests {
    static let choices: [SampleChoices] = [
        SampleChoices(),
        SampleChoices(status: "fail"),
        SampleChoices(status: "success", deleteType: "stream"),
        SampleChoices(mediaType: "image"),
        SampleChoices(mediaType: "attached", deleteType: "mezzanine"),
        SampleChoices(status: "fail", mediaType: "video", deleteType: "stream"),
    ]

    static func written(_ callbacks: [SampleCallback], layout: JSONLayout = .compact) throws -> [UInt8] {
        let writer = SampleWriter(layout: layout)
        var out: [UInt8] = []
        for callback in callbacks { out += try writer.write(callback.fields.text) + [0x0A] }
        return out
    }

    static func generate(_ count: Int, seed: UInt64 = SampleGenerator.defaultSeed, choices: SampleChoices = SampleChoices()) -> [SampleCallback] {
        var generator = SampleGenerator(seed: seed, choices: choices)
        return (0..<count).map { _ in generator.next() }
    }

    @Test(arguments: choices)
    func samplesPassCheckWithoutAnyFinding(_ choices: SampleChoices) throws {
        for seed: UInt64 in [0, 1, 99, .max] {
            let callbacks = Self.generate(300, seed: seed, choices: choices)
            for layout in [JSONLayout.compact, .pretty] {
                let documents = try checkDocuments(try Self.written(callbacks, layout: layout))
                #expect(documents.count == callbacks.count)
                let allEmpty = documents.allSatisfy { $0.isEmpty }
                #expect(allEmpty, "\(documents.first { !$0.isEmpty } ?? [])")
            }
            for callback in callbacks {
                if let status = choices.status { #expect(callback.status == status) }
                if let mediaType = choices.mediaType { #expect(callback.mediaType == mediaType) }
                if let deleteType = choices.deleteType { #expect(callback.deleteType == deleteType) }
            }
        }
    }

    @Test func valuesLookReal() {
        let callbacks = Self.generate(2000)
        let hex = Set("0123456789abcdef")
        for callback in callbacks {
            #expect(callback.mediaId.count == 32 && callback.mediaId.allSatisfy(hex.contains))
            #expect((callback.deleteType == "stream") == !callback.jobIds.isEmpty)
            #expect(callback.jobIds.count <= 3)
            #expect(callback.jobIds.allSatisfy { $0.count == 32 && $0.allSatisfy(hex.contains) })
            #expect((callback.status == "fail") == (callback.error != nil))
            if let error = callback.error {
                #expect(DeleteErrors.entries(forDeleteType: callback.deleteType).contains(error))
            }
            if callback.mediaType != "video" { #expect(callback.deleteType == "all") }
        }
        // Mostly success, but every value shows up in a long run.
        let failures = callbacks.filter { $0.status == "fail" }.count
        #expect(failures > 100 && failures < 600)
        #expect(Set(callbacks.map(\.mediaType)) == ["video", "image", "attached"])
        #expect(Set(callbacks.map(\.deleteType)) == ["all", "mezzanine", "stream"])
        #expect(Set(callbacks.compactMap(\.error?.code)).count == 6)
    }

    @Test func eventTimesIncreaseWithinTheYearAfter2025() {
        let callbacks = Self.generate(1000, seed: 5)
        for (earlier, later) in zip(callbacks, callbacks.dropFirst()) {
            #expect(later.eventTime > earlier.eventTime)
        }
        #expect(callbacks[0].eventTimeText.hasPrefix("2025-"))
        #expect(callbacks[0].fields.json("EventTime") == SampleFields.literal(callbacks[0].eventTimeText))
    }

    @Test func sameSeedSameCallbacksAndALongerRunExtendsAShorterOne() {
        let short = Self.generate(5, seed: 42)
        let long = Self.generate(50, seed: 42)
        #expect(Array(long.prefix(5)) == short)
        #expect(Self.generate(5, seed: 43) != short)
    }

    @Test func holdingOneFieldLeavesTheOthersAsTheyWere() {
        let free = Self.generate(100, seed: 3)
        let failed = Self.generate(100, seed: 3, choices: SampleChoices(status: "fail"))
        for (a, b) in zip(free, failed) {
            #expect(a.eventTime == b.eventTime && a.mediaId == b.mediaId && a.mediaType == b.mediaType && a.deleteType == b.deleteType)
        }
    }

    @Test func splitMix64MatchesItsReferenceOutput() {
        // First outputs for seed 1234567 from the reference C implementation (Vigna, prng.di.unimi.it).
        var random = VODHookCore.SplitMix64(seed: 1_234_567)
        #expect(random.next() == 6_457_827_717_110_365_317)
        #expect(random.next() == 3_203_168_211_198_807_973)
        #expect(random.next() == 9_817_491_932_198_370_423)
    }
}

/// A sampled job never finishes before it starts (StreamTranscodeComplete's
/// StartTime and FinishTime were each drawn on their own, and crossed).
@Suite struct SampledTimeOrderTests {
    @Test func everyStartComesBeforeItsFinish() throws {
        for event in EventCatalog.events {
            var sampler = EventSampler(event: event, seed: 7)
            for _ in 0..<100 {
                let text = sampler.next().text
                let json = try JSONSerialization.jsonObject(with: Data(text))
                for (start, end) in Self.timePairs(in: json) {
                    #expect(start <= end, "\(event.eventType): \(start) after \(end) in \(String(decoding: text, as: UTF8.self))")
                }
            }
        }
    }

    /// Every `XStartTime` with its `XFinishTime` or `XEndTime`, at any depth.
    static func timePairs(in value: Any) -> [(String, String)] {
        if let array = value as? [Any] { return array.flatMap(timePairs) }
        guard let object = value as? [String: Any] else { return [] }
        var pairs: [(String, String)] = []
        for (name, start) in object where name.hasSuffix("StartTime") {
            let stem = String(name.dropLast("StartTime".count))
            for endName in [stem + "FinishTime", stem + "EndTime"] {
                if let start = start as? String, let end = object[endName] as? String { pairs.append((start, end)) }
            }
        }
        return pairs + object.values.flatMap(timePairs)
    }
}
