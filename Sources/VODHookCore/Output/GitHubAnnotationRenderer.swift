/// GitHub Actions workflow commands: `::error file=F,line=N,col=N,title=RULE::MESSAGE`.
/// Escaped as the runner requires, so a payload cannot end the command early
/// or inject one of its own.
public struct GitHubAnnotationRenderer {
    public init() {}

    public func render(_ report: DocumentReport, locator: some SourceLocator, into out: inout [UInt8]) {
        for diagnostic in report.diagnostics {
            let position = locator.position(ofSourceOffset: diagnostic.offset)
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            out.append(string: "::\(command) file=\(Self.property(report.source)),line=\(position.line),col=\(position.column),title=\(Self.property(diagnostic.rule.rawValue))::\(Self.data(diagnostic.message))\n")
        }
    }

    /// Message text: `%`, CR and LF are encoded.
    static func data(_ text: String) -> String { escape(text, separators: false) }

    /// Property values also encode `:` and `,`, which separate properties.
    static func property(_ text: String) -> String { escape(text, separators: true) }

    private static func escape(_ text: String, separators: Bool) -> String {
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
