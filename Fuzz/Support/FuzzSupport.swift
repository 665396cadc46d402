// Shared by every fuzz target: compiled into each one's main module by
// Fuzz/build.sh, never into the package.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import VODHookCore

/// Stops the run with a message libFuzzer keeps next to the crashing input:
/// an oracle that fails is a finding, as much as a trap is.
func fuzzFailure(_ message: String) -> Never {
    var text = "FUZZ ORACLE FAILED: \(message)\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    abort()
}

func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fuzzFailure(message()) }
}

/// The fuzzer's input as an array; libFuzzer may pass a null pointer for 0 bytes.
func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Reads `bytes` as one JSON text; nil unless it is exactly one document with no finding.
func cleanSingleDocument(_ bytes: [UInt8], _ body: (JSONDocument) -> Void = { _ in }) -> Bool {
    let reader = DocumentReader(input: BytesInput(bytes), mode: .body, blockSize: 1 << 12)
    var documents = 0
    var clean = true
    do {
        try reader.forEach { document in
            documents += 1
            if !document.findings.isEmpty { clean = false }
            if let json = document.json { body(json) } else { clean = false }
        }
    } catch {
        return false
    }
    return clean && documents == 1
}

/// True when text output holds nothing a terminal would act on: valid UTF-8,
/// and no control, separator or bidi scalar but the line feed.
func isTerminalSafe(_ bytes: [UInt8]) -> Bool {
    guard let text = String(validating: bytes, as: UTF8.self) else { return false }
    return !text.unicodeScalars.contains { $0 != "\n" && TerminalSafe.needsEscape($0) }
}

/// `isTerminalSafe` once the tool's own SGR sequences (`ESC [ digits ; m`) are taken out.
func isTerminalSafeApartFromStyling(_ bytes: [UInt8]) -> Bool {
    var stripped: [UInt8] = []
    stripped.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
        if bytes[i] == 0x1B {
            var j = i + 1
            guard j < bytes.count, bytes[j] == UInt8(ascii: "[") else { return false }
            j += 1
            while j < bytes.count, bytes[j] == UInt8(ascii: ";") || (bytes[j] >= UInt8(ascii: "0") && bytes[j] <= UInt8(ascii: "9")) { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: "m") else { return false }
            i = j + 1
            continue
        }
        stripped.append(bytes[i])
        i += 1
    }
    return isTerminalSafe(stripped)
}

/// Lines of output, without their line feeds; a missing final one is reported.
func outputLines(_ bytes: [UInt8]) -> (lines: [ArraySlice<UInt8>], endsWithNewline: Bool) {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    let ends = bytes.last == 0x0A || bytes.isEmpty
    if ends { lines.removeLast() }
    return (lines, ends)
}

func describe(_ bytes: some Collection<UInt8>) -> String {
    var text = ""
    for byte in bytes.prefix(300) {
        if byte >= 0x20 && byte < 0x7F { text.unicodeScalars.append(Unicode.Scalar(byte)) } else { text += "\\x" + String(byte, radix: 16) }
    }
    return text
}

