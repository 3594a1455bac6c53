/// Reads `config.yml` into a `Configuration`, reporting every problem with its position.
public enum ConfigParser {
    public static func parse(_ file: SourceFile?) -> (configuration: Configuration, diagnostics: [Diagnostic]) {
        guard let file else { return (.builtIn, []) }
        var diagnostics: [Diagnostic] = []
        guard let decoded = SourceText.decode(file.bytes, file: file.displayPath, diagnostics: &diagnostics) else {
            return (.builtIn, diagnostics)
        }
        // A conflicted config is read as its first side, so the pipelines it defines stay in force
        // instead of every lead failing against the built-in ones; only the conflict is reported.
        let (source, conflicted) = SourceText.resolvingConflicts(
            decoded, file: file.displayPath, diagnostics: &diagnostics)
        if conflicted {
            var ignored: [Diagnostic] = []
            return (parse(source, file: file, diagnostics: &ignored), diagnostics)
        }
        return (parse(source, file: file, diagnostics: &diagnostics), diagnostics)
    }

    private static func parse(_ source: SourceText, file: SourceFile, diagnostics: inout [Diagnostic])
        -> Configuration
    {
        let block = FrontMatterReader.compose(
            source.text.droppingFinalLineBreak, file: file.displayPath, lineOffset: 0, diagnostics: &diagnostics)
        guard let root = block.root else { return .builtIn }
        var reader = FieldReader(block: block, pairs: root, location: block.blockLocation, subject: "config")
        var configuration = Configuration.builtIn

        let pipelines = reader.mappingList(
            "pipelines", itemSubject: "pipeline", example: "{name: sales, stages: [NEW, WON], won: WON, closed: [LOST]}"
        ) { entry in pipeline(from: &entry) }
        var seen: [String: SourceLocation] = [:]
        var configured: [Pipeline] = []
        for (pipeline, location) in pipelines {
            if let first = seen[pipeline.name] {
                diagnostics.append(
                    InvalidValue.diagnostic(
                        at: location,
                        "pipeline '\(pipeline.name)' is defined twice (first at line \(first.line))"))
                continue
            }
            seen[pipeline.name] = location
            configured.append(pipeline)
        }
        if !configured.isEmpty {
            let kept = Configuration.builtIn.pipelines.filter { seen[$0.name] == nil }
            configuration.pipelines = configured + kept
        }

        if let sources = reader.node("sources", required: false) {
            let list = reader.textList(of: sources, key: "sources").map { $0.value.uppercased() }
            if list.isEmpty {
                reader.invalid(sources, "'sources' must list at least one source")
            } else {
                configuration.sources = list
            }
        }
        if let thresholds = reader.node("stale_after_days", required: false) {
            if let pairs = thresholds.pairs {
                for (key, value) in pairs {
                    guard let written = reader.text(of: key, key: "stale_after_days") else { continue }
                    if let kind = RecordKind(rawValue: written.value.lowercased()), kind == .application || kind == .job
                    {
                        if let days = reader.integer(value, key: "stale_after_days.\(kind.rawValue)") {
                            configuration.noProgressAfterDays[kind] = days
                        }
                        continue
                    }
                    guard let temperature = reader.enumeration(written, key: "temperature", Temperature.self)
                    else { continue }
                    if let days = reader.integer(value, key: "stale_after_days.\(temperature.value.rawValue)") {
                        configuration.staleAfterDays[temperature.value] = days
                    }
                }
            } else {
                reader.invalid(thresholds, "'stale_after_days' must be a mapping like {HOT: 7, WARM: 14, COLD: 30}")
            }
        }
        if let hours = reader.node("acknowledge_within_hours", required: false),
            let value = reader.integer(hours, key: "acknowledge_within_hours")
        {
            configuration.acknowledgeWithinHours = value
        }
        if let currency = reader.text("currency") { configuration.currency = currency.value.uppercased() }
        if let hours = reader.node("claim_window_hours", required: false),
            let value = reader.integer(hours, key: "claim_window_hours")
        {
            configuration.claimWindowHours = value
        }
        if let owners = reader.node("owners", required: false) {
            configuration.owners = self.owners(owners, reader: &reader)
        }
        if let tracks = reader.node("milestones", required: false) {
            configuration.tracks.merge(milestoneTracks(tracks, reader: &reader)) { _, configured in configured }
        }
        if let fields = reader.node("fields", required: false) {
            configuration.customFields = customFields(fields, reader: &reader)
        }
        reader.reportUnknownKeys()
        diagnostics += reader.diagnostics
        return configuration
    }

