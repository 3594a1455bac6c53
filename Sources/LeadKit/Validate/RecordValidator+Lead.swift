extension RecordValidator {
    func validate(_ lead: Lead) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var pipeline = configuration.defaultPipeline
        if let name = lead.pipeline {
            if let found = configuration.pipeline(named: name.value) {
                pipeline = found
            } else {
                let names = configuration.pipelines.map(\.name)
                diagnostics.append(
                    .error(
                        .invalidValue, at: name.location,
                        "unknown pipeline '\(name.value)'; expected one of \(names.joined(separator: ", "))"
                            + Suggestion.didYouMean(name.value, in: names)))
            }
        }
        if let source = lead.source, !configuration.sources.contains(source.value) {
            diagnostics.append(
                .error(
                    .invalidValue, at: source.location,
                    "unknown source '\(source.value)'; expected one of \(configuration.sources.joined(separator: ", "))"
                        + Suggestion.didYouMean(source.value, in: configuration.sources)))
        }
        diagnostics += checkCompany(lead.company)
        diagnostics += checkLink(lead.contact, field: "contact", kind: .contact)
        diagnostics += checkLink(lead.application, field: "application", kind: .application)

        if let status = lead.status {
            if pipeline.contains(status.value) {
                diagnostics += checkStatusRules(lead, status: status, pipeline: pipeline)
            } else {
                diagnostics.append(unknownStatus(status, pipeline: pipeline))
            }
        }
        diagnostics += checkHistory(lead, pipeline: pipeline)
        return diagnostics
    }

    func unknownStatus(_ status: Located<String>, pipeline: Pipeline) -> Diagnostic {
        .error(
            .invalidValue, at: status.location,
            "unknown status '\(status.value)' for pipeline \(pipeline.name); expected one of "
                + pipeline.allStatuses.joined(separator: ", ")
                + Suggestion.didYouMean(status.value, in: pipeline.allStatuses))
    }

    private func checkStatusRules(_ lead: Lead, status: Located<String>, pipeline: Pipeline) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if pipeline.isWon(status.value), lead.application == nil {
            diagnostics.append(
                .error(
                    .wonWithoutApplication, at: status.location,
                    "lead is \(status.value) but has no 'application'; convert it into an application and link it"))
        }
        if status.value == "REFERRAL_SECURED", lead.contact == nil {
            diagnostics.append(
                .error(
                    .referralWithoutContact, at: status.location,
                    "a secured referral needs the person who refers you; add 'contact: \"[[contact-id]]\"'"))
        }
        if pipeline.requiresReachableContact {
            if let link = lead.contact {
                if let position = index.contacts[link.value.target] {
                    let contact = records.contacts[position]
                    if contact.email == nil && contact.phone == nil {
                        diagnostics.append(
                            .error(
                                .salesLeadUnreachable, at: link.location,
                                "\(pipeline.name) lead's contact '\(link.value.target)' has no email or phone; add one to \(contact.header.file)"
                            ))
                    }
                }
            } else {
                diagnostics.append(
                    .error(
                        .salesLeadUnreachable, at: lead.pipeline?.location ?? status.location,
                        "a \(pipeline.name) lead needs a 'contact' with an email or a phone"))
            }
        }
        let reached = furthestRank(of: lead, in: pipeline)
        if reached > 0, index.interactionsByLead[lead.id] == nil {
            diagnostics.append(
                .warning(
                    .noInteractions, at: status.location,
                    "lead is past \(pipeline.firstStage) but no interaction is logged for it; add one in interactions/")
            )
        }
        return diagnostics
    }

    /// The furthest ordered stage a lead's history or status shows.
    func furthestRank(of lead: Lead, in pipeline: Pipeline) -> Int {
        let statuses = lead.history.map(\.status.value) + [lead.status?.value].compactMap { $0 }
        return statuses.compactMap { pipeline.rank(of: $0) }.max() ?? 0
    }

    private func checkHistory(_ lead: Lead, pipeline: Pipeline) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var previous: HistoryEntry?
        for entry in lead.history {
            let status = entry.status
            guard pipeline.contains(status.value) else {
                diagnostics.append(unknownStatus(status, pipeline: pipeline))
                previous = nil
                continue
            }
            if let previous {
                if let message = pipeline.transitionProblem(from: previous.status.value, to: status.value) {
                    diagnostics.append(.error(.illegalTransition, at: status.location, message))
                }
                if let before = previous.date?.value, let date = entry.date, date.value < before {
                    diagnostics.append(
                        .error(
                            .historyOrder, at: date.location,
                            "history date \(date.value) is before the previous entry's \(before); list history oldest first"
                        ))
                }
            }
            previous = entry
        }
        if let last = lead.history.last, let status = lead.status, pipeline.contains(status.value),
            last.status.value != status.value
        {
            diagnostics.append(
                .error(
                    .historyMismatch, at: last.status.location,
                    "the last history entry is \(last.status.value) but status is \(status.value); append {status: \(status.value), date: …}"
                ))
        }
        if let created = lead.created, let first = lead.history.first?.date, first.value < created.value {
            diagnostics.append(
                .error(
                    .historyOrder, at: first.location,
                    "history starts on \(first.value), before the lead was created on \(created.value)"))
        }
        return diagnostics
    }
}
