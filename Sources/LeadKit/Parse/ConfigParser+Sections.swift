extension ConfigParser {
    /// `owners: [Alice, {name: Bob, email: bob@team.example}]`.
    static func owners(_ node: YAMLNode, reader: inout FieldReader) -> [Owner] {
        guard let items = node.items else {
            reader.invalid(node, "'owners' must be a list like [Alice, {name: Bob, email: bob@team.example}]")
            return []
        }
        var owners: [Owner] = []
        for item in items {
            if item.scalar != nil, let name = reader.text(of: item, key: "owners"), !name.value.trimmingSpaces.isEmpty {
                owners.append(Owner(name: name.value.trimmingSpaces))
                continue
            }
            guard let pairs = item.pairs else {
                reader.invalid(item, "each owner is a name or a mapping like {name: Bob, email: bob@team.example}")
                continue
            }
            var entry = FieldReader(
                block: reader.block, pairs: pairs, location: reader.block.location(of: item), subject: "owner")
            let name = entry.text("name", required: true)
            let email = entry.text("email")
            entry.reportUnknownKeys()
            reader.report(contentsOf: entry.diagnostics)
            if let name { owners.append(Owner(name: name.value.trimmingSpaces, email: email?.value)) }
        }
        return owners
    }

    /// `milestones: {job: [CVS_RECEIVED, {code: SHORTLIST, label: "Shortlist sent"}, {code: GO, decision: true}]}`:
    /// a track per kind (application or job) replacing the built-in one.
    static func milestoneTracks(_ node: YAMLNode, reader: inout FieldReader) -> [RecordKind: MilestoneTrack] {
        guard let kinds = node.pairs else {
            reader.invalid(node, "'milestones' must be a mapping like {job: [CVS_RECEIVED, START_DATE]}")
            return [:]
        }
        var tracks: [RecordKind: MilestoneTrack] = [:]
        for (kindNode, list) in kinds {
            guard let written = reader.text(of: kindNode, key: "milestones") else { continue }
            guard let kind = RecordKind(rawValue: written.value.lowercased()), kind == .application || kind == .job
            else {
                reader.report(InvalidValue.unknown(written, "milestone track", allowed: ["application", "job"]))
                continue
            }
            guard let items = list.items, !items.isEmpty else {
                reader.invalid(list, "'milestones.\(kind.rawValue)' must list at least one step")
                continue
            }
            var steps: [MilestoneStep] = []
            for item in items {
                if item.scalar != nil, let code = reader.text(of: item, key: "milestones.\(kind.rawValue)") {
                    let upper = code.value.uppercased().replacingOccurrences(of: " ", with: "_")
                    steps.append(MilestoneStep(upper, CodeLabel.make(upper)))
                    continue
                }
                guard let pairs = item.pairs else {
                    reader.invalid(item, "each step is a code or a mapping like {code: GO, label: Go, decision: true}")
                    continue
                }
                var step = FieldReader(
                    block: reader.block, pairs: pairs, location: reader.block.location(of: item),
                    subject: "milestone step")
                let code = step.text("code", required: true)?.value.uppercased().replacingOccurrences(
                    of: " ", with: "_")
                let label = step.text("label")?.value
                let decision =
                    step.node("decision", required: false).flatMap { step.boolean($0, key: "decision") } ?? false
                step.reportUnknownKeys()
                reader.report(contentsOf: step.diagnostics)
                if let code { steps.append(MilestoneStep(code, label ?? CodeLabel.make(code), isDecision: decision)) }
            }
            let codes = steps.map(\.code)
            if Set(codes).count != codes.count {
                reader.invalid(list, "'milestones.\(kind.rawValue)' lists a step more than once")
                continue
            }
            tracks[kind] = MilestoneTrack(steps: steps)
        }
        return tracks
    }

    /// `fields: {application: {candidate: text, fee: number}}`: per kind, keys with a type; a key the
    /// kind's schema already has, an unknown kind or an unknown type is reported.
    static func customFields(_ node: YAMLNode, reader: inout FieldReader) -> [RecordKind: [CustomField]] {
        guard let kinds = node.pairs else {
            reader.invalid(node, "'fields' must be a mapping like {application: {candidate: text, fee: number}}")
            return [:]
        }
        var fields: [RecordKind: [CustomField]] = [:]
        let kindNames = RecordKind.allCases.map(\.rawValue)
        for (kindNode, declarations) in kinds {
            guard let kindName = reader.text(of: kindNode, key: "fields") else { continue }
            guard let kind = RecordKind(rawValue: kindName.value.lowercased()) else {
                reader.report(InvalidValue.unknown(kindName, "record kind", allowed: kindNames))
                continue
            }
            guard let pairs = declarations.pairs else {
                reader.invalid(declarations, "'fields.\(kind.rawValue)' must be a mapping like {fee: number}")
                continue
            }
            for (keyNode, typeNode) in pairs {
                guard let key = reader.text(of: keyNode, key: "fields.\(kind.rawValue)"),
                    let type = reader.text(of: typeNode, key: "fields.\(kind.rawValue).\(key.value)")
                else { continue }
                if kind.schemaKeys.contains(key.value) {
                    reader.invalid(
                        keyNode, "'\(key.value)' is already a field of every \(kind.rawValue); pick another name")
                    continue
                }
                guard let fieldKind = CustomField.Kind(rawValue: type.value.lowercased()) else {
                    reader.report(
                        InvalidValue.unknown(type, "field type", allowed: CustomField.Kind.allCases.map(\.rawValue)))
                    continue
                }
                fields[kind, default: []].append(CustomField(key: key.value, kind: fieldKind))
            }
        }
        return fields
    }
}
