/// The documented exit codes. Nothing else is ever returned.
public enum ExitCode: Int32, Sendable {
    /// Every document valid; the report was made; everything was written.
    case success = 0
    /// Some document is invalid (check, verify), could not be written (normalize) or was not delivered (send).
    case findings = 1
    /// A usage error, a path that could not be read, or a receiver send could not reach.
    case trouble = 2
}

/// What a run saw that decides its exit code. The one place that maps it.
struct RunOutcome {
    var tally = DiagnosticTally()
    /// Usage errors, unreadable paths, and receivers send cannot reach.
    var hadTrouble = false
    /// Documents a command could not do its job on (normalize's unwritten ones, send's undelivered ones).
    var failedDocuments = 0

    enum Judgement {
        /// check and verify: invalid documents fail the run.
        case validity
        /// summary: reports; only trouble fails.
        case reportOnly
        /// normalize, sample and send: documents that could not be written or delivered fail the run.
        case output
    }

    func exitCode(_ judgement: Judgement) -> ExitCode {
        if hadTrouble { return .trouble }
        switch judgement {
        case .validity: return tally.invalid > 0 ? .findings : .success
        case .reportOnly: return .success
        case .output: return failedDocuments > 0 ? .findings : .success
        }
    }
}

import VODHookCore
