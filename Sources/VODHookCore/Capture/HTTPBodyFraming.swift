/// How a request's body is delimited (RFC 9112 §6.3, with one capture-specific fallback).
enum HTTPBodyFraming {
    case contentLength(Int, declaredBy: HTTPHeader)
    case chunked
    /// No length given: the body runs to the next request line or the end.
    case untilNextRequest

    /// Transfer-Encoding wins over Content-Length, as §6.3 says; a
    /// Transfer-Encoding not ending in chunked leaves a request's length unknown,
    /// which §6.3 makes an error rather than a guess.
    static func of(_ headers: [HTTPHeader]) -> Result<HTTPBodyFraming, HTTPSyntaxError> {
        let transferEncodings = headers.filter { httpNamesEqual($0.name, "Transfer-Encoding") }
        if let last = transferEncodings.last {
            let codings = transferEncodings.flatMap { listElements($0.value) }
            guard let final = codings.last, httpNamesEqual(final, "chunked") else {
                return .failure(HTTPSyntaxError(
                    offset: last.valueOffset,
                    message: "Transfer-Encoding \(quote(last.value)) does not end in 'chunked', so the body length is unknown"))
            }
            return .success(.chunked)
        }

        var length: (value: Int, header: HTTPHeader)?
        for header in headers where httpNamesEqual(header.name, "Content-Length") {
            // A repeated or comma-listed Content-Length is fine only if every value agrees (§6.3).
            let elements = listElements(header.value)
            if elements.isEmpty {
                return .failure(HTTPSyntaxError(
                    offset: header.valueOffset, message: "Content-Length \(quote(header.value)) is not a number"))
            }
            for element in elements {
                let digits = Array(element.utf8)
                guard digits.allSatisfy({ (0x30...0x39).contains($0) }) else {
                    return .failure(HTTPSyntaxError(
                        offset: header.valueOffset, message: "Content-Length \(quote(header.value)) is not a number"))
                }
                guard digits.count <= 18, let value = Int(element) else {
                    return .failure(HTTPSyntaxError(
                        offset: header.valueOffset, message: "Content-Length \(quote(header.value)) is too large"))
                }
                if let earlier = length, earlier.value != value {
                    return .failure(HTTPSyntaxError(
                        offset: header.valueOffset,
                        message: "conflicting Content-Length values \(earlier.value) and \(value)"))
                }
                length = length ?? (value, header)
            }
        }
        if let length {
            return .success(.contentLength(length.value, declaredBy: length.header))
        }
        return .success(.untilNextRequest)
    }

    /// Elements of a comma-separated field value, trimmed, empty ones dropped (RFC 9110 §5.6.1).
    private static func listElements(_ value: String) -> [Substring] {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return value.split(separator: ",").compactMap { element in
            guard let first = element.firstIndex(where: { !isBlank($0) }),
                  let last = element.lastIndex(where: { !isBlank($0) })
            else { return nil }
            return element[first...last]
        }
    }

    private static func quote(_ value: String) -> String {
        quoteForMessage(ArraySlice(value.utf8))
    }
}
