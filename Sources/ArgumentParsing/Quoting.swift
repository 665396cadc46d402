/// Longest piece of user input echoed in a message; a pasted file should not flood the terminal.
let maximumQuotedScalars = 80

/// Quotes user input for an error message so it stays one line and cannot steer the terminal.
///
/// Control characters, line separators and bidirectional overrides are shown as escapes,
/// and long input is cut short with "...".
func quoted(_ text: String) -> String {
    var result = "'"
    var shown = 0
    for scalar in text.unicodeScalars {
        if shown == maximumQuotedScalars {
            result += "..."
            break
        }
        shown += 1
        result += escaped(scalar)
    }
    return result + "'"
}

private func escaped(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default:
        guard mustEscape(scalar) else { return String(scalar) }
        return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}

/// Scalars that break the line or reorder what the terminal shows.
private func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    switch properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: return true
    default: return properties.isBidiControl
    }
}
