/// The error codes the delete operations document, with their documented
/// messages, so failed samples say what VOD would say.
public enum DeleteErrors {
    /// One documented error and how often samples use it: a missing asset
    /// is the usual failure, a transient one less so, an oversized batch rare.
    public struct Entry: Sendable, Hashable {
        public let code: String
        public let message: String
        let weight: Int
    }

    /// DeleteVideo's errors; used for DeleteType all and mezzanine.
    public static let deleteVideo = [
        Entry(code: "InvalidVideo.NotFound", message: "The video does not exist.", weight: 6),
        Entry(code: "DeleteVideoFailed", message: "Deleting video has failed due to some unknown error.", weight: 3),
        Entry(code: "VideoIdsExceededMax", message: "The VideoIds exceeded maximum.", weight: 1),
    ]

    /// DeleteStream's errors; used for DeleteType stream.
    public static let deleteStream = [
        Entry(code: "InvalidStream.NotFound", message: "The stream does not exist.", weight: 6),
        Entry(code: "DeleteStreamFailed", message: "Deleting stream has failed due to some unknown error.", weight: 3),
        Entry(code: "JobIdsExceededMax", message: "The JobIds exceeded maximum.", weight: 1),
    ]

    /// The operation behind a DeleteType decides which errors are possible.
    public static func entries(forDeleteType deleteType: String) -> [Entry] {
        deleteType == "stream" ? deleteStream : deleteVideo
    }
}
