import ArgumentParsing
import VODHookCore

/// `vodhook spec`: the field table, or a JSON Schema of it.
enum SpecCommand {
    static let spec = CommandSpec(
        name: "spec",
        abstract: "Print an event's field table, or a JSON Schema (draft 2020-12) of it.",
        usage: ["[--format text|json-schema] [--event NAME]"],
        options: [
            OptionSpec("format", kind: .value(placeholder: "format"), help: "text (the table) or json-schema", allowedValues: ["text", "json-schema"]),
            OptionSpec("event", kind: .value(placeholder: "name"), help: "the event type (default: DeleteMediaComplete)",
                       allowedValues: EventCatalog.events.map(\.eventType)),
        ])

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        let event = EventCatalog.spec(forEventType: parsed.value("event") ?? EventCatalog.fallback.eventType) ?? EventCatalog.fallback
        if parsed.value("format") == "json-schema" {
            environment.output.write(JSONSchemaExport.schema(for: event).pretty() + [0x0A])
            return .success
        }
        environment.output.write(table(event))
        return .success
    }

    static func table(_ event: EventSpec) -> String {
        let rows: [[String]] = [["FIELD", "TYPE", "REQUIRED", "VALUES"]] + event.fields.map { field in
            let values: String =
                if field.name == "EventType" { "\"\(event.eventType)\"" }
                else if let allowed = field.allowedValues { allowed.joined(separator: " | ") }
                else if field.format == .eventTime { "yyyy-MM-ddTHH:mm:ssZ (UTC)" }
                else if field.format == .mediaId { "32 lowercase hex characters (a note otherwise)" }
                else { "free text" }
            return [field.name, field.type.name, field.isRequired ? "yes" : "no", values]
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var text = "\(event.eventType): \(event.summary)\n\n"
        for row in rows {
            text += row[0].padded(to: widths[0] + 2) + row[1].padded(to: widths[1] + 2) + row[2].padded(to: widths[2] + 2) + row[3] + "\n"
        }
        text += "\nCONDITIONS:\n"
        for condition in event.conditions {
            let severity = RuleCatalog.severity(of: condition.rule).name
            text += "  \(condition.rule) (\(severity)): \(condition.reason)\n"
        }
        return text
    }
}
