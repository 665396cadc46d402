import ArgumentParsing
import EditDistance
import VODHookCore

/// `vodhook spec`: the event catalog, one event's field table, a JSON
/// Schema, or the catalog as a markdown reference page.
enum SpecCommand {
    /// What `--format` may ask for.
    enum Format: String, OptionChoice {
        case text
        case jsonSchema = "json-schema"
        case markdown
    }

    static let spec = CommandSpec(
        name: "spec",
        abstract: "List the events, print an event's field table, or a JSON Schema (draft 2020-12) or markdown page of them.",
        usage: ["[EVENT] [--format text|json-schema|markdown] [--list]"],
        options: [
            Format.option("format", placeholder: "format",
                          help: "text (the list, or EVENT's table), json-schema (EVENT's, or every event's), markdown (the reference page)"),
            OptionSpec("event", kind: .value(placeholder: "name"), help: "the event, as EVENT does ('vodhook spec' lists them)",
                       completion: .words(EventCatalog.events.map(\.eventType))),
            OptionSpec("list", help: "with --format markdown: only the table of events (name, identity, source), as the README has it"),
        ],
        positionals: "[EVENT]",
        discussion: """
            Without EVENT, the text format lists every event: its name, what triggers it, its field count
            (nested members included) and its source page; json-schema prints one schema for every event,
            choosing each event's schema by EventType with if/then. Nested members are indented under their
            field. Facts marked [observed] come from real payloads, [inferred] from no source.
            """,
        positionalCompletion: .words(EventCatalog.events.map(\.eventType)))

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        guard parsed.positionals.count <= 1 else {
            return UsageRefusal.refuse("expected at most one event name", environment, command: "spec")
        }
        let name = parsed.positionals.first ?? parsed.value("event")
        var event: EventSpec?
        if let name {
            guard let found = EventCatalog.spec(forEventType: name) else {
                var message = "unknown event \(TerminalSafe.quoted(name))"
                if let near = nearestMatch(to: name, among: EventCatalog.events.map(\.eventType)) { message += "; did you mean '\(near)'?" }
                return UsageRefusal.refuse(message, environment, command: "spec")
            }
            event = found
        }
        switch parsed.choice("format", default: Format.text) {
        case .jsonSchema:
            let schema = event.map(JSONSchemaExport.schema(for:)) ?? JSONSchemaExport.catalogSchema()
            environment.output.write(schema.pretty() + [0x0A])
        case .markdown:
            if parsed.isSet("list") {
                environment.output.write(EventCatalogMarkdown.list())
            } else {
                environment.output.write(event.map(EventCatalogMarkdown.section) ?? EventCatalogMarkdown.page())
            }
        case .text:
            if parsed.isSet("list") { return UsageRefusal.refuse("'--list' goes with '--format markdown'", environment, command: "spec") }
            environment.output.write(event.map(table) ?? list())
        }
        return .success
    }

    static func list() -> String {
        let rows = [["EVENT", "TRIGGER", "FIELDS", "SOURCE"]] + EventCatalog.events.map { event in
            [event.eventType, event.summary, String(EventTableRow.rows(event).count), event.source]
        }
        return columns(rows)
    }

    static func table(_ event: EventSpec) -> String {
        let rows = [["FIELD", "TYPE", "REQUIRED", "VALUES"]] + EventTableRow.rows(event).map { row in
            [String(repeating: "  ", count: row.depth) + row.field.name, row.field.type.name, row.field.isRequired ? "yes" : "no", row.values(event)]
        }
        var text = "\(event.eventType): \(event.summary)\nidentity: \(event.identity)\nsource: \(event.source)\n\n" + columns(rows)
        let conditions = EventTableRow.conditions(event)
        if !conditions.isEmpty {
            text += "\nCONDITIONS:\n"
            for (path, condition) in conditions {
                let severity = RuleCatalog.severity(of: condition.rule).name
                text += "  \(condition.rule) (\(severity))\(path.isEmpty ? "" : " in \(path)"): \(condition.reason)\n"
            }
        }
        if !event.lookAlikes.isEmpty {
            text += "\nLOOK-ALIKES: " + event.lookAlikes.map(\.vendor).joined(separator: ", ") + "\n"
        }
        return text
    }

    /// Left-aligned columns, the last one unpadded.
    private static func columns(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count - 1).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row.dropLast(), widths).map { $0.padded(to: $1 + 2) }.joined() + row.last!
        }.joined(separator: "\n") + "\n"
    }
}
