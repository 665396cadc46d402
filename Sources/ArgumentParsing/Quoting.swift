/// Longest piece of user input echoed in a message; a pasted file should not flood the terminal.
let maximumQuotedScalars = 80

/// Quotes user input for an error message so it stays one line and cannot steer the terminal.
///
/// Control, format (bidirectional overrides, zero-width characters), private-use,
/// unassigned and separator characters other than the space are shown as escapes,
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

/// Scalars that break the line, reorder what the terminal shows, or cannot be
/// seen at all (a zero-width space, a byte order mark): what the quote shows
/// must be what was typed. The same set as the core's `TerminalSafe`.
private func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x7F { return scalar.value < 0x20 }
    switch scalar.properties.generalCategory {
    case .control, .format, .privateUse, .unassigned, .surrogate, .spaceSeparator, .lineSeparator, .paragraphSeparator:
        return true
    default:
        return false
    }
}
