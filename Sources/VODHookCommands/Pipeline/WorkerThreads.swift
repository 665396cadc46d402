#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Plain POSIX threads for `--jobs`: the binary links neither Foundation
/// nor Dispatch, and these few threads need nothing more.
final class WorkerThreads {
    private var threads: [pthread_t] = []

    /// Starts `count` threads running `body(index)`; nil when the system
    /// would not start them all. Those that did start are joined first,
    /// after `cancel`, which must make them return.
    init?(count: Int, cancel: () -> Void = {}, _ body: @escaping @Sendable (Int) -> Void) {
        for index in 0..<count {
            let task = Unmanaged.passRetained(ThreadTask(index: index, body: body)).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(&thread, nil, { argument in
                let task = Unmanaged<ThreadTask>.fromOpaque(argument!).takeRetainedValue()
                task.body(task.index)
                return nil
            }, task)
            guard started == 0 else {
                Unmanaged<ThreadTask>.fromOpaque(task).release()
                cancel()
                join()
                return nil
            }
            threads.append(thread)
        }
    }

    func join() {
        for thread in threads { pthread_join(thread, nil) }
        threads.removeAll()
    }
}

private final class ThreadTask: Sendable {
    let index: Int
    let body: @Sendable (Int) -> Void
    init(index: Int, body: @escaping @Sendable (Int) -> Void) {
        self.index = index
        self.body = body
    }
}

/// A mutex and a condition variable at stable addresses, as POSIX needs.
final class Monitor: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` holding the lock.
    func locked<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Waits, holding the lock, until `ready()` is true, then runs `body`.
    func wait<R>(until ready: () -> Bool, then body: () -> R) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !ready() { pthread_cond_wait(condition, mutex) }
        return body()
    }

    /// Wakes every waiter; call after changing what they wait for, under `locked`.
    func signalAll() { pthread_cond_broadcast(condition) }
}
