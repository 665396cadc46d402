#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import VODHookCore
import ArgumentParsing

public enum VODHook {
    public static func main(arguments: [String]) -> ExitCode { .success }
}

public enum ExitCode: Int32, Sendable {
    case success = 0
    case invalid = 1
    case usage = 2
}
