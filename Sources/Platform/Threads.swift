import CLibrary

/// Plain POSIX threads for `--jobs`: the binary links neither Foundation
/// nor Dispatch, and these few threads need nothing more.
public final class WorkerThreads {
    private var threads: [pthread_t] = []

    /// Starts `count` threads running `body(index)`; nil when the system
    /// would not start them all. Those that did start are joined first,
    /// after `cancel`, which must make them return.
    public init?(count: Int, cancel: () -> Void = {}, _ body: @escaping @Sendable (Int) -> Void) {
        for index in 0..<count {
            let task = Unmanaged.passRetained(ThreadTask(index: index, body: body)).toOpaque()
            guard let thread = Self.start(task) else {
                Unmanaged<ThreadTask>.fromOpaque(task).release()
                cancel()
                join()
                return nil
            }
            threads.append(thread)
        }
    }

    /// Waits for every thread to return.
    public func join() {
        for thread in threads { pthread_join(thread, nil) }
        threads.removeAll()
    }

    /// Lets every thread run on without being waited for: its resources go
    /// back to the system when it returns. For threads a caller will not
    /// join (a thread never joined nor detached is leaked).
    public func detach() {
        for thread in threads { pthread_detach(thread) }
        threads.removeAll()
    }

    /// pthread_t is an integer in Glibc and a non-null pointer in Darwin and
    /// Musl, where pthread_create fills an optional: neither has a portable
    /// empty value, so each gets its own slot.
    private static func start(_ task: UnsafeMutableRawPointer) -> pthread_t? {
        #if canImport(Glibc)
        var thread = pthread_t()
        guard pthread_create(&thread, nil, { runTask($0) }, task) == 0 else { return nil }
        return thread
        #else
        var thread: pthread_t?
        guard pthread_create(&thread, nil, { runTask($0) }, task) == 0 else { return nil }
        return thread
        #endif
    }
}

/// The thread entry point. Its argument is optional in Glibc and Musl and
/// not in Darwin: the closures above pass either to this one signature.
private func runTask(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    // The task `start` passed to pthread_create, never nil.
    let task = Unmanaged<ThreadTask>.fromOpaque(argument!).takeRetainedValue()
    task.body(task.index)
    return nil
}

private final class ThreadTask: Sendable {
    let index: Int
    let body: @Sendable (Int) -> Void
    init(index: Int, body: @escaping @Sendable (Int) -> Void) {
        self.index = index
        self.body = body
    }
}

/// Starts `body` on a detached thread; false when the system would not.
public func startDetachedThread(_ body: @escaping @Sendable () -> Void) -> Bool {
    let box = Unmanaged.passRetained(DetachedBody(body)).toOpaque()
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t?
    #endif
    guard pthread_create(&thread, nil, { argument in
        Unmanaged<DetachedBody>.fromOpaque(argument!).takeRetainedValue().body()
        return nil
    }, box) == 0 else {
        Unmanaged<DetachedBody>.fromOpaque(box).release()
        return false
    }
    #if canImport(Glibc)
    pthread_detach(thread)
    #else
    if let thread { pthread_detach(thread) }
    #endif
    return true
}

private final class DetachedBody: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}
