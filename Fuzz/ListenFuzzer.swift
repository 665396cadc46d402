// libFuzzer target: listen's request parser, fed as a server feeds it.
// Built by Fuzz/build.sh with -sanitize=fuzzer,address; not part of the package.
import VODHookCore

/// The outcome of `bytes` fed in pieces ending at `cuts`, then the rest.
func parse(_ bytes: [UInt8], cuts: [Int], limits: HTTPRequestParser.Limits) -> HTTPRequestParser.Outcome {
    var parser = HTTPRequestParser(limits: limits)
    var start = 0
    var outcome = HTTPRequestParser.Outcome.needsMore
    for end in cuts + [bytes.count] where end >= start && end <= bytes.count {
        start = end
        outcome = parser.advance(Array(bytes[..<end]))
        if outcome != .needsMore { break }
    }
    return outcome
}

/// libFuzzer calls this with each input; any trap or failed oracle is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    // Small limits, so the fuzzer reaches every 413 and 431 with short inputs.
    let limits = HTTPRequestParser.Limits(headBytes: 512, bodyBytes: 1024, requestBytes: 2048)
    let whole = parse(bytes, cuts: [], limits: limits)
    switch whole {
    case .needsMore:
        break
    case .complete(let end, let head):
        fuzzCheck(end > 0 && end <= bytes.count, "a request ending at \(end) of \(bytes.count)")
        fuzzCheck(end <= limits.requestBytes, "a request of \(end) bytes past the limit")
        fuzzCheck(head.headers.filter { $0.name.lowercased() == "host" }.count <= 1, "two Host headers accepted")
    case .refused(let status, let reason):
        fuzzCheck([400, 413, 431].contains(status), "refused with \(status)")
        fuzzCheck(!reason.isEmpty, "a refusal without a reason")
    }
    // Where the reads fall never changes the outcome: two cuts from the input itself, then byte by byte.
    let first = bytes.isEmpty ? 0 : Int(bytes[0]) * bytes.count / 256
    let second = bytes.count < 2 ? 0 : max(first, Int(bytes[bytes.count - 1]) * bytes.count / 256)
    let split = parse(bytes, cuts: [first, second], limits: limits)
    fuzzCheck(split == whole, "cut at \(first) and \(second): \(split) against \(whole) for \(describe(bytes))")
    if bytes.count <= 1024 {
        let dribbled = parse(bytes, cuts: Array(0...bytes.count), limits: limits)
        fuzzCheck(dribbled == whole, "byte by byte: \(dribbled) against \(whole) for \(describe(bytes))")
    }
    return 0
}
