extension JSONDocument {
    /// The pointer of a member of the root object, from its key (a member's
    /// value is the node after its key). Every finding of the validator is
    /// about one; `pointer(to:)` would walk the members before it, which made
    /// a callback with a million unknown fields take hours (the stress run).
    func rootMemberPointer(key: Int, prefix: String) -> String {
        JSONPointer.appending(string(key), to: prefix)
    }
}
