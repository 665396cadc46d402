import Platform
import VODHookCore

/// `summary --merge`: reads per-part `summary --format json` documents
/// (files, or any number of them one after another on standard input) and
/// adds them up. Input that is not such a document stops the merge with
/// one line naming the part and the reason (exit status 2): a merge that
/// skipped a part would print an undercount that looks exact.
enum SummaryMerge {
    /// Far above any summary (a few KiB, growing with distinct values), so a
    /// real part is never cut short; what it stops is `--merge /dev/zero`.
    static let partLimit = 64 << 20

    struct Failure: Error {
        let reason: String
    }

    /// The parts' totals added up, or the first part that could not be read.
    static func totals(paths: [String], _ environment: CommandEnvironment) -> Result<SummaryTotals, Failure> {
        var merged: SummaryTotals?
        for path in paths.isEmpty ? ["-"] : paths {
            let name = path == "-" ? "<stdin>" : TerminalSafe.path(path)
            let parts: [SummaryTotals]
            do {
                parts = try read(bytes(path, environment))
            } catch {
                return .failure(Failure(reason: "\(name): \(error.reason)"))
            }
            for part in parts {
                if merged == nil { merged = part } else { merged!.merge(part) }
            }
        }
        // Every path gave at least one part, or returned above.
        return merged.map { .success($0) } ?? .failure(Failure(reason: "no summary to merge"))
    }

    private static func bytes(_ path: String, _ environment: CommandEnvironment) throws(Failure) -> [UInt8] {
        var descriptor = environment.standardInput
        if path != "-" {
            do {
                descriptor = try Files.openForReading(path)
            } catch {
                throw Failure(reason: "cannot read: \(SourceList.reason(error))")
            }
        }
        defer { if path != "-" { try? Files.close(descriptor) } }
        var input = FileDescriptorInput(descriptor: descriptor)
        guard let bytes = try? input.readUpTo(partLimit + 1) else { throw Failure(reason: "cannot read") }
        guard bytes.count <= partLimit else { throw Failure(reason: "larger than \(partLimit >> 20) MiB; not a summary") }
        return bytes
    }

    /// Every JSON document in `bytes`, each a summary.
    static func read(_ bytes: [UInt8]) throws(Failure) -> [SummaryTotals] {
        var parts: [SummaryTotals] = []
        var failure: Failure?
        let reader = DocumentReader(input: BytesInput(bytes), mode: .stream)
        do throws(InputError) {
            try reader.forEach { document in
                guard failure == nil else { return }
                if let problem = document.findings.first(where: { $0.severity == .error }) {
                    failure = Failure(reason: problem.rule == .noDocument ? "empty; expected 'summary --format json' output"
                                      : "not JSON (document \(document.index): \(problem.message))")
                    return
                }
                guard let json = document.json else { return }
                do throws(Failure) {
                    parts.append(try SummaryPart(json).totals())
                } catch {
                    failure = Failure(reason: "document \(document.index): \(error.reason)")
                }
            }
        } catch {
            throw Failure(reason: error.reason)
        }
        if let failure { throw failure }
        return parts
    }
}

/// One `summary --format json` document read back into totals; each
/// mistake names the key.
private struct SummaryPart {
    let json: JSONDocument

    init(_ json: JSONDocument) { self.json = json }