    private static func pipeline(from entry: inout FieldReader) -> (Pipeline, SourceLocation)? {
        let name = entry.text("name", required: true)
        let stagesNode = entry.node("stages", required: true)
        let won = entry.text("won").map { Located($0.value.uppercased(), at: $0.location) }
        let closedNode = entry.node("closed", required: false)
        let reachableNode = entry.node("requires_reachable_contact", required: false)
        let requiresContactNode = entry.node("requires_contact", required: false)
        let convertsInto = entry.text("converts_into")
        let probabilityNode = entry.node("probability", required: false)
        guard let name, let stagesNode else { return nil }

        var stages = entry.textList(of: stagesNode, key: "stages").map { $0.value.uppercased() }
        let closed = closedNode.map { entry.textList(of: $0, key: "closed").map { $0.value.uppercased() } } ?? []
        guard !stages.isEmpty else {
            entry.invalid(stagesNode, "pipeline '\(name.value)' needs at least one stage")
            return nil
        }
        var duplicates = Set<String>()
        var unique = Set<String>()
        for stage in stages + closed where !unique.insert(stage).inserted { duplicates.insert(stage) }
        if !duplicates.isEmpty {
            entry.invalid(
                stagesNode,
                "pipeline '\(name.value)' lists \(duplicates.sorted().joined(separator: ", ")) more than once")
            return nil
        }
        var wonStage = stages.last!
        if let won {
            if closed.contains(won.value) {
                entry.invalid(stagesNode, "the won stage '\(won.value)' cannot also be closed")
                return nil
            }
            if !stages.contains(won.value) { stages.append(won.value) }
            wonStage = won.value
        }
        var requiresReachable = name.value == Pipeline.sales.name
        if let reachableNode, let flag = entry.boolean(reachableNode, key: "requires_reachable_contact") {
            requiresReachable = flag
        }
        let builtIn = Configuration.builtIn.pipeline(named: name.value)
        var requiringContact = builtIn?.stagesRequiringContact.filter { stages.contains($0) } ?? []
        if let requiresContactNode {
            requiringContact = []
            for stage in entry.textList(of: requiresContactNode, key: "requires_contact") {
                let upper = stage.value.uppercased()
                guard stages.contains(upper) || closed.contains(upper) else {
                    entry.invalid(
                        requiresContactNode,
                        "'requires_contact' names '\(stage.value)', which is not a stage of '\(name.value)'")
                    continue
                }
                requiringContact.append(upper)
            }
        }
        var target = builtIn?.convertsInto ?? .application
        if let convertsInto {
            if let named = ConversionTarget(rawValue: convertsInto.value.lowercased()) {
                target = named
            } else {
                entry.report(
                    InvalidValue.unknown(
                        convertsInto, "conversion target", allowed: ConversionTarget.allCases.map(\.rawValue)))
            }
        }
        var probability = builtIn?.probability ?? [:]
        if let node = probabilityNode {
            probability = [:]
            if let pairs = node.pairs {
                for (key, value) in pairs {
                    guard let stage = entry.text(of: key, key: "probability")?.value.uppercased(),
                        let written = entry.text(of: value, key: "probability.\(stage)")
                    else { continue }
                    guard stages.contains(stage) || closed.contains(stage) else {
                        entry.invalid(key, "'probability' names '\(stage)', which is not a stage of '\(name.value)'")
                        continue
                    }
                    guard let share = Double(written.value), (0...1).contains(share) else {
                        entry.invalid(
                            value, "'probability.\(stage)' must be a number from 0 to 1, not '\(written.value)'")
                        continue
                    }
                    probability[stage] = share
                }
            } else {
                entry.invalid(node, "'probability' must be a mapping like {QUALIFIED: 0.5}")
            }
        }
        let pipeline = Pipeline(
            name: name.value, stages: stages, won: wonStage, closed: closed,
            requiresReachableContact: requiresReachable, stagesRequiringContact: requiringContact,
            convertsInto: target, probability: probability)
        return (pipeline, name.location)
    }
}

extension FieldReader {
    mutating func integer(_ value: YAMLNode, key: String) -> Int? {
        guard let written = text(of: value, key: key) else { return nil }
        guard let number = Int(written.value), number >= 0, number <= 100_000 else {
            invalid(value, "'\(key)' must be a whole number of 0 or more, not '\(written.value)'")
            return nil
        }
        return number
    }

    mutating func boolean(_ value: YAMLNode, key: String) -> Bool? {
        guard let written = text(of: value, key: key) else { return nil }
        switch written.value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            invalid(value, "'\(key)' must be true or false, not '\(written.value)'")
            return nil
        }
    }
}
