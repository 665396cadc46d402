/// SARIF 2.1.0, one run, written as it goes: the head with every rule of
/// the catalog, one result per finding, and a tail with the run's
/// notifications. Columns count Unicode scalars, 1-based, as the text
/// output's do (`columnKind: unicodeCodePoints`).
public struct SARIFRenderer: ReportWriter {
    public let toolVersion: String
    public let workingDirectory: String?
    /// docs/rules.md's URL, before the rule's anchor (`RuleDocumentation`).
    public let rulesDocument: String
    /// Results written so far: the first goes without its leading comma.
    private var results = 0
    /// Paths that could not be read, with why, for the tail's notifications.
    private var unreadable: [(path: String, message: String)] = []

    public init(toolVersion: String, workingDirectory: String?, rulesDocument: String? = nil) {
        self.toolVersion = toolVersion
        self.workingDirectory = workingDirectory
        self.rulesDocument = rulesDocument ?? RuleDocumentation.document(version: toolVersion)
    }

    /// Everything up to the first result.
    public func writeHead(into out: inout [UInt8]) {
        out.append("{\"$schema\":\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\n")
        out.append("\"tool\":{\"driver\":{\"name\":\"vodhook\",\"version\":")
        JSONText.appendString(toolVersion, to: &out)
        out.append(",\"rules\":[")
        for (index, rule) in RuleCatalog.all.enumerated() {
            out.append(index == 0 ? "\n{\"id\":" : ",\n{\"id\":")
            JSONText.appendString(rule.id.rawValue, to: &out)
            out.append(",\"shortDescription\":{\"text\":")
            JSONText.appendString(rule.summary, to: &out)
            out.append("},\"fullDescription\":{\"text\":")
            JSONText.appendString(rule.explanation, to: &out)
            out.append("},\"help\":{\"text\":")
            JSONText.appendString("Run 'vodhook explain \(rule.id)' for a failing and a passing example.", to: &out)
            out.append("},\"helpUri\":")
            JSONText.appendString(RuleDocumentation.url(of: rule.id, document: rulesDocument), to: &out)
            out.append(",\"defaultConfiguration\":{\"level\":\"")
            out.append(string: rule.severity.name)
            out.append("\"}}")
        }
        out.append("]}},\n\"columnKind\":\"unicodeCodePoints\",\n\"results\":[")
    }

    /// One result per finding of a document, each starting with a comma;
    /// `writeDocument` drops the run's first one.
    public func prepare(_ report: DocumentReport, locator: any SourceLocator, signature: SignatureNote?, into out: inout [UInt8]) {
        // Most documents have no finding: make no URI for them.
        guard !report.diagnostics.isEmpty else { return }
        let uri = ArtifactURI.make(report.source, workingDirectory: workingDirectory)
        for diagnostic in report.diagnostics {
            appendResultHead(diagnostic.rule, diagnostic.severity, diagnostic.message, hint: diagnostic.hint, into: &out)
            appendLocations(diagnostic, uri: uri, at: locator.position(ofSourceOffset: diagnostic.offset), into: &out)
            appendProperties(diagnostic, into: &out)
            if let fix = SuggestedFix.make(for: diagnostic, locator: locator) {
                appendFix(fix, described: diagnostic.hint ?? "", uri: uri, into: &out)
            }
            out.append("}")
        }
    }

