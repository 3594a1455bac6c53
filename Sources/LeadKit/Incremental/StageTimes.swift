/// How long each stage of a build took, in order: what `leads build --timings` prints, and where a
/// profile of a big folder starts.
public struct StageTimes: Sendable {
    /// Stage names (`list`, `read and check`, …) with their wall time in seconds.
    public private(set) var stages: [(name: String, seconds: Double)] = []
    private var last = ContinuousClock.now

    public init() {}

    /// Ends the stage `name`, started when the previous one ended (or at `init`).
    mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = last.duration(to: now).components
        stages.append((name, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
        last = now
    }

    /// `list 0.21 s · read and check 2.30 s · …`.
    public var line: String {
        stages.map { "\($0.name) \(Self.format($0.seconds)) s" }.joined(separator: " · ")
    }

    static func format(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
