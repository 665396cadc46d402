import Platform

/// One line on standard error, rewritten in place, for a long run whose
/// output goes elsewhere: documents so far and the rate. Shown only when
/// standard error is a terminal and standard output is not (on one
/// terminal the two would overwrite each other), and only after a second,
/// so short runs never flash it.
final class ProgressLine {
    private let errors: any OutputSink
    private let command: String
    private let noun: String
    private let started = MonotonicClock.milliseconds()
    private var lastShown = 0
    private var shown = false

    /// Nil when progress must not be shown.
    init?(_ environment: CommandEnvironment, command: String, noun: String) {
        guard environment.errorsIsTerminal && !environment.outputIsTerminal else { return nil }
        errors = environment.errors
        self.command = command
        self.noun = noun
    }

    /// `count` so far; cheap enough to call for every document.
    func update(_ count: Int) {
        // The clock is asked once every 1,024 documents, or for every one of a slow run.
        guard count & 1023 == 0 || count < 1024 else { return }
        let now = MonotonicClock.milliseconds()
        guard now - started >= 1000, now - lastShown >= 250 else { return }
        lastShown = now
        shown = true
        let rate = count * 1000 / max(now - started, 1)
        errors.write("\r\u{1B}[K\(command): \(count) \(noun) so far, \(rate)/s")
        errors.flush()
    }

    /// Clears the line, so what follows starts clean.
    func finish() {
        guard shown else { return }
        errors.write("\r\u{1B}[K")
        errors.flush()
    }
}