    func totals() throws(SummaryMerge.Failure) -> SummaryTotals {
        guard json[json.root].kind == .object else {
            throw .init(reason: "not a summary: \(json[json.root].kind.nameWithArticle), not an object")
        }
        let root = json.root
        guard let versionNode = member(root, "version") else {
            throw .init(reason: "not 'summary --format json' output of this vodhook (no \"version\"); summarize the part again")
        }
        guard json[versionNode].kind == .number else { throw .init(reason: "\"version\" is \(json[versionNode].kind.nameWithArticle), not a number") }
        let version = try count(versionNode, "version")
        guard version == SummaryJSON.version else {
            throw .init(reason: "summary version \(version); this vodhook merges version \(SummaryJSON.version)")
        }
        var totals = SummaryTotals()
        totals.tally.documents = try integer(root, "documents")
        totals.tally.valid = try integer(root, "valid")
        totals.tally.invalid = try integer(root, "invalid")
        totals.tally.errors = try integer(root, "errors")
        totals.tally.warnings = try integer(root, "warnings")
        totals.tally.notes = try integer(root, "notes")
        totals.eventTypes = try counts(root, "eventTypes")
        totals.status = try counts(root, "status")
        totals.mediaType = try counts(root, "mediaType")
        totals.deleteType = try counts(root, "deleteType")
        totals.errorCodes = try counts(root, "errorCodes")
        totals.firstEventTime = try optionalString(root, "firstEventTime")
        totals.lastEventTime = try optionalString(root, "lastEventTime")
        totals.duplicates = try integer(root, "duplicates")
        totals.distinctMediaIds = try integer(root, "distinctMediaIds")
        totals.distinctMedia = try integer(root, "distinctMedia")
        totals.shardKey = try optionalString(root, "shardKey")
        totals.distinctCountsAreExact = try boolean(root, "distinctCountsExact")
        let events = try required(root, "byEventType", .object)
        for (key, value) in json.members(of: events) {
            let name = json.string(key)
            guard json[value].kind == .object else { throw .init(reason: "\"byEventType\" \"\(name)\" is not an object") }
            totals.events[name] = EventTotals(
                documents: try integer(value, "documents"), valid: try integer(value, "valid"),
                status: try counts(value, "status"), errorCodes: try counts(value, "errorCodes"), codes: try counts(value, "codes"),
                duplicates: try integer(value, "duplicates"), identity: try optionalString(value, "identity"),
                distinctIdentities: try integer(value, "distinctIdentities"))
        }
        return totals
    }

    private func member(_ object: Int, _ name: String) -> Int? {
        json.members(of: object).first { json.string($0.key) == name }?.value
    }

    private func required(_ object: Int, _ name: String, _ kind: JSONKind) throws(SummaryMerge.Failure) -> Int {
        guard let value = member(object, name) else { throw .init(reason: "not a summary: no \"\(name)\"") }
        guard json[value].kind == kind else {
            throw .init(reason: "\"\(name)\" is \(json[value].kind.nameWithArticle), not \(kind.nameWithArticle)")
        }
        return value
    }

    private func integer(_ object: Int, _ name: String) throws(SummaryMerge.Failure) -> Int {
        try count(required(object, name, .number), name)
    }

    /// A count: digits only, as `summary` writes them.
    private func count(_ node: Int, _ name: String) throws(SummaryMerge.Failure) -> Int {
        let digits = json.rawBytes(of: node)
        var value = 0
        for digit in digits {
            guard digit >= 0x30 && digit <= 0x39, value < Int.max / 10 - 9 else {
                throw .init(reason: "\"\(name)\" is not a count: \(String(decoding: digits.prefix(40), as: UTF8.self))")
            }
            value = value * 10 + Int(digit - 0x30)
        }
        return value
    }

    private func counts(_ object: Int, _ name: String) throws(SummaryMerge.Failure) -> CountedValues {
        var values = CountedValues()
        for (key, value) in json.members(of: try required(object, name, .object)) {
            guard json[value].kind == .number else { throw .init(reason: "\"\(name)\" holds \(json[value].kind.nameWithArticle), not a count") }
            values.add(json.string(key), count: try count(value, name))
        }
        return values
    }

    private func optionalString(_ object: Int, _ name: String) throws(SummaryMerge.Failure) -> String? {
        guard let value = member(object, name) else { throw .init(reason: "not a summary: no \"\(name)\"") }
        switch json[value].kind {
        case .null: return nil
        case .string: return json.string(value)
        default: throw .init(reason: "\"\(name)\" is \(json[value].kind.nameWithArticle), not a string or null")
        }
    }

    private func boolean(_ object: Int, _ name: String) throws(SummaryMerge.Failure) -> Bool {
        guard let value = member(object, name) else { throw .init(reason: "not a summary: no \"\(name)\"") }
        switch json[value].kind {
        case .true: return true
        case .false: return false
        default: throw .init(reason: "\"\(name)\" is \(json[value].kind.nameWithArticle), not a boolean")
        }
    }
}
