import Platform
import VODHookCore

/// The queue between the event loop, which reads whole requests, and the
/// worker threads, which check, relay, save and answer them; and the way
/// back, so a kept-alive connection returns to the loop for its next request.
final class Handoff: Sendable {
    struct Job: Sendable {
        var descriptor: Int32
        var raw: [UInt8]
        var head: HTTPRequestHead
    }

    struct Done: Sendable {
        var descriptor: Int32
        var close: Bool
    }

    private struct State {
        var jobs: [Job] = []
        var nextJob = 0
        var done: [Done] = []
        var closed = false
    }

    private let state = Mutex(State())
    /// Written once per finished job: the loop's poll wakes up for it.
    let notify: WakePipe

    init(notify: WakePipe) { self.notify = notify }

    func submit(_ job: Job) {
        state.withLock { state in
            state.jobs.append(job)
            self.state.wakeWaiters()
        }
    }

    /// The next job, waiting for one; nil once closed.
    func nextJob() -> Job? {
        state.withLock(waitingUntil: { $0.nextJob < $0.jobs.count || $0.closed }) { state in
            guard state.nextJob < state.jobs.count else { return nil }
            let job = state.jobs[state.nextJob]
            state.nextJob += 1
            if state.nextJob == state.jobs.count {
                state.jobs.removeAll(keepingCapacity: true)
                state.nextJob = 0
            }
            return job
        }
    }

    func finished(_ done: Done) {
        state.withLock { $0.done.append(done) }
        notify.wake()
    }

    func takeFinished() -> [Done] {
        state.withLock { state in
            defer { state.done.removeAll(keepingCapacity: true) }
            return state.done
        }
    }

    /// Workers return once the queue is empty.
    func close() {
        state.withLock { state in
            state.closed = true
            self.state.wakeWaiters()
        }
    }
}
