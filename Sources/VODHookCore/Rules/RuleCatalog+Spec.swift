extension RuleCatalog {
    static let specRules: [RuleDescription] = [
        RuleDescription(
            id: .notAnObject, severity: .error,
            summary: "a document is not a JSON object",
            explanation: "A VOD callback body is always one JSON object. An array, string, number or literal is not a callback.",
            failingExample: #"["DeleteMediaComplete"]"#,
            passingExample: valid),
        RuleDescription(
            id: .notACallback, severity: .error,
            summary: "a JSON object that is no callback at all: no EventType, and no key is any event's field",
            explanation: """
                A JSON file picked up by a hook or a directory walk (a package.json, a config file) is not a \
                callback. When an object has no EventType and none of its keys is a field of any event in the \
                catalog (compared ignoring case and surrounding whitespace), it gets this one finding instead of \
                a check against a guessed event.
                """,
            failingExample: #"{"name":"receiver","version":"1.0.0","private":true}"#,
            passingExample: valid),
        RuleDescription(
            id: .lookAlike, severity: .error,
            summary: "another vendor's callback (Tencent Cloud VOD, IMS, Polyv...), recognized by its shape",
            explanation: """
                Several vendors send callbacks with ApsaraVideo VOD's event names, and some reach VOD receivers. \
                They are recognized by keys VOD never sends, not by name: \(VendorShapes.all.map(\.vendor).joined(separator: "; ")). \
                Such a payload gets this one finding naming the vendor and what gave it away, and is not checked \
                against a VOD event. A single key a VOD payload may carry (a UserId string, say) is not enough.
                """,
            failingExample: #"{"EventType":"FileUploadComplete","UserId":1833220977560000,"EventTime":"2022-07-15T08:48:14Z","MessageBody":{"Status":"Success","MediaId":"c321b3a0041a71eda1590674a2ce0102","Size":"5510872","MediaType":"video"}}"#,
            passingExample: #"{"EventTime":"2022-07-15T08:48:14Z","EventType":"FileUploadComplete","VideoId":"c321b3a0041a71eda1590674a2ce0102","Size":5510872,"FileUrl":"http://outin-example.oss-cn-shanghai.aliyuncs.com/sv/a.mp4","Status":"success"}"#),
        RuleDescription(
            id: .missingField, severity: .error,
            summary: "a required field is absent",
            explanation: """
                Each event has its required fields ('vodhook spec EVENT' lists them): every event requires \
                EventType and EventTime, and most Status and their identity field (VideoId, MediaId, ImageId or \
                AttachedMediaId). A receiver that reads a missing field gets nothing to act on. Without EventType, \
                a document whose fields fit one event well (its identity field and required fields) is checked \
                as that event, and the finding says so ("looks like FileUploadComplete (by its fields)"). A key \
                that differs from a field only in case or surrounding whitespace is reported once as field-name-case.
                """,
            failingExample: example([(#","MediaId":"10f6baa29bdf71f1bfc46733a78e0102""#, "")]),
            passingExample: valid),
        RuleDescription(
            id: .wrongType, severity: .error,
            summary: "a field has the wrong JSON type (null included)",
            explanation: """
                Each field has a JSON type: string, integer, number, boolean, a numeric string ("925"), an \
                object with its own fields, an array, or an object that may come as a JSON string holding one. \
                Another type, or null, breaks receivers that decode into typed structures. Where VOD is seen to \
                send a second type (Width as "630"), that one is accepted with a spec-drift note instead.
                """,
            failingExample: example([(#""Status":"success""#, #""Status":1"#)]),
            passingExample: valid),
        RuleDescription(
            id: .fieldNameCase, severity: .error,
            summary: "a key matches a spec field only when case or surrounding whitespace is ignored",
            explanation: """
                VOD field names are exact: "eventType" is not "EventType", and "ErrorCode " (with a trailing \
                space, as in one of the docs' own examples) is not "ErrorCode". The finding says exactly how the \
                key differs and, when the field is required, that it is missing as sent (one finding, not two). A \
                payload whose keys are all camelCase is most likely a look-alike from another vendor or a \
                hand-written mistake, and the tool says so.
                """,
            failingExample: example([(#""MediaType""#, #""mediaType""#)]),
            passingExample: valid),
        RuleDescription(
            id: .unknownEventType, severity: .error,
            summary: "EventType names an event the tool does not know",
            explanation: """
                EventType selects the spec a payload is checked against, among the \(EventCatalog.events.count) events \
                of the catalog ('vodhook spec' lists them). An unknown name is usually a typo: the hint suggests \
                the nearest known name, and the other fields are checked against it. A name near no known event \
                (another product's event, or AIComplete, which is a subscription and never a payload's EventType) \
                gets this one finding, and its fields are not checked against another event's table.
                """,
            failingExample: example([(#""EventType":"DeleteMediaComplete""#, #""EventType":"DeleteMediaCompleted""#)]),
            passingExample: valid),
        RuleDescription(
            id: .invalidValue, severity: .error,
            summary: "a field with a fixed set of values (Status, MediaType, DeleteType...) holds another",
            explanation: """
                Status is success or fail (Success or Failed for the storage events); DeleteMediaComplete's \
                MediaType is video, image or attached and its DeleteType all, mezzanine or stream; other events \
                have their own sets ('vodhook spec EVENT'). Values are case-sensitive. The hint names the value \
                that was most likely meant.
                """,
            failingExample: example([(#""Status":"success""#, #""Status":"Success""#)]),
            passingExample: valid),
        RuleDescription(
            id: .invalidEventTime, severity: .error,
            summary: "EventTime is not yyyy-MM-ddTHH:mm:ssZ in UTC, or names no real instant",
            explanation: """
                VOD writes EventTime in UTC as yyyy-MM-ddTHH:mm:ssZ, with whole seconds. Fractional seconds, \
                an offset instead of Z, a space instead of T, or a date that does not exist (February 30, \
                hour 24, February 29 of a non-leap year) are reported with the part that is wrong.
                """,
            failingExample: example([("2017-03-20T07:49:17Z", "2017-03-20 07:49:17Z")]),
            passingExample: valid),
        RuleDescription(
            id: .emptyValue, severity: .error,
            summary: "a required string field is empty",
            explanation: "An empty required field passes a type check but carries nothing: a receiver cannot act on an empty MediaId.",
            failingExample: example([("10f6baa29bdf71f1bfc46733a78e0102", "")]),
            passingExample: valid),
        RuleDescription(
            id: .unknownField, severity: .warning,
            summary: "a field the spec does not list",
            explanation: """
                Real VOD callbacks sometimes carry fields the docs omit (AppId, for example), so an unknown \
                field is a warning. --strict makes it an error. A near miss of a spec field gets a hint.
                """,
            failingExample: example([(#""DeleteType":"all""#, #""DeleteType":"all","AppId":"app-1000000""#)]),
            passingExample: valid),
        RuleDescription(
            id: .jobIdsWithoutStream, severity: .warning,
            summary: "DeleteMediaComplete: JobIds is present while DeleteType is not stream",
            explanation: "DeleteMediaComplete returns JobIds only when DeleteType is stream (DeleteStream); elsewhere it is unexpected.",
            failingExample: example([(#""DeleteType":"all""#, #""DeleteType":"all","JobIds":"b3a6c4e1f2d94e5fa0b1c2d3e4f5a6b7""#)]),
            passingExample: example([(#""DeleteType":"all""#, #""DeleteType":"stream","JobIds":"b3a6c4e1f2d94e5fa0b1c2d3e4f5a6b7""#)])),
        RuleDescription(
            id: .errorFieldsOnSuccess, severity: .warning,
            summary: "ErrorCode or ErrorMessage is present while Status is success",
            explanation: """
                ErrorCode and ErrorMessage are returned only when the operation fails (a transcode, an upload, \
                a restore...); with a successful Status they contradict it.
                """,
            failingExample: example([(#""Status":"success""#, #""Status":"success","ErrorCode":"DeleteVideoFailed""#)]),
            passingExample: example([(#""Status":"success""#, #""Status":"fail","ErrorCode":"DeleteVideoFailed""#)])),
        RuleDescription(
            id: .missingErrorOnFailure, severity: .warning,
            summary: "Status is fail (or Failed) but ErrorCode is absent",
            explanation: """
                A failed operation (Status fail, or Failed for the storage events) should say why: without \
                ErrorCode a receiver cannot tell a missing video from a transient failure. An empty ErrorCode says \
                as little as none and is reported the same way.
                """,
            failingExample: example([(#""Status":"success""#, #""Status":"fail""#)]),
            passingExample: example([(#""Status":"success""#, #""Status":"fail","ErrorCode":"InvalidVideo.NotFound""#)])),
        RuleDescription(
            id: .missingJobIdsOnStream, severity: .note,
            summary: "DeleteMediaComplete: DeleteType is stream without JobIds",
            explanation: "DeleteMediaComplete returns JobIds when DeleteType is stream, naming the deleted transcoding jobs; its absence is unusual.",
            failingExample: example([(#""DeleteType":"all""#, #""DeleteType":"stream""#)]),
            passingExample: example([(#""DeleteType":"all""#, #""DeleteType":"stream","JobIds":"b3a6c4e1f2d94e5fa0b1c2d3e4f5a6b7""#)])),
        RuleDescription(
            id: .mediaIdFormat, severity: .note,
            summary: "an ID (MediaId, VideoId, JobId...) is not 32 lowercase hex characters",
            explanation: """
                Real media, video and job IDs are 32 lowercase hex characters. The docs' examples mask the last \
                four with "****"; an ID like that in a real payload was probably copied from the docs.
                """,
            failingExample: example([("10f6baa29bdf71f1bfc46733a78e0102", "1234343b689jsi3ka5422dfe1e47****")]),
            passingExample: valid),
        RuleDescription(
            id: .urlFormat, severity: .note,
            summary: "a URL field does not hold an http:// or https:// URL, or holds one masked like the docs' examples",
            explanation: """
                FileUrl, FileURL, CoverUrl, SourceURL and the other URL fields hold the http:// (sometimes \
                https://) address of a file. Anything else was most likely written by hand or cut short. A URL \
                with "****" anywhere in it (the docs mask bucket names and paths that way) was copied from the \
                docs' examples, and gets the same note as a masked ID.
                """,
            failingExample: #"{"EventTime":"2017-03-20T07:49:17Z","EventType":"FileUploadComplete","VideoId":"43a1c09ee1a571eeb0f64531a8c30102","Size":4372373,"FileUrl":"outin-example.oss-cn-shanghai.aliyuncs.com/a.mp4","Status":"success"}"#,
            passingExample: #"{"EventTime":"2017-03-20T07:49:17Z","EventType":"FileUploadComplete","VideoId":"43a1c09ee1a571eeb0f64531a8c30102","Size":4372373,"FileUrl":"http://outin-example.oss-cn-shanghai.aliyuncs.com/a.mp4","Status":"success"}"#),
        RuleDescription(
            id: .specDrift, severity: .note,
            summary: "a value has a form the docs' table does not list but VOD is seen to send",
            explanation: """
                Where the docs' table and their own examples or real payloads disagree, vodhook accepts what VOD \
                sends and says so: VideoAnalysisComplete's Width as text ("630") where the table says number, \
                SubmitMediaRefreshComplete's TaskType "refresh" where the table says "Refresh". Nothing needs \
                fixing; a receiver should accept both forms.
                """,
            failingExample: #"{"VideoId":"84bd5b0566dd4f9b9c86befd0e801a2b","Duration":"12","Height":"360","Width":"630","Fps":"30","Bitrate":"499","Size":"1234568","EventTime":"2018-11-28T10:12:48Z","EventType":"VideoAnalysisComplete","Status":"success"}"#,
            passingExample: #"{"VideoId":"84bd5b0566dd4f9b9c86befd0e801a2b","Duration":12,"Height":360,"Width":630,"Fps":"30","Bitrate":"499","Size":1234568,"EventTime":"2018-11-28T10:12:48Z","EventType":"VideoAnalysisComplete","Status":"success"}"#),
    ]
}
