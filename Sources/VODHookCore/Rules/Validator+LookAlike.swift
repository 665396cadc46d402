extension Validator {
    /// The one finding for another vendor's payload, when the document's
    /// keys show enough of one vendor's tell-tales (`VendorShapes`); nil for
    /// everything else. Runs on the full check only: a document the quick
    /// verdict passes has only spec fields as keys, and every vendor needs a
    /// key VOD never sends.
    func vendorLookAlike(_ document: JSONDocument, _ pointerPrefix: String) -> Diagnostic? {
        // Most documents the full check sees are VOD's own with a fault: a
        // byte compare of their keys with the gate's names rules them out
        // before any String is made (the weighing below cost ~30,000
        // instructions a document, a tenth of `check`'s time on a corpus).
        guard Self.mayBeLookAlike(document) else { return nil }
        let vendors = VendorShapes.all
        var weights = [Int](repeating: 0, count: vendors.count)
        var evidence = [[(weight: Int, seen: String, key: Int)]](repeating: [], count: vendors.count)
        let eventType = Self.memberValue(document, named: "EventType", ignoringCase: false)
            .flatMap { document[$0].kind == .string ? document.shortString($0) : nil }
        func consider(_ key: Int, _ value: Int, name: String, parent: String?) {
            for (vendor, shape) in vendors.enumerated() {
                // Each key counts once a vendor, by its strongest sign.
                var best: (weight: Int, seen: String)?
                for tale in shape.tellTales where tale.parent == parent && tale.names(name) {
                    guard let seen = matching(tale, key: name, value, document, eventType: eventType) else { continue }
                    if tale.weight > (best?.weight ?? 0) { best = (tale.weight, tale.described(key: name, value: seen)) }
                }
                guard let best else { continue }
                weights[vendor] += best.weight
                evidence[vendor].append((best.weight, best.seen, key))
            }
        }
        for (key, value) in document.members(of: document.root) {
            guard let name = document.shortString(key) else { continue }
            consider(key, value, name: name, parent: nil)
            guard document[value].kind == .object else { continue }
            for (inner, innerValue) in document.members(of: value) {
                guard let innerName = document.shortString(inner) else { continue }
                consider(inner, innerValue, name: innerName, parent: name)
            }
        }
        guard let strongest = weights.indices.max(by: { weights[$0] < weights[$1] }), weights[strongest] >= 2 else { return nil }
        let shape = vendors[strongest]
        // The strongest signs first, and only a few: Tencent sends a dozen
        // `...Event` keys set to null beside the one that holds the event.
        let ranked = evidence[strongest].enumerated().sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }.map(\.element)
        let seen = ranked.map(\.seen)
        let signs = seen.count > 3 ? Array(seen.prefix(3)) + ["\(seen.count - 3) more"] : seen
        let list = signs.count == 1 ? signs[0] : signs.dropLast().joined(separator: ", ") + " and " + signs.last!
        // The finding sits on the strongest sign (ranked is not empty: its weights reached 2).
        let key = ranked[0].key
        return Diagnostic(
            .error, .lookAlike,
            "this is \(shape.vendor)'s callback, not ApsaraVideo VOD's: it has \(list)",
            offset: document.sourceOffset(of: key), pointer: document.pointer(to: key + 1, prefix: pointerPrefix),
            hint: shape.advice)
    }

    /// Whether some top-level key could start a vendor's case: one of the
    /// signs' top-level names that no event has as a field, or a name ending
    /// in `Event`. Every vendor's weight of 2 needs such a key, but for
    /// Volcengine's `Data.Vid` alone, which is left to the full check.
    static func mayBeLookAlike(_ document: JSONDocument) -> Bool {
        let suffix: StaticString = "Event"
        let suffixBytes = UnsafeRawBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        let gate = gateWords
        var key = document.root + 1
        for _ in 0..<Int(document[document.root].count) {
            let value = key + 1
            let found = document.withDecodedString(key) { bytes -> Bool in
                if bytes.count > suffixBytes.count,
                   UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - suffixBytes.count)...]).equals(suffixBytes) { return true }
                // No gate name is longer than 16 bytes, so equal words are equal names.
                let words = KeyWords(bytes)
                return words.coversAll && gate.contains(words)
            }
            if found { return true }
            key = Int(document[value].next)
        }
        return false
    }

    /// The signs' top-level names (and the objects nested signs sit in) that
    /// are no event's field, as `KeyWords`: a key is compared in integers.
    static let gateWords: [KeyWords] = {
        let fields = Set(EventCatalog.events.flatMap { $0.fields.map(\.name) })
        var names: [String] = []
        for shape in VendorShapes.all {
            for tale in shape.tellTales {
                let name = tale.parent ?? { if case .exact(let name) = tale.name { return name } else { return "" } }()
                if !name.isEmpty && !fields.contains(name) && !names.contains(name) { names.append(name) }
            }
        }
        precondition(names.allSatisfy { $0.utf8.count <= 16 }, "a look-alike gate name longer than KeyWords covers")
        return names.map { Array($0.utf8).withUnsafeBytes(KeyWords.init) }
    }()

    /// The value's text for a sign that matches it ("" when the sign quotes no value); nil when it does not match.
    private func matching(_ tale: TellTale, key: String, _ value: Int, _ document: JSONDocument, eventType: String?) -> String? {
        let kind = document[value].kind
        switch tale.shape {
        case .any: return ""
        case .object: return kind == .object ? "" : nil
        case .eventObject:
            guard kind == .object, let eventType, case .suffix(let ending) = tale.name, key == eventType + ending else { return nil }
            return ""
        case .number: return kind == .number ? "" : nil
        case .text(let values):
            guard kind == .string, let text = document.shortString(value), values.contains(text) else { return nil }
            return text
        }
    }
}
