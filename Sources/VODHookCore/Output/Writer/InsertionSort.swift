extension UnsafeMutableBufferPointer {
    /// A stable insertion sort, in place. The keys of a callback's objects
    /// are few and often in order already, where it makes one comparison a
    /// key; both canonical key sorts use it below their size limits.
    @inline(__always)
    func insertionSort(by precedes: (Element, Element) -> Bool) {
        for i in stride(from: 1, to: count, by: 1) {
            let entry = self[i]
            var j = i
            while j > 0 && precedes(entry, self[j - 1]) {
                self[j] = self[j - 1]
                j -= 1
            }
            self[j] = entry
        }
    }
}
