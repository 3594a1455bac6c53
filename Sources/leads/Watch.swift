import Foundation
import LeadKit

/// What `serve` and `build --watch` share on the command line: the clock, the signals, and a line
/// for each rebuild.
enum Watch {
    /// Seconds since 1970, for each build's `BuildReuse.startedAt`: only the command line asks the clock.
    static let clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

    /// Builds, then again after every change, printing a line for each build and calling `after`
    /// with its failure (nil when it worked; a broken file's problems are in the report). Never returns.
    static func run(_ options: BuildOptions, after: (_ failure: String?) -> Void) -> Never {
        stopOnSignals()
        Rebuilder(options: options, clock: clock).run { outcome in
            switch outcome {
            case .success(let summary):
                say(
                    DiagnosticSummary.line(
                        errors: summary.errorCount, warnings: summary.warningCount, files: summary.fileCount)
                        + " · \(summary.written) files written, \(summary.kept) unchanged")
                after(nil)
            case .failure(let error):
                say("error: \(error)")
                after("\(error)")
            }
        }
    }

    /// Ctrl-C and `kill` end the process even when it was started with those signals blocked or
    /// ignored (a parent's mask is inherited): this runs until it is told to stop.
    static func stopOnSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// Prints at once: the output is often a pipe (an editor's task runner, a test).
    static func say(_ line: String) {
        print(line)
        fflush(nil)
    }
}
