// libFuzzer target: the command line. The fuzzer's bytes become argv
// (Tests/VODHookCommandsTests/Support/ArgumentFuzzInput.swift says how),
// run in-process in a scratch directory with a small callback as standard
// input; a trap, an exit code other than 0 to 2, exit 2 without a reason or
// unsafe output is a finding. Built by Fuzz/build.sh; not part of the package.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import VODHookCommands

/// Where the commands run: `sample --all-rules --output-dir` writes here, and
/// the fuzzer empties it after every input.
let scratch: String = {
    var template = Array("/tmp/vodhook-fuzz-arguments-XXXXXX".utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
        fuzzFailure("cannot create a scratch directory")
    }
    let path = String(cString: made)
    guard chdir(path) == 0 else { fuzzFailure("cannot enter \(path)") }
    return path
}()

/// An unlinked file holding one valid callback, rewound for every input.
let standardInput: Int32 = {
    _ = scratch
    var template = Array("/tmp/vodhook-fuzz-stdin-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { fuzzFailure("cannot create a temporary file") }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    let callback = Array(#"{"EventTime":"2017-03-20T07:49:17Z","EventType":"FileUploadComplete","VideoId":"a1b2c3","Status":"success","Bitrate":"","Definition":"OD","Duration":12.5,"Format":"mp4","Size":1024,"FileUrl":"http://example.com/a.mp4"}"#.utf8) + [0x0A]
    let written = callback.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    guard written == callback.count else { fuzzFailure("cannot write standard input") }
    return descriptor
}()

/// A port on 127.0.0.1 that nothing listens on, so `send` is refused at once and never leaves the machine.
let sendURL: String = {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { fuzzFailure("cannot open a socket") }
    defer { close(listener) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
    }
    guard bound else { fuzzFailure("cannot bind 127.0.0.1") }
    return "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/callback"
}()

/// Removes everything under `path` but `path` itself.
func empty(_ path: String) {
    guard let directory = opendir(path) else { return }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name == "." || name == ".." { continue }
        let child = path + "/" + name
        if unlink(child) != 0 {
            empty(child)
            rmdir(child)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let arguments = ArgumentFuzzInput.commandLine(fuzzBytes(data, size), sendURL: sendURL)
    // -1: libFuzzer keeps no input out of bounds in its corpus.
    guard ArgumentFuzzInput.isContained(arguments, sendURL: sendURL) else { return -1 }
    guard lseek(standardInput, 0, SEEK_SET) == 0 else { fuzzFailure("lseek failed") }
    let output = MemoryOutput(), errors = MemoryOutput()
    let environment = CommandEnvironment(
        output: output, errors: errors, standardInput: standardInput, variables: ["VODHOOK_RETRY_DELAY_MS": "0"], now: { 1_700_000_000 })
    let status = VODHook.run(arguments: arguments, environment: environment)
    empty(scratch)
    if let problem = ArgumentFuzzInput.problem(arguments: arguments, status: status.rawValue, stdout: output.bytes, stderr: errors.bytes) {
        fuzzFailure("\(arguments.map(\.debugDescription).joined(separator: " ")): \(problem); stderr \(describe(errors.bytes))")
    }
    return 0
}
