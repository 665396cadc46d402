extension Validator {
    /// The spec's conditions between fields ("when Status is fail, ErrorCode
    /// should be present"), read from the values `collectFields` chose.
    func checkConditions(_ spec: EventSpec, _ document: JSONDocument, findings: inout [Diagnostic], pointerPrefix: String) {
        for condition in spec.conditions {
            guard let governing = spec.fieldIndex(named: condition.field), slots[governing] >= 0 else { continue }
            let value = slots[governing]
            guard document[value].kind == .string,
                let allowed = spec.fields[governing].allowedValues
            else { continue }
            let text = document.string(value)
            // Only a valid governing value says anything; a wrong one is its own finding.
            guard allowed.contains(text) else { continue }
            let holds: Bool
            switch condition.trigger {
            case .equals(let expected): holds = text == expected
            case .differsFrom(let other): holds = text != other
            }
            guard holds else { continue }
            let severity = RuleCatalog.severity(of: condition.rule)
            for subject in condition.subjects {
                guard let index = spec.fieldIndex(named: subject) else { continue }
                let present = slots[index] >= 0
                switch condition.expectation {
                case .absent where present:
                    let key = slotKeys[index]
                    findings.append(Diagnostic(
                        severity, condition.rule,
                        "\(subject) is present but \(condition.field) is \(TerminalSafe.quoted(text)); \(condition.reason)",
                        offset: document.sourceOffset(of: key), pointer: document.pointer(to: key, prefix: pointerPrefix)))
                case .present where !present:
                    findings.append(Diagnostic(
                        severity, condition.rule,
                        "\(condition.field) is \(TerminalSafe.quoted(text)) but \(subject) is absent; \(condition.reason)",
                        offset: document.sourceOffset(of: value), pointer: document.pointer(to: value, prefix: pointerPrefix)))
                case .present where isEmptyString(slots[index], document):
                    // An empty optional field is no finding of its own, but it
                    // says as little as an absent one where one is expected.
                    let subjectValue = slots[index]
                    findings.append(Diagnostic(
                        severity, condition.rule,
                        "\(condition.field) is \(TerminalSafe.quoted(text)) but \(subject) is empty; \(condition.reason)",
                        offset: document.sourceOffset(of: subjectValue), pointer: document.pointer(to: subjectValue, prefix: pointerPrefix)))
                default:
                    break
                }
            }
        }
    }

    private func isEmptyString(_ value: Int, _ document: JSONDocument) -> Bool {
        document[value].kind == .string && document[value].end - document[value].start == 2
    }
}
