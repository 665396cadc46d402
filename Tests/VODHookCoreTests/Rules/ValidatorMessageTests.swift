import Testing
import VODHookCore

/// What the findings say: every message a lowercase fragment that quotes the
/// offending text safely, and hints that name what was meant.
@Suite struct ValidatorMessageTests {
    static let fields = ["EventType", "EventTime", "Status", "MediaType", "DeleteType", "MediaId", "JobIds", "ErrorCode", "ErrorMessage"]

    /// A valid callback with `field` set to `value` (raw JSON text), added when not already there.
    static func payload(_ field: String, _ value: String) -> String {
        var members = [
            ("EventType", "\"DeleteMediaComplete\""), ("EventTime", "\"2017-03-20T07:49:17Z\""), ("Status", "\"fail\""),
            ("MediaType", "\"video\""), ("DeleteType", "\"stream\""), ("MediaId", "\"10f6baa29bdf71f1bfc46733a78e0102\""),
            ("JobIds", "\"b3a6c4e1f2d94e5fa0b1c2d3e4f5a6b7\""), ("ErrorCode", "\"DeleteStreamFailed\""), ("ErrorMessage", "\"x\""),
        ]
        if let index = members.firstIndex(where: { $0.0 == field }) { members[index].1 = value } else { members.append((field, value)) }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    @Test func theBasePayloadIsClean() throws {
        #expect(try checkBody(Self.payload("Status", "\"fail\"")).isEmpty)
    }

    // MARK: wrong-type, for every field and every non-string JSON type

    static let nonStrings: [(json: String, found: String)] = [
        ("42", "a number (42)"), ("-0.5e3", "a number (-0.5e3)"), ("true", "a boolean (true)"), ("false", "a boolean (false)"),
        ("null", "null"), ("[]", "an array"), ("[\"video\"]", "an array"), ("{}", "an object"), ("{\"a\":1}", "an object"),
    ]

    @Test(arguments: fields)
    func everyNonStringValueIsWrongTypeQuotingWhatWasFound(_ field: String) throws {
        for (json, found) in Self.nonStrings {
            let findings = try checkBody(Self.payload(field, json))
            let errors = findings.filter { $0.severity == .error }
            #expect(errors.map(\.rule) == ["wrong-type"], "\(field)=\(json): \(findings)")
            #expect(errors.first?.message == "\"\(field)\" must be a string, found \(found)")
            #expect(errors.first?.pointer == "/\(field)")
        }
    }

    @Test func nullHintsAtOmittingTheField() throws {
        let finding = try #require(try checkBody(Self.payload("ErrorCode", "null")).first)
        #expect(finding.hint == "omit the field or give it a string")
    }

    @Test func aLongNumberIsCutVisibly() throws {
        let finding = try #require(try checkBody(Self.payload("MediaId", String(repeating: "9", count: 60))).first)
        #expect(finding.message == "\"MediaId\" must be a string, found a number (\(String(repeating: "9", count: 40))...)")
    }

    // MARK: EventType: missing, wrong type, empty, unknown

    @Test func eventTypeMissingWrongTypeEmptyAndUnknownAreFourDifferentFindings() throws {
        let missing = try checkBody(Self.payload("Status", "\"fail\"").replacing(#""EventType":"DeleteMediaComplete","#, with: ""))
        #expect(missing.map(\.rule) == ["missing-field"])
        #expect(missing.first?.message == #"missing required field "EventType""#)
        #expect(try checkBody(Self.payload("EventType", "7")).map(\.rule) == ["wrong-type"])
        #expect(try checkBody(Self.payload("EventType", "\"\"")).map(\.rule) == ["empty-value"])
        let unknown = try checkBody(Self.payload("EventType", "\"DeleteMediaCompleted\""))
        #expect(unknown.map(\.rule) == ["unknown-event-type"])
        #expect(unknown.first?.message == #"unknown event type "DeleteMediaCompleted""#)
        #expect(unknown.first?.hint == #"did you mean "DeleteMediaComplete"?"#)
    }

    @Test(arguments: [
        ("deletemediacomplete", #"did you mean "DeleteMediaComplete"?"#),
        (" DeleteMediaComplete ", #"did you mean "DeleteMediaComplete"?"#),
        ("DeleteMedia", #"did you mean "DeleteMediaComplete"?"#),
        ("Foo", "known event types: " + EventCatalog.events.map(\.eventType).joined(separator: ", ")),
        ("FileUploadCompleted", #"did you mean "FileUploadComplete"?"#),
        ("AIComplete", "AIComplete is how a callback subscribes to the AI events; payloads name AIMediaAuditComplete, AIMediaDNAComplete or AIVideoTagComplete"),
    ])
    func unknownEventTypeHints(_ name: String, _ hint: String) throws {
        let finding = try #require(try checkBody(Self.payload("EventType", "\"\(name)\"")).first { $0.rule == "unknown-event-type" })
        #expect(finding.hint == hint)
    }

    // MARK: invalid-value hints

    @Test(arguments: [
        ("Status", "Success", #"did you mean "success"?"#),
        ("Status", " fail ", #"did you mean "fail"?"#),
        ("Status", "failed", #"did you mean "fail"?"#),
        ("Status", "failure", #"did you mean "fail"?"#),
        ("MediaType", "VIDEO", #"did you mean "video"?"#),
        ("MediaType", "audio", #"did you mean "video"? the spec's "video" covers audio and video"#),
        ("DeleteType", "mezanine", #"did you mean "mezzanine"?"#),
        ("DeleteType", "MoveToTrash", #""MoveToTrash" is Polyv's deleteType; ApsaraVideo VOD's DeleteType is "all", "mezzanine" or "stream""#),
    ])
    func invalidValueHintNamesTheIntendedValue(_ field: String, _ value: String, _ hint: String) throws {
        let finding = try #require(try checkBody(Self.payload(field, "\"\(value)\"")).first { $0.rule == "invalid-value" })
        #expect(finding.hint == hint)
    }

    @Test func invalidValueMessageListsTheAllowedSet() throws {
        let finding = try #require(try checkBody(Self.payload("Status", "\"Success\"")).first)
        #expect(finding.message == #""Success" is not a valid Status; expected one of "success", "fail""#)
    }

    @Test func nothingCloseMeansNoGuess() throws {
        let finding = try #require(try checkBody(Self.payload("DeleteType", "\"delete\"")).first)
        #expect(finding.rule == "invalid-value")
        #expect(finding.hint == nil)
    }

    // MARK: field-name-case and the look-alike

    @Test func miscasedKeyNamesTheExactSpelling() throws {
        let findings = try checkBody(Self.payload("Status", "\"fail\"").replacing(#""MediaType""#, with: #""mediatype""#))
        #expect(findings.map(\.rule) == ["field-name-case"])
        #expect(findings.first?.message == #"key "mediatype" matches the field "MediaType" only when case is ignored"#)
        // The key stands for the field, so the missing MediaType is said here, not in a second finding.
        #expect(findings.first?.hint == #"rename it to "MediaType"; VOD field names are exact; as sent, the required field "MediaType" is missing"#)
    }

    @Test func aKeyWithATrailingSpaceIsOneFindingThatSaysSo() throws {
        let findings = try checkBody(Self.payload("Status", "\"fail\"").replacing(#""ErrorCode":"#, with: #""ErrorCode ":"#))
        // Not an unknown field, and not a missing ErrorCode on failure beside it.
        #expect(findings.map(\.rule) == ["field-name-case"])
        #expect(findings.first?.message == #"key "ErrorCode " matches the field "ErrorCode" but for a trailing space"#)
        #expect(findings.first?.hint == #"rename it to "ErrorCode"; VOD field names are exact"#)
    }

    static let polyv = #"{"eventType":"DeleteMediaComplete","vids":"abc","deleteType":"MoveToTrash","operateTime":"2020-01-20 07:49:17"}"#

    @Test func polyvPayloadIsOneLookAlikeFinding() throws {
        let findings = try checkBody(Self.polyv)
        #expect(findings.map(\.rule) == ["look-alike"])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message == #"this is Polyv's callback, not ApsaraVideo VOD's: it has "vids", "deleteType": "MoveToTrash" and "operateTime""#)
        #expect(findings.first?.pointer == "/vids")
    }

    @Test func camelCaseWithoutPolyvFieldsIsStillCalledALookAlike() throws {
        let findings = try checkBody(#"{"eventType":"DeleteMediaComplete","eventTime":"2017-03-20T07:49:17Z","status":"success"}"#)
        #expect(findings.filter { $0.message.contains("look-alike") }.count == 1)
        #expect(findings.first { $0.rule == "field-name-case" }?.message.contains("Polyv sends an event of this name with camelCase keys") == true)
    }

    @Test func oneMiscasedKeyAmongCorrectOnesIsNoLookAlike() throws {
        let findings = try checkBody(Self.payload("Status", "\"fail\"").replacing(#""Status""#, with: #""status""#))
        #expect(!findings.contains { $0.message.contains("look-alike") })
    }

    // MARK: missing-field hints

    @Test func aMisspeltKeyIsNamedInTheMissingFieldHint() throws {
        let findings = try checkBody(Self.payload("Status", "\"fail\"").replacing(#""Status""#, with: #""Stauts""#))
        #expect(findings.map(\.rule) == ["missing-field", "unknown-field"])
        #expect(findings[0].hint == #"the key "Stauts" looks like a misspelling of "Status""#)
        #expect(findings[1].hint == #"did you mean "Status"?"#)
    }

    // MARK: Quoting of keys and values with control and invisible characters

    @Test(arguments: [
        (#""\u001b[31mred""#, #""\u001b[31mred""#),
        (#""new\nline""#, #""new\nline""#),
        (#""\u202eabc""#, #""\u202eabc""#),
        (#""succ\u200bess""#, #""succ\u200bess""#),
        ("\"视频\"", "\"视频\""),
        (#""\"quoted\"""#, #""\"quoted\"""#),
    ])
    func valuesAreQuotedTerminalSafely(_ json: String, _ quoted: String) throws {
        let finding = try #require(try checkBody(Self.payload("Status", json)).first)
        #expect(finding.rule == "invalid-value")
        #expect(finding.message.hasPrefix(quoted + " is not a valid Status"), "\(finding.message)")
        #expect(!finding.message.unicodeScalars.contains { TerminalSafe.needsEscape($0) })
    }

    @Test func keysAreQuotedTerminalSafely() throws {
        let findings = try checkBody(Self.payload("\\u001b]0;title\\u0007", "1"))
        let finding = try #require(findings.first)
        #expect(finding.message == #"field "\u001b]0;title\u0007" is not in the DeleteMediaComplete spec"#)
        #expect(finding.pointer == "/\u{1B}]0;title\u{7}")
    }

    /// A message starts in lowercase, or with a quoted value or a field name,
    /// which keep their own case.
    @Test func everyMessageIsALowercaseFragmentWithoutAPeriod() throws {
        let sources = [Self.polyv, Self.payload("EventTime", "\"2017-02-30 07:49:17.5+08:00\""), Self.payload("Status", "\"\""),
                       Self.payload("MediaId", "\"1234343b689jsi3ka5422dfe1e47****\""), Self.payload("Extra", "1"),
                       Self.payload("Status", "\"Success\""), Self.payload("ErrorCode", "\"\""), "[]", "{}"]
        for source in sources {
            for finding in try checkBody(source) {
                let firstWord = String(finding.message.prefix { $0 != " " })
                let first = try #require(firstWord.first)
                #expect(first.isLowercase || first == "\"" || Self.fields.contains(firstWord), "\(finding)")
                #expect(!finding.message.hasSuffix("."), "\(finding)")
            }
        }
    }

    // MARK: Conditions

    @Test func conditionMessagesNameBothFields() throws {
        let success = try checkBody(Self.payload("Status", "\"success\""))
        #expect(success.map(\.message) == [
            #"ErrorCode is present but Status is "success"; ErrorCode and ErrorMessage are returned only when the deletion fails"#,
            #"ErrorMessage is present but Status is "success"; ErrorCode and ErrorMessage are returned only when the deletion fails"#,
        ])
        let emptyCode = try checkBody(Self.payload("ErrorCode", "\"\""))
        #expect(emptyCode.map(\.message) == [#"Status is "fail" but ErrorCode is empty; a failed deletion should say why in ErrorCode"#])
    }
}

extension ValidatorMessageTests {
    @Test func aMiscasedKeyBesideTheExactOneIsNotCalledATypo() throws {
        let findings = try checkBody(Self.payload("status", "\"success\""))
        #expect(findings.map(\.rule) == ["field-name-case"])
        #expect(findings.first?.hint == #"remove it: "Status" is also present, and receivers that match keys ignoring case (Go's encoding/json, for one) may read this value as "Status""#)
    }
}
