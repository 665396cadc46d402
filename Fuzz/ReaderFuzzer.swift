// libFuzzer target: the reader alone, with every invariant it promises.
// Built by Fuzz/build.sh with -sanitize=fuzzer,address; not part of the package.
import VODHookCore

/// Everything a run of the reader says about one document, so two runs over
/// the same bytes can be compared.
struct DocumentRecord: Equatable {
    var index: Int
    var pointerPrefix: String
    var startOffset: Int
    /// Whether the record is only the finding of a top-level array that
    /// broke where a comma or a closing bracket belonged.
    var breaksArray: Bool
    var findings: [String]
    var normalized: [UInt8]?
}

/// Reads every document with the reader's invariants checked as it goes.
func readRecords(_ bytes: [UInt8], mode: ReadingMode, input: any ByteInput, blockSize: Int) -> [DocumentRecord] {
    let reader = DocumentReader(input: input, mode: mode, blockSize: blockSize)
    var records: [DocumentRecord] = []
    do {
        try reader.forEach { document in
            fuzzCheck(document.index == records.count + 1, "document \(document.index) after \(records.count)")
            if let last = records.last {
                // A top-level array that breaks on a byte starting the next
                // line is reported at that byte, where the next document
                // starts too: only that record may share its offset.
                let sharesItsByte = last.breaksArray && document.pointerPrefix.isEmpty && document.startOffset == last.startOffset
                fuzzCheck(document.startOffset > last.startOffset || sharesItsByte,
                          "document starts at \(document.startOffset), after one at \(last.startOffset)")
            }
            fuzzCheck(document.startOffset >= 0 && document.startOffset <= bytes.count, "start offset \(document.startOffset) outside the input")
            fuzzCheck(document.json != nil || document.findings.contains { $0.severity == .error }, "an unparsed document without an error")
            var findings: [String] = []
            for finding in document.findings {
                fuzzCheck(finding.offset >= 0 && finding.offset <= bytes.count, "finding offset \(finding.offset) outside the input")
                let position = reader.position(ofSourceOffset: finding.offset)
                fuzzCheck(position.line >= 1 && position.column >= 1, "position \(position)")
                let line = reader.sourceLine(containing: finding.offset, reach: 240)
                fuzzCheck(line.text.count <= 2 * 240 + 8, "excerpt of \(line.text.count) bytes")
                fuzzCheck(line.startOffset <= finding.offset, "excerpt starts after its finding")
                findings.append("\(finding.rule) \(finding.severity) @\(finding.offset) \(position) \(finding.pointer) \(finding.message) | \(finding.hint ?? "")")
            }
            var normalized: [UInt8]?
            if let json = document.json {
                checkTape(json, startOffset: document.startOffset)
                normalized = checkWriters(json, findings: document.findings)
            }
            records.append(DocumentRecord(
                index: document.index, pointerPrefix: document.pointerPrefix, startOffset: document.startOffset,
                breaksArray: breaksArray(document, bytes),
                findings: findings, normalized: normalized))
        }
    } catch {
        fuzzFailure("an in-memory input threw \(error)")
    }
    fuzzCheck(!records.isEmpty, "no document reported at all")
    return records
}

/// Whether a record is only the finding of a top-level array's element
/// list broken at the first byte of a line: the one record whose offset
/// the next document may share.
func breaksArray(_ document: borrowing ReadDocument, _ bytes: [UInt8]) -> Bool {
    guard document.json == nil, document.findings.count == 1, !document.pointerPrefix.isEmpty else { return false }
    let finding = document.findings[0]
    guard finding.offset == document.startOffset, finding.message.hasPrefix("expected ',' or ']' after an array element") else {
        return false
    }
    var before = finding.offset - 1
    while before >= 0, bytes[before] == 0x20 || bytes[before] == 0x09 || bytes[before] == 0x0D { before -= 1 }
    return before >= 0 && bytes[before] == 0x0A
}

