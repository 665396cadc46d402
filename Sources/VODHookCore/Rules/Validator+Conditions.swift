extension Validator {
    /// The spec's conditions between fields ("when Status is fail, ErrorCode
    /// should be present"), read from the values `collectFields` chose.
    func checkConditions(_ compiled: CompiledObject, _ context: ObjectContext, _ fields: FieldSlots, _ document: JSONDocument, findings: inout [Diagnostic]) {
        for condition in compiled.tables.conditions {
            let value = fields.values[condition.governing]
            guard value >= 0, document[value].kind == .string else { continue }
            // Only a valid governing value says anything; a wrong one is its own finding.
            var matched = fields.allowedMatches[condition.governing]
            if matched == -2 {
                matched = document.plainString(value).map { compiled.tables.allowedIndex(of: $0, field: condition.governing) }
                    ?? (document.isLongString(value) ? -1 : document.withDecodedString(value) { compiled.tables.allowedIndex(of: $0, field: condition.governing) })
            }
            guard matched >= 0, (matched == condition.triggerValue) == condition.isEquals else { continue }
            for subject in condition.subjects {
                let index = compiled.tables.subjectFields[subject]
                let present = fields.values[index] >= 0
                if condition.expectsPresent {
                    if present && !isEmptyString(fields.values[index], document) { continue }
                } else if !present {
                    continue
                }
                findings.append(conditionFinding(
                    compiled, condition, subject: subject, governingValue: value, subjectKey: fields.keys[index],
                    subjectValue: fields.values[index], document, context.pointer))
            }
        }
    }

    private func conditionFinding(
        _ compiled: CompiledObject, _ resolved: CompiledCondition, subject: Int, governingValue value: Int,
        subjectKey key: Int, subjectValue: Int, _ document: JSONDocument, _ pointerPrefix: String
    ) -> Diagnostic {
        let condition = compiled.spec.conditions[resolved.index]
        let severity = RuleCatalog.severity(of: condition.rule)
        let name = compiled.subjectNames[subject]
        let text = TerminalSafe.quoted(document.string(value))
        if !resolved.expectsPresent {
            return Diagnostic(
                severity, condition.rule,
                "\(name) is present but \(condition.field) is \(text); \(condition.reason)",
                offset: document.sourceOffset(of: key), pointer: document.rootMemberPointer(key: key, prefix: pointerPrefix))
        }
        if subjectValue < 0 {
            return Diagnostic(
                severity, condition.rule,
                "\(condition.field) is \(text) but \(name) is absent; \(condition.reason)",
                offset: document.sourceOffset(of: value), pointer: document.rootMemberPointer(key: value - 1, prefix: pointerPrefix))
        }
        // An empty optional field is no finding of its own, but it says as
        // little as an absent one where one is expected.
        return Diagnostic(
            severity, condition.rule,
            "\(condition.field) is \(text) but \(name) is empty; \(condition.reason)",
            offset: document.sourceOffset(of: subjectValue), pointer: document.rootMemberPointer(key: subjectValue - 1, prefix: pointerPrefix))
    }

    private func isEmptyString(_ value: Int, _ document: JSONDocument) -> Bool {
        document[value].kind == .string && document[value].end - document[value].start == 2
    }
}
