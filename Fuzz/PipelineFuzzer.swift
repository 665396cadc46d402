// libFuzzer target: the whole command pipeline (reader, validator, the three
// check renderers, summary and the normalize writer) on the fuzzer's bytes
// as standard input, with the promises of every output checked.
// Built by Fuzz/build.sh with -sanitize=fuzzer,address; not part of the package.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import VODHookCommands
import VODHookCore

/// One unlinked temporary file, rewritten for every input: the commands read
/// a descriptor, as they do in the real process.
let standardInput: Int32 = {
    var template = Array("/tmp/vodhook-fuzz-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { fuzzFailure("cannot create a temporary file") }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return descriptor
}()

struct CommandRun {
    var status: ExitCode
    var stdout: [UInt8]
    var stderr: [UInt8]
}

func run(_ arguments: [String]) -> CommandRun {
    guard lseek(standardInput, 0, SEEK_SET) == 0 else { fuzzFailure("lseek failed") }
    let output = MemoryOutput(), errors = MemoryOutput()
    let environment = CommandEnvironment(output: output, errors: errors, standardInput: standardInput, now: { 1_700_000_000 })
    let status = VODHook.run(arguments: arguments, environment: environment)
    return CommandRun(status: status, stdout: output.bytes, stderr: errors.bytes)
}

func load(_ bytes: [UInt8]) {
    guard ftruncate(standardInput, 0) == 0 else { fuzzFailure("ftruncate failed") }
    let written = bytes.withUnsafeBytes { pwrite(standardInput, $0.baseAddress, $0.count, 0) }
    guard written == bytes.count else { fuzzFailure("pwrite wrote \(written) of \(bytes.count)") }
}

/// The value of `"key": <integer>` in the tool's own JSON, which has no spaces inside numbers.
func integer(after key: String, in bytes: [UInt8]) -> Int? {
    let needle = Array("\"\(key)\":".utf8)
    guard bytes.count >= needle.count else { return nil }
    for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
        var i = start + needle.count
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        var value = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
            value = value * 10 + Int(bytes[i] - 0x30)
            digits += 1
            i += 1
        }
        return digits > 0 ? value : nil
    }
    return nil
}