/// The tape is well-formed: ranges inside the buffer, subtrees nested, counts right.
func checkTape(_ json: JSONDocument, startOffset: Int) {
    let nodes = json.nodes
    fuzzCheck(!nodes.isEmpty, "an empty tape")
    fuzzCheck(json.sourceOffset(of: 0) == startOffset, "root at \(json.sourceOffset(of: 0)), document at \(startOffset)")
    fuzzCheck(Int(nodes[0].next) == nodes.count, "root subtree ends at \(nodes[0].next) of \(nodes.count)")
    for (index, node) in nodes.enumerated() {
        fuzzCheck(node.start >= 0 && node.start < node.end && node.end <= json.bytes.count, "node \(index) range \(node.start)..<\(node.end)")
        fuzzCheck(Int(node.next) > index && Int(node.next) <= nodes.count, "node \(index) next \(node.next)")
        switch node.kind {
        case .object:
            var visited = 0
            var last = index + 1
            for (key, value) in json.members(of: index) {
                fuzzCheck(nodes[key].kind == .string, "object key of kind \(nodes[key].kind)")
                visited += 1
                last = Int(nodes[value].next)
                _ = json.string(key)
            }
            fuzzCheck(visited == Int(node.count) && last == Int(node.next), "object \(index) members")
        case .array:
            var visited = 0
            var last = index + 1
            for element in json.elements(of: index) {
                visited += 1
                last = Int(nodes[element].next)
            }
            fuzzCheck(visited == Int(node.count) && last == Int(node.next), "array \(index) elements")
        case .string:
            _ = json.decodedBytes(index)
        default:
            fuzzCheck(Int(node.next) == index + 1, "scalar \(index) has a subtree")
        }
    }
    // The one-pass pointers agree with the walk from the root, in any order asked.
    let targets = Array(nodes.indices.prefix(256).reversed()) + [0]
    let pointers = json.pointers(to: targets, prefix: "/7")
    for (target, pointer) in zip(targets, pointers) {
        fuzzCheck(pointer == json.pointer(to: target, prefix: "/7"), "pointer of node \(target): \(pointer) vs \(json.pointer(to: target, prefix: "/7"))")
    }
}

/// The writers' output reads back as the same document, and writing is idempotent.
func checkWriters(_ json: JSONDocument, findings: [Diagnostic]) -> [UInt8] {
    var compact: [UInt8] = []
    JSONWriter.write(json, layout: .compact, into: &compact)
    var pretty: [UInt8] = []
    JSONWriter.write(json, layout: .pretty, topLevelOrder: ["MediaId", "EventType", "Status"], into: &pretty)
    var canonical: [UInt8] = []
    let hasCanonical = JSONWriter.writeCanonical(json, into: &canonical)
    // Duplicate keys are written as they are, and so found again on reading.
    guard !findings.contains(where: { $0.rule == .jsonDuplicateKey }) else { return compact }
    fuzzCheck(cleanSingleDocument(compact) { again in
        var twice: [UInt8] = []
        JSONWriter.write(again, layout: .compact, into: &twice)
        fuzzCheck(twice == compact, "compact output is not a fixed point: \(describe(compact)) then \(describe(twice))")
    }, "compact output does not read back: \(describe(compact))")
    fuzzCheck(cleanSingleDocument(pretty), "pretty output does not read back: \(describe(pretty))")
    if hasCanonical {
        fuzzCheck(cleanSingleDocument(canonical) { again in
            var twice: [UInt8] = []
            fuzzCheck(JSONWriter.writeCanonical(again, into: &twice) && twice == canonical, "canonical output is not a fixed point: \(describe(canonical))")
        }, "canonical output does not read back: \(describe(canonical))")
    } else {
        fuzzCheck(canonical.isEmpty, "a failed canonical write left bytes behind")
    }
    return compact
}

/// libFuzzer calls this with each input; any trap or failed oracle is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    for mode in ReadingMode.allCases {
        let whole = readRecords(bytes, mode: mode, input: BytesInput(bytes), blockSize: 1 << 20)
        // The smallest buffer and a dribbling input: every boundary lands somewhere new.
        let step = 1 + bytes.count % 7
        let dribbled = readRecords(bytes, mode: mode, input: DribbleInput(bytes, step: step), blockSize: 16)
        if whole != dribbled {
            let first = zip(whole, dribbled).first { $0 != $1 }
            fuzzFailure("mode \(mode): reading in one block and in \(step)-byte reads into a 16-byte buffer differ: \(String(describing: first)) (\(whole.count) vs \(dribbled.count) documents)")
        }
    }
    return 0
}
