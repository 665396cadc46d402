import VODHookCore

/// How `send` reports each document: a line of text, or a JSON object with
/// exactly the keys the help lists. Answer text is made terminal-safe.
struct DeliveryReport {
    let json: Bool

    /// Where a document came from.
    struct Origin {
        var source: String
        var document: Int
        var line: Int
    }

    func render(_ origin: Origin, _ delivery: CallbackSender.Delivery) -> String {
        let last = delivery.attempts.last
        var response: HTTPResponse?
        var bodyCut = false
        if case .answered(let answer, let cut)? = last?.outcome {
            response = answer
            bodyCut = cut
        }
        let location = response.flatMap { (300...399).contains($0.statusCode) ? $0.header("Location")?.value : nil }
        let problem = Self.problem(last?.outcome, location: location)
        let body = response.map { Self.firstLine($0.body) + (bodyCut ? "…" : "") }
        let count = delivery.attempts.count
        if json {
            return record(origin, [
                ("delivered", .bool(delivery.delivered)),
                ("status", response.map { .integer($0.statusCode) } ?? .null),
                ("attempts", .integer(count)),
                ("milliseconds", last.map { .integer($0.milliseconds) } ?? .null),
                ("body", body.map(OutputJSON.string) ?? .null),
                ("location", location.map(OutputJSON.string) ?? .null),
                ("problem", problem.map(OutputJSON.string) ?? .null),
            ])
        }
        var outcome = delivery.delivered
            ? (count == 1 ? "delivered" : "delivered on attempt \(count) (\(Self.earlier(delivery.attempts.dropLast())))")
            : "not delivered after \(count) attempt\(count == 1 ? "" : "s")"
        if let problem { outcome += ": " + problem }
        var fields = [place(origin), response.map { String($0.statusCode) } ?? "---", "\(last?.milliseconds ?? 0) ms", outcome]
        if let body, !body.isEmpty { fields.append(body) }
        return fields.joined(separator: "  ") + "\n"
    }

    /// A document that was not sent, because the reader could not tell where it ends.
    func renderNotSent(_ origin: Origin, reason: String) -> String {
        if json {
            return record(origin, [
                ("delivered", .bool(false)), ("status", .null), ("attempts", .integer(0)), ("milliseconds", .null),
                ("body", .null), ("location", .null), ("problem", .string("not sent: " + reason)),
            ])
        }
        return [place(origin), "---", "not sent: " + reason].joined(separator: "  ") + "\n"
    }

    func footer(documents: Int, delivered: Int) -> String {
        json ? "" : "\(documents) document\(documents == 1 ? "" : "s"): \(delivered) delivered, \(documents - delivered) not delivered\n"
    }

    private func place(_ origin: Origin) -> String {
        TerminalSafe.path(origin.source) + ":\(origin.line)"
    }

    private func record(_ origin: Origin, _ members: [(String, OutputJSON)]) -> String {
        let head: [(String, OutputJSON)] = [("source", .string(origin.source)), ("document", .integer(origin.document)), ("line", .integer(origin.line))]
        return String(decoding: OutputJSON.object(head + members).compact(), as: UTF8.self) + "\n"
    }

    /// Why the attempts before the one that got through did not: "attempt 1: cannot connect: connection refused".
    private static func earlier(_ attempts: ArraySlice<HTTPExchange.Attempt>) -> String {
        var reasons: [String] = []
        for (index, attempt) in attempts.enumerated() {
            let reason: String
            if case .answered(let response, _) = attempt.outcome {
                reason = "answered \(response.statusCode)"
            } else {
                reason = problem(attempt.outcome, location: nil) ?? "no answer"
            }
            reasons.append("attempt \(index + 1): \(reason)")
        }
        // The same reason each time is said once.
        if reasons.count > 1, Set(reasons.map { $0.drop { $0 != ":" } }).count == 1 {
            return "attempts 1 to \(reasons.count)" + reasons[0].drop { $0 != ":" }
        }
        return reasons.joined(separator: "; ")
    }

    private static func problem(_ outcome: HTTPExchange.Outcome?, location: String?) -> String? {
        switch outcome {
        case .answered(let response, _)?:
            guard (300...399).contains(response.statusCode) else { return nil }
            return location.map { "redirect to \(TerminalSafe.quotedExcerpt($0)) not followed" } ?? "redirect not followed"
        case .noAnswer(let reason)?: return reason
        case .unreachable(let reason)?: return "cannot connect: " + reason
        case .unresolvable(let reason)?: return "cannot resolve the host: " + reason
        case .tlsFailed(let failure)?: return "cannot connect securely: " + failure.description
        case nil: return nil
        }
    }

    /// The answer's first line, terminal-safe and at most 100 characters.
    static func firstLine(_ body: [UInt8]) -> String {
        let line = body.prefix { $0 != 0x0A && $0 != 0x0D }
        var text = ""
        var count = 0
        for scalar in String(decoding: line, as: UTF8.self).unicodeScalars {
            if count == 100 { return text + "…" }
            TerminalSafe.append(scalar, to: &text)
            count += 1
        }
        return text
    }

    /// Milliseconds as seconds for people: "5 s", "0.25 s".
    static func seconds(_ milliseconds: Int) -> String {
        let fraction = milliseconds % 1000
        guard fraction != 0 else { return "\(milliseconds / 1000) s" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(milliseconds / 1000).\(digits) s"
    }
}