func checkPipeline(_ input: [String]) {
    let label = input.joined(separator: " ")

    // check --format json: one clean JSON object per document, numbered in order.
    let json = run(["check", "--format", "json"] + input)
    let (records, jsonEnds) = outputLines(json.stdout)
    fuzzCheck(jsonEnds && !records.isEmpty, "\(label) json: no records or an unterminated line")
    var anyInvalid = false
    for (index, record) in records.enumerated() {
        fuzzCheck(isTerminalSafe(Array(record)), "\(label) json: unsafe bytes in \(describe(record))")
        fuzzCheck(cleanSingleDocument(Array(record)), "\(label) json: record is not one clean JSON object: \(describe(record))")
        fuzzCheck(integer(after: "document", in: Array(record)) == index + 1, "\(label) json: record \(index + 1) numbered otherwise")
        if record.firstRange(of: Array(",\"valid\":false,".utf8)) != nil { anyInvalid = true }
    }
    fuzzCheck(json.status == (anyInvalid ? .findings : .success), "\(label) json: exit \(json.status) with invalid=\(anyInvalid)")
    // A machine format on stdout leaves people the counts, last on stderr,
    // after any note the tool has about its input.
    let notes = outputLines(json.stderr)
    fuzzCheck(notes.endsWithNewline && isTerminalSafe(json.stderr), "\(label) json: stderr \(describe(json.stderr))")
    fuzzCheck(notes.lines.last?.starts(with: Array("checked \(records.count) document".utf8)) == true,
              "\(label) json: no count last on stderr: \(describe(json.stderr))")
    for line in notes.lines.dropLast() {
        fuzzCheck(line.starts(with: Array("vodhook check: ".utf8)), "\(label) json: stderr line \(describe(line))")
    }

    // check text, plain and coloured: nothing raw from the input reaches a terminal.
    let text = run(["check", "--color", "never"] + input)
    fuzzCheck(text.status == json.status, "\(label) text: exit \(text.status), json said \(json.status)")
    fuzzCheck(isTerminalSafe(text.stdout), "\(label) text: unsafe output \(describe(text.stdout))")
    let footer = "checked \(records.count) document\(records.count == 1 ? "" : "s"):"
    fuzzCheck(String(decoding: text.stdout, as: UTF8.self).contains(footer), "\(label) text: no footer '\(footer)'")
    let colored = run(["check", "--color", "always"] + input)
    fuzzCheck(isTerminalSafeApartFromStyling(colored.stdout), "\(label) colour: unsafe output \(describe(colored.stdout))")

    // check --format github: every line one workflow command, properties escaped.
    let github = run(["check", "--format", "github"] + input)
    fuzzCheck(github.status == json.status, "\(label) github: exit \(github.status)")
    fuzzCheck(isTerminalSafe(github.stdout), "\(label) github: unsafe output \(describe(github.stdout))")
    for line in outputLines(github.stdout).lines {
        checkAnnotation(Array(line), label)
    }

    let quiet = run(["check", "--quiet", "--strict"] + input)
    fuzzCheck(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(label) quiet: printed something")
    fuzzCheck(quiet.status != .trouble, "\(label) quiet: exit 2")

    // summary: the same number of documents, safe text, clean JSON.
    let summary = run(["summary", "--color", "never"] + input)
    fuzzCheck(summary.status == .success, "\(label) summary: exit \(summary.status)")
    fuzzCheck(isTerminalSafe(summary.stdout), "\(label) summary: unsafe output \(describe(summary.stdout))")
    let summaryJSON = run(["summary", "--format", "json"] + input)
    fuzzCheck(cleanSingleDocument(summaryJSON.stdout), "\(label) summary json: not one clean JSON object: \(describe(summaryJSON.stdout))")
    fuzzCheck(integer(after: "documents", in: summaryJSON.stdout) == records.count, "\(label) summary json: document count differs from check's \(records.count)")

    // normalize: each written line reads back clean; refusals are safe text.
    for variant in [[], ["--canonical"]] {
        let normalized = run(["normalize"] + variant + input)
        fuzzCheck(normalized.status != .trouble, "\(label) normalize \(variant): exit 2")
        let (lines, ends) = outputLines(normalized.stdout)
        fuzzCheck(ends, "\(label) normalize \(variant): unterminated line")
        fuzzCheck(lines.count <= records.count, "\(label) normalize \(variant): more lines than documents")
        for line in lines {
            fuzzCheck(cleanSingleDocument(Array(line)), "\(label) normalize \(variant): bad line \(describe(line))")
        }
        fuzzCheck(isTerminalSafe(normalized.stderr), "\(label) normalize \(variant): unsafe stderr \(describe(normalized.stderr))")
        fuzzCheck((normalized.status == .findings) == !normalized.stderr.isEmpty, "\(label) normalize \(variant): exit \(normalized.status) with stderr \(describe(normalized.stderr))")
    }
    let pretty = run(["normalize", "--pretty"] + input)
    fuzzCheck(pretty.status != .trouble && isTerminalSafe(pretty.stderr), "\(label) normalize --pretty")
}

/// `::error file=-,line=1,col=2,title=rule::message`, nothing else.
func checkAnnotation(_ line: [UInt8], _ label: String) {
    let text = String(decoding: line, as: UTF8.self)
    let commands = ["::error ", "::warning ", "::notice "]
    guard let command = commands.first(where: { text.hasPrefix($0) }) else { fuzzFailure("\(label) github: not a command: \(text)") }
    let rest = text.dropFirst(command.count)
    guard let separator = rest.firstRange(of: "::") else { fuzzFailure("\(label) github: no message separator: \(text)") }
    let properties = rest[..<separator.lowerBound].split(separator: ",", omittingEmptySubsequences: false)
    let names = properties.map { $0.prefix { $0 != "=" } }
    fuzzCheck(names == ["file", "line", "col", "title"], "\(label) github: properties \(names) in \(text)")
    for property in properties {
        fuzzCheck(!property.contains(":") && !property.contains("\r"), "\(label) github: unescaped property \(property)")
    }
}

/// libFuzzer calls this with each input; any trap or failed oracle is a finding.
/// The quick verdict is a second implementation of the spec's checks, so
/// every document the fuzzer makes is also judged both ways.
func checkQuickVerdict(_ bytes: [UInt8]) {
    let validator = Validator()
    let reader = DocumentReader(input: BytesInput(bytes), mode: .stream)
    try? reader.forEach { document in
        guard let json = document.json else { return }
        if let disagreement = validator.quickVerdictDisagreement(json) {
            fuzzFailure("document \(document.index): \(disagreement)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    load(bytes)
    checkQuickVerdict(bytes)
    checkPipeline([])
    checkPipeline(["--input", "body"])
    return 0
}
