import Foundation

/// Notices changes in folders by their files' stamps: added, deleted, renamed, saved in place or by
/// rename (as many editors do). Polling costs a listing per look, so it looks less often the longer a
/// listing takes.
public struct FolderWatcher: Sendable {
    public var folders: [String]

    public init(folders: [String]) {
        self.folders = folders
    }

    /// The stamps of every visible file below the folders, as one fingerprint.
    public func signature() -> Fingerprint {
        var fingerprint = Fingerprint()
        for folder in folders {
            fingerprint.combine(folder)
            for path in FolderWalker(root: folder).walk().files {
                fingerprint.combine(path)
                FileStamp.of(folder + "/" + path)?.combine(into: &fingerprint)
            }
        }
        return fingerprint
    }

    /// Waits until the folders differ from `known`, then until they stay unchanged for `settle` (an
    /// editor's save is often several writes); returns the new signature.
    public func waitForChange(from known: Fingerprint, settle: Duration = .milliseconds(100)) -> Fingerprint {
        var interval = Duration.milliseconds(200)
        while true {
            let started = ContinuousClock.now
            let current = signature()
            interval = max(.milliseconds(200), (ContinuousClock.now - started) * 3)
            if current != known {
                var settled = current
                while true {
                    Thread.sleep(forTimeInterval: Self.seconds(settle))
                    let again = signature()
                    if again == settled { return again }
                    settled = again
                }
            }
            Thread.sleep(forTimeInterval: Self.seconds(interval))
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
