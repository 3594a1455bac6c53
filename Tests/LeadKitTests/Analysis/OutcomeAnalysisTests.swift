import Testing

@testable import LeadKit

/// Where a job stands as of 2026-11-23: filled once `START_DATE` is dated on or before that day (or
/// `outcome: FILLED`), completed once `PROBATION_COMPLETED` is, lost on `outcome: LOST` or a decision
/// point answered NO that nothing came after; `outcome` names the other endings.
@Suite struct OutcomeAnalysisTests {
    static func states(_ jobs: [String: [String]], extra: [String: String] = [:]) throws -> [String: OutcomeState] {
        var files: [String: String] = [:]
        for (id, milestones) in jobs {
            files["leads/\(id).md"] = jobOrderLead(id)
            files["jobs/\(id).md"] = jobFile(id, milestones: milestones, extra: extra[id] ?? "")
        }
        let report = try report(files)
        return Dictionary(uniqueKeysWithValues: report.jobs.map { ($0.id, $0.state) })
    }

    @Test func theStartDateFillsAJobOnItsDayNotBefore() throws {
        let states = try Self.states([
            "starts-today": ["{name: START_DATE, date: 2026-11-23}"],
            "starts-tomorrow": ["{name: START_DATE, date: 2026-11-24}"],
            "passed-probation": [
                "{name: START_DATE, date: 2026-08-03}", "{name: PROBATION_COMPLETED, date: 2026-11-02}",
            ],
            "probation-ends-next-week": [
                "{name: START_DATE, date: 2026-08-31}", "{name: PROBATION_COMPLETED, date: 2026-11-30}",
            ],
        ])
        #expect(
            states == [
                "starts-today": .filled, "starts-tomorrow": .open, "passed-probation": .completed,
                "probation-ends-next-week": .filled,
            ])
    }

    @Test func aNoIsTheEndUnlessTheSearchWentOn() throws {
        let states = try Self.states([
            "no-contender": [
                "{name: INTERVIEWS_COMPLETED, date: 2026-11-02}",
                "{name: DECISION_CONTENDER, date: 2026-11-05, outcome: NO}",
            ],
            // No contender in the first round, so a second round of CVs and interviews found one.
            "found-one-later": [
                "{name: DECISION_CONTENDER, date: 2026-11-05, outcome: NO}",
                "{name: SECOND_INTERVIEW_ARRANGED, date: 2026-11-16}",
            ],
            "yes": ["{name: DECISION_OFFER, date: 2026-11-05, outcome: YES}"],
            "undecided": ["{name: DECISION_OFFER, date: 2026-11-20}"],
        ])
        #expect(states == ["no-contender": .lost, "found-one-later": .open, "yes": .open, "undecided": .open])
    }

    @Test func anOutcomeSaysHowTheJobEnded() throws {
        let states = try Self.states(
            [
                "filled-without-a-start-date": ["{name: VERBAL_OFFER_ACCEPTED, date: 2026-11-02}"],
                "filled-and-completed": ["{name: PROBATION_COMPLETED, date: 2026-11-02}"],
                "cancelled": ["{name: CVS_RECEIVED, date: 2026-11-02}"],
                "withdrawn": ["{name: START_DATE, date: 2026-11-02}"],
            ],
            extra: [
                "filled-without-a-start-date": "outcome: FILLED\n", "filled-and-completed": "outcome: FILLED\n",
                "cancelled": "outcome: CANCELLED\nclosed: 2026-11-10\n",
                "withdrawn": "outcome: WITHDRAWN\nclosed: 2026-11-10\n",
            ])
        #expect(
            states == [
                "filled-without-a-start-date": .filled, "filled-and-completed": .completed, "cancelled": .cancelled,
                "withdrawn": .withdrawn,
            ])
    }
}
