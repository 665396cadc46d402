/// Writes UNIX times the way VOD writes EventTime, without a date library.
public enum UTCTime {
    /// `yyyy-MM-ddTHH:mm:ss` of the instant, followed by `zone`: `"Z"` for
    /// VOD's own form. Pass a time already moved by an offset, with the
    /// offset as the zone (`"+08:00"`), to write local time as drifted
    /// producers do.
    public static func text(_ seconds: Int, zone: String = "Z") -> String {
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            days -= 1
            rest += 86_400
        }
        let (year, month, day) = EventTimeCheck.civilFromDays(days)
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
            + "-" + pad(month) + "-" + pad(day) + "T" + pad(rest / 3600) + ":" + pad(rest / 60 % 60) + ":" + pad(rest % 60) + zone
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
