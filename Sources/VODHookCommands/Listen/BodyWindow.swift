/// The bodies `listen` remembers, for "copy of request N" and --fail-first:
/// the last `capacity` distinct ones, oldest forgotten first, so a run of
/// any length holds a bounded record (about 10 MB at the default 65,536).
struct BodyWindow {
    static let defaultCapacity = 65_536

    let capacity: Int
    /// Per body digest: the request it first came in, and how many times it came.
    private var seen: [String: (first: Int, attempts: Int)] = [:]
    /// Digests in the order they were first seen; `oldest` is where the next one goes once full.
    private var order: [String] = []
    private var oldest = 0

    init(capacity: Int = Self.defaultCapacity) {
        self.capacity = max(capacity, 1)
    }

    var count: Int { seen.count }

    /// Records one arrival of `digest` as request `request`; returns its first request and attempts so far.
    mutating func arrived(_ digest: String, request: Int) -> (first: Int, attempts: Int) {
        if var known = seen[digest] {
            known.attempts += 1
            seen[digest] = known
            return known
        }
        if order.count < capacity {
            order.append(digest)
        } else {
            seen[order[oldest]] = nil
            order[oldest] = digest
            oldest = (oldest + 1) % capacity
        }
        seen[digest] = (request, 1)
        return (request, 1)
    }
}
