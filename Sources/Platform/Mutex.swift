import CLibrary

/// State that threads share, reached only while its lock is held, with a
/// condition to wait on until the state is as a thread needs it.
///
/// The lock owns what it guards, so a type that keeps its shared state in
/// one is plainly `Sendable`: the compiler checks every access goes through
/// `withLock`, where a bare lock beside the state relied on each access
/// remembering to take it. `Synchronization.Mutex` has no condition to wait
/// on and needs macOS 15 (docs/design.md, "Shared state").
public final class Mutex<State: ~Copyable>: @unchecked Sendable {  // @unchecked: `state` is read and written only between lock and unlock below
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var state: State

    /// `state` is handed over: nothing outside the lock keeps a reference into it.
    public init(_ state: consuming sending State) {
        self.state = state
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` on the state, holding the lock.
    public func withLock<Result: ~Copyable, Failure: Error>(
        _ body: (inout sending State) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }

    /// Waits, holding the lock, until `ready` says the state is as wanted,
    /// then runs `body` on it. Whoever changes what `ready` looks at wakes
    /// the waiters with `wakeWaiters()`.
    public func withLock<Result: ~Copyable, Failure: Error>(
        waitingUntil ready: (borrowing State) -> Bool,
        _ body: (inout sending State) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !ready(state) { pthread_cond_wait(condition, mutex) }
        return try body(&state)
    }

    /// Wakes every thread waiting in `withLock(waitingUntil:_:)`, to look at
    /// the state again; call it from inside `withLock`, after the change.
    public func wakeWaiters() { pthread_cond_broadcast(condition) }
}
