/// The leads of one pipeline created in one month or quarter, and where they are now: the
/// recruiter's "which of the leads I generated in October or November are now filled?".
public struct Cohort: Sendable {
    /// `YYYY-MM` or `YYYY-Qn`.
    public var period: String
    public var isQuarter: Bool
    public var pipeline: String
    /// Positions in `RecordSet.leads` of every lead created in the period, by id.
    public var leads: [Int]
    /// The leads created in the period: all of them.
    public var created: [Int] { leads }
    /// Won: at the pipeline's won stage.
    public var converted: [Int]
    /// Whose application or job is filled or completed.
    public var filled: [Int]
    public var completed: [Int]
    /// At a closed stage, or whose application or job ended without a placement.
    public var lost: [Int]
    /// Still going: at an open stage, or won into a job or application that is still open. With
    /// `filled` and `lost` this covers every lead but those won into a client (or a record-less win).
    public var open: [Int]
}

/// A pipeline's deal values in one currency.
public struct Forecast: Sendable {
    public var pipeline: String
    public var currency: String
    /// Open leads' values.
    public var openValue: Double
    /// Open leads' values, each times its stage's probability.
    public var weightedValue: Double
    /// Won leads' values.
    public var wonValue: Double
}