    /// Where the finding is: the file's line and column, and its JSON Pointer when it has one.
    private func appendLocations(_ diagnostic: Diagnostic, uri: String, at position: SourcePosition, into out: inout [UInt8]) {
        out.append(",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":")
        JSONText.appendString(uri, to: &out)
        out.append("},\"region\":{\"startLine\":")
        out.append(decimal: position.line)
        out.append(",\"startColumn\":")
        out.append(decimal: position.column)
        out.append("}}")
        if !diagnostic.pointer.isEmpty {
            out.append(",\"logicalLocations\":[{\"fullyQualifiedName\":")
            JSONText.appendString(diagnostic.pointer, to: &out)
            out.append(",\"kind\":\"value\"}]")
        }
        out.append("}]")
    }

    /// What SARIF has no place for: the pointer, the byte offset and the hint.
    private func appendProperties(_ diagnostic: Diagnostic, into out: inout [UInt8]) {
        out.append(",\"properties\":{\"pointer\":")
        JSONText.appendString(diagnostic.pointer, to: &out)
        out.append(",\"offset\":")
        out.append(decimal: diagnostic.offset)
        if let hint = diagnostic.hint {
            out.append(",\"help\":")
            JSONText.appendString(hint, to: &out)
        }
        out.append("}")
    }

    /// The suggested fix as a replacement of a region, which code scanning offers to apply.
    private func appendFix(_ fix: SuggestedFix, described description: String, uri: String, into out: inout [UInt8]) {
        out.append(",\"fixes\":[{\"description\":{\"text\":")
        JSONText.appendString(description, to: &out)
        out.append("},\"artifactChanges\":[{\"artifactLocation\":{\"uri\":")
        JSONText.appendString(uri, to: &out)
        out.append("},\"replacements\":[{\"deletedRegion\":{\"startLine\":")
        out.append(decimal: fix.start.line)
        out.append(",\"startColumn\":")
        out.append(decimal: fix.start.column)
        out.append(",\"endLine\":")
        out.append(decimal: fix.end.line)
        out.append(",\"endColumn\":")
        out.append(decimal: fix.end.column)
        out.append("},\"insertedContent\":{\"text\":")
        // The replacement is JSON text itself, so it is escaped twice: once as a value, once as SARIF's string.
        var literal: [UInt8] = []
        JSONText.appendString(fix.replacement, to: &literal)
        JSONText.appendString(String(decoding: literal, as: UTF8.self), to: &out)
        out.append("}}]}]}]")
    }

    /// The document's results; the run's first result goes without its comma.
    public mutating func writeDocument(_ prepared: UnsafeRawBufferPointer, number: Int, source: String, counts: DocumentCounts, into out: inout [UInt8]) {
        guard !prepared.isEmpty else { return }
        out.append(bytes: results == 0 ? UnsafeRawBufferPointer(rebasing: prepared.dropFirst()) : prepared)
        results += 1
    }

    /// A path that could not be read, as a result on the artifact without a
    /// region, and again in the tail as a tool notification.
    public mutating func writeUnreadable(_ diagnostic: Diagnostic, path: String, into out: inout [UInt8]) {
        var result: [UInt8] = []
        appendResultHead(diagnostic.rule, diagnostic.severity, diagnostic.message, hint: diagnostic.hint, into: &result)
        result.append(",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":")
        JSONText.appendString(ArtifactURI.make(path, workingDirectory: workingDirectory), to: &result)
        result.append("}}}]}")
        out.append(contentsOf: results == 0 ? result.dropFirst() : result[...])
        results += 1
        unreadable.append((path, diagnostic.message))
    }

    /// The rest of the run: unreadable paths again as tool notifications,
    /// and whether the run could do its whole job.
    public func writeTail(into out: inout [UInt8]) {
        out.append("\n],\n\"invocations\":[{\"executionSuccessful\":")
        out.append(unreadable.isEmpty ? "true" : "false")
        if !unreadable.isEmpty {
            out.append(",\"toolExecutionNotifications\":[")
            for (index, item) in unreadable.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append("\n{\"level\":\"error\",\"descriptor\":{\"id\":\"unreadable-source\"},\"message\":{\"text\":")
                JSONText.appendString(item.message, to: &out)
                out.append("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":")
                JSONText.appendString(ArtifactURI.make(item.path, workingDirectory: workingDirectory), to: &out)
                out.append("}}}]}")
            }
            out.append("]")
        }
        out.append("}]\n}]}\n")
    }

    private func appendResultHead(_ rule: RuleID, _ severity: Severity, _ message: String, hint: String?, into out: inout [UInt8]) {
        out.append(",\n{\"ruleId\":")
        JSONText.appendString(rule.rawValue, to: &out)
        if let index = RuleCatalog.all.firstIndex(where: { $0.id == rule }) {
            out.append(",\"ruleIndex\":")
            out.append(decimal: index)
        }
        out.append(",\"level\":\"")
        out.append(string: severity.name)
        out.append("\",\"message\":{\"text\":")
        JSONText.appendString(hint.map { message + "\nhelp: " + $0 } ?? message, to: &out)
        out.append("}")
    }
}
