/// GitHub Actions workflow commands: `::error file=F,line=N,col=N,title=RULE::MESSAGE`.
/// Escaped as the runner requires, so a payload cannot end the command early
/// or inject one of its own.
public struct GitHubAnnotationRenderer: ReportWriter {
    public init() {}

    public func prepare(_ report: DocumentReport, locator: any SourceLocator, signature: SignatureNote?, into out: inout [UInt8]) {
        for diagnostic in report.diagnostics {
            let position = locator.position(ofSourceOffset: diagnostic.offset)
            out.append(string: "::\(Self.command(diagnostic.severity)) file=\(Self.property(report.source)),line=\(position.line),col=\(position.column),title=\(Self.property(diagnostic.rule.rawValue))::\(Self.message(diagnostic))\n")
        }
    }

    /// A path that could not be read: an annotation on the file, without a line.
    public func writeUnreadable(_ diagnostic: Diagnostic, path: String, into out: inout [UInt8]) {
        out.append(string: "::\(Self.command(diagnostic.severity)) file=\(Self.property(path)),title=\(Self.property(diagnostic.rule.rawValue))::\(Self.message(diagnostic))\n")
    }

    private static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// The message, then the hint on a line of its own, as the text output shows it.
    private static func message(_ diagnostic: Diagnostic) -> String {
        guard let hint = diagnostic.hint else { return data(diagnostic.message) }
        return data(diagnostic.message) + "%0Ahelp: " + data(hint)
    }

    /// Message text: `%`, CR and LF are encoded.
    static func data(_ text: String) -> String { escape(text, separators: false) }

    /// Property values also encode `:` and `,`, which separate properties.
    static func property(_ text: String) -> String { escape(text, separators: true) }

    private static func escape(_ text: String, separators: Bool) -> String {
        // Most messages are printable ASCII with nothing to encode; building
        // them again scalar by scalar cost ~300 instructions a character.
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "%")
                && !(separators && (byte == UInt8(ascii: ":") || byte == UInt8(ascii: ",")))
        }
        if plain { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where separators: out += "%3A"
            case "," where separators: out += "%2C"
            default: TerminalSafe.append(scalar, to: &out)
            }
        }
        return out
    }
}
