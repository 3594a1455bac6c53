extension Authoring {
    /// Records a step of an application's or a job's milestone track, named by its code or the
    /// checklist's own wording (`'CVs received'`, `'2nd interview completed'`); a decision point may
    /// carry its answer (`outcome`: YES or NO).
    public static func milestone(
        _ reference: String, _ name: String, date: String?, outcome: String? = nil, in workspace: Workspace
    ) throws(EditError) -> [FileChange] {
        let record = try workspace.tracked(reference)
        let kind = record.header.kind
        let track = workspace.configuration.track(kind)
        guard let step = track.step(matching: name) else {
            let partial = track.steps(mentioning: name).map(\.code)
            throw EditError(
                partial.isEmpty
                    ? InvalidValue.unknownMessage(
                        name, "milestone of \(kind.rawValue) \(record.id)", allowed: track.codes,
                        closestTo: name.uppercased().replacingOccurrences(of: " ", with: "_"))
                    : "unknown milestone of \(kind.rawValue) \(record.id) '\(name)'; did you mean "
                        + partial.joined(separator: " or ") + "?")
        }
        let answer = try outcome.map { (text) throws(EditError) in
            try choice(text, "outcome", in: Decision.allCases.map(\.rawValue))
        }
        if answer != nil, !step.isDecision {
            throw EditError("\(step.code) is not a decision point; --outcome is for \(decisionCodes(track))")
        }
        if let recorded = record.milestones.firstIndex(where: { $0.milestone.value == step.code }) {
            // A decision recorded without its answer gets the answer now.
            guard let answer, record.milestones[recorded].outcome == nil else {
                throw EditError("\(record.id) already records \(step.code)")
            }
            var (before, editor) = try workspace.editor(for: record.header)
            try editor.set("outcome", to: answer, inItem: recorded, of: "milestones")
            return [
                .update(
                    record.header.relativePath, from: before, to: editor.bytes,
                    "milestone \(step.code) answered \(answer)")
            ]
        }
        if let closed = record.outcome {
            throw EditError("\(record.id) is closed (\(closed.value.rawValue)); its milestones are done")
        }
        let day =
            try date.map { (text) throws(EditError) in try Self.day(text, "--date", asOf: workspace.asOf) }
            ?? workspace.asOf
        var (before, editor) = try workspace.editor(for: record.header)
        var item = [("name", step.code), ("date", day.description)]
        if let answer { item.append(("outcome", answer)) }
        try editor.append(to: "milestones", item: YAMLText.flowMapping(item))
        return [
            .update(
                record.header.relativePath, from: before, to: editor.bytes,
                "milestone \(step.code) on \(day)" + (answer.map { " (\($0))" } ?? ""))
        ]
    }

    /// Ends an application or a job: `outcome` (FILLED, LOST, CANCELLED, REJECTED or WITHDRAWN), the
    /// day (`closed`) and why (`reason`).
    public static func close(
        _ reference: String, outcome: String, reason: String?, date: String?, in workspace: Workspace
    ) throws(EditError) -> [FileChange] {
        let record = try workspace.tracked(reference)
        let value = try choice(outcome, "outcome", in: Outcome.allCases.map(\.rawValue))
        if let existing = record.outcome {
            throw EditError("\(record.id) is already closed as \(existing.value.rawValue)")
        }
        let day =
            try date.map { (text) throws(EditError) in try Self.day(text, "--date", asOf: workspace.asOf) }
            ?? workspace.asOf
        var (before, editor) = try workspace.editor(for: record.header)
        try editor.set("outcome", to: value)
        try editor.set("closed", to: day.description)
        if let reason { try editor.set("reason", to: YAMLText.scalar(try required(reason, "--reason"))) }
        return [.update(record.header.relativePath, from: before, to: editor.bytes, "outcome \(value) on \(day)")]
    }

    static func decisionCodes(_ track: MilestoneTrack) -> String {
        let codes = track.steps.filter(\.isDecision).map(\.code)
        return codes.isEmpty ? "decision points (this track has none)" : codes.joined(separator: " and ")
    }
}
