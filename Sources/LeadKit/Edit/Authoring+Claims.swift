extension Authoring {
    /// `leads claim LEAD --by NAME`: an unowned lead becomes `NAME`'s for `claim_window_hours` from
    /// `now`. Refused when the lead has an owner, or a claim by someone else that has not expired.
    public static func claim(_ reference: String, by name: String, now: DayTime, in workspace: Workspace)
        throws(EditError) -> [FileChange]
    {
        let lead = try workspace.lead(reference)
        let claimant = workspace.configuration.owner(named: try required(name, "--by"))
        if let owner = lead.owner?.value, !owner.trimmingSpaces.isEmpty {
            throw EditError("\(lead.id) is owned by \(owner); only an unowned lead can be claimed")
        }
        let window = workspace.configuration.claimWindowHours
        if let by = lead.claimedBy?.value, let at = lead.claimedAt?.value, Owner.key(by) != claimant.key,
            now.minuteOrdinal < at.minuteOrdinal + window * 60
        {
            throw EditError(
                "\(lead.id) is claimed by \(by) since \(at) for \(window) hours; wait, or ask them to release it")
        }
        var (before, editor) = try workspace.editor(for: lead.header)
        try editor.set("claimed_by", to: YAMLText.scalar(claimant.name))
        try editor.set("claimed_at", to: now.description)
        return [
            .update(lead.header.relativePath, from: before, to: editor.bytes, "claimed by \(claimant.name) at \(now)")
        ]
    }

    /// `leads assign LEAD NAME`: `NAME` owns the lead (formally, with no window); a claim is cleared.
    public static func assign(_ reference: String, to name: String, in workspace: Workspace)
        throws(EditError) -> [FileChange]
    {
        let lead = try workspace.lead(reference)
        let owner = workspace.configuration.owner(named: try required(name, "the owner"))
        var (before, editor) = try workspace.editor(for: lead.header)
        try editor.set("owner", to: YAMLText.scalar(owner.name))
        try editor.remove("claimed_by")
        try editor.remove("claimed_at")
        return [.update(lead.header.relativePath, from: before, to: editor.bytes, "owner \(owner.name)")]
    }

    /// `leads release LEAD`: the lead goes back to the pool, its owner and claim cleared.
    public static func release(_ reference: String, in workspace: Workspace) throws(EditError) -> [FileChange] {
        let lead = try workspace.lead(reference)
        guard lead.owner != nil || lead.claimedBy != nil || lead.claimedAt != nil else {
            throw EditError("\(lead.id) is already in the pool: nobody owns or claims it")
        }
        var (before, editor) = try workspace.editor(for: lead.header)
        for key in ["owner", "claimed_by", "claimed_at"] { try editor.remove(key) }
        return [.update(lead.header.relativePath, from: before, to: editor.bytes, "back in the pool")]
    }
}
