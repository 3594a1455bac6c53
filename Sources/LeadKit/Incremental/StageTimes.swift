#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How long each stage of a build took, in order, and the process's peak memory when it ended:
/// what `leads build --timings` prints, and where a profile of a big folder starts.
public struct StageTimes: Sendable {
    /// Stage names (`list`, `read`, …) with their wall time in seconds and the peak resident
    /// memory so far, in MiB.
    public private(set) var stages: [(name: String, seconds: Double, peakMiB: Int)] = []
    private var last = ContinuousClock.now

    public init() {}

    /// Ends the stage `name`, started when the previous one ended (or at `init`).
    mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        stages.append((name, FolderWatcher.seconds(last.duration(to: now)), Self.peakMiB()))
        last = now
    }

    /// `list 0.21 s · read 0.30 s · …`.
    public var line: String {
        stages.map { "\($0.name) \(Self.format($0.seconds)) s" }.joined(separator: " · ")
    }

    /// `peak memory after list 40 MiB · read 120 MiB · …`.
    public var memoryLine: String {
        "peak memory after " + stages.map { "\($0.name) \($0.peakMiB) MiB" }.joined(separator: " · ")
    }

    /// The process's peak resident memory so far (`getrusage`: KiB on Linux, bytes on macOS).
    static func peakMiB() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
            let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
            let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        #if canImport(Darwin)
            return Int(usage.ru_maxrss) / (1024 * 1024)
        #else
            return Int(usage.ru_maxrss) / 1024
        #endif
    }

    static func format(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
