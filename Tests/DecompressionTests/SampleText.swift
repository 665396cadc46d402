/// Lines of NDJSON-like text, with some non-ASCII, long enough to span buffers.
func sampleText(lines: Int) -> [UInt8] {
    var text: [UInt8] = []
    for line in 0..<lines {
        text += Array(#"{"EventType":"FileUploadComplete","VideoId":"\#(line)","Title":"café ☕ \#(line * 7919 % 1000)"}"#.utf8) + [0x0A]
    }
    return text
}
