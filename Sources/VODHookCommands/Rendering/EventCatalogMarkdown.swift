import VODHookCore

/// `vodhook spec --format markdown`: the catalog as a reference page
/// (docs/events.md), and `--list` as the short table the README embeds.
enum EventCatalogMarkdown {
    /// Name, identity and source only: what triggers each event is one
    /// click away, and the README that embeds this must stay a front page.
    static func list() -> String {
        var text = "| Event | Identity | Source |\n| --- | --- | --- |\n"
        for event in EventCatalog.events {
            text += "| [\(event.eventType)](docs/events.md#\(event.eventType.lowercased())) | \(event.identity) | \(sourceLinks(event.source)) |\n"
        }
        return text
    }

    static func page() -> String {
        var text = """
            # Events

            Every ApsaraVideo VOD event `vodhook` knows, generated from its event catalog by
            `vodhook spec --format markdown` (a test fails when this file differs from what the tool
            prints). `vodhook spec EVENT` prints one table; `vodhook spec --format json-schema` a JSON
            Schema. Facts marked *observed* come from real payloads rather than the docs' tables;
            *inferred* ones from no source (a reasonable default).

            | Event | Trigger | Identity | Fields | Source |
            | --- | --- | --- | --- | --- |

            """
        for event in EventCatalog.events {
            let count = EventTableRow.rows(event).count
            text += "| [\(event.eventType)](#\(event.eventType.lowercased())) | \(cell(event.summary)) | \(event.identity) | \(count) | \(sourceLinks(event.source)) |\n"
        }
        for event in EventCatalog.events { text += "\n" + section(event) }
        return text
    }

    static func section(_ event: EventSpec) -> String {
        var text = "## \(event.eventType)\n\n"
        text += "Sent when \(cell(event.summary)). Identity for copies: `\(event.identity)`. Source: \(sourceLinks(event.source)).\n\n"
        text += "| Field | Type | Required | Values |\n| --- | --- | --- | --- |\n"
        for row in EventTableRow.rows(event) {
            let name = row.depth == 0 ? "`\(row.path)`" : "↳ `\(row.path)`"
            text += "| \(name) | \(row.field.type.name) | \(row.field.isRequired ? "yes" : "no") | \(cell(row.values(event))) |\n"
        }
        let conditions = EventTableRow.conditions(event)
        if !conditions.isEmpty {
            text += "\nConditions:\n\n"
            for (path, condition) in conditions {
                let severity = RuleCatalog.severity(of: condition.rule).name
                text += "- `\(condition.rule)` (\(severity))\(path.isEmpty ? "" : " in `\(path)`"): \(cell(condition.reason))\n"
            }
        }
        if !event.lookAlikes.isEmpty {
            text += "\nLook-alikes: " + event.lookAlikes.map(\.vendor).joined(separator: ", ") + " send events of this name in another shape; `check` names them.\n"
        }
        return text
    }

    /// Table cells hold no pipes or line breaks.
    static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\n", with: " ")
    }

    static func sourceLinks(_ source: String) -> String {
        source.split(separator: ", ").map { part -> String in
            let words = part.split(separator: " ", maxSplits: 1)
            let url = String(words[0])
            let label = words.count > 1 ? String(words[1]) + " " : ""
            return "\(label)<\(url)>"
        }.joined(separator: ", ")
    }
}

extension EventTableRow {
    /// Every condition of the event, with the path of the table it belongs to ("" for the top level).
    static func conditions(_ event: EventSpec) -> [(String, FieldCondition)] {
        var found: [(String, FieldCondition)] = event.conditions.map { ("", $0) }
        for row in rows(event) {
            guard let nested = row.field.type.objectSpec else { continue }
            let isArray = if case .array = row.field.type { true } else { false }
            found += nested.conditions.map { (row.path + (isArray ? "[]" : ""), $0) }
        }
        return found
    }
}
