import CLibrary

/// Why a shared library or one of its symbols could not be had, in the
/// dynamic loader's words.
public struct LoadFailure: Error, Sendable {
    public let message: String

    public init(message: String) { self.message = message }
}

/// A shared library opened at run time, so that a feature needing it (https
/// through libcurl) costs nothing at start-up and the binary still runs, and
/// says what to install, where the library is missing. Never closed: code
/// from it may be running on any thread until the process ends. Not
/// `Sendable`: it is needed only while its symbols are looked up; what
/// crosses threads is the functions found, C function pointers, which are.
public struct DynamicLibrary {
    private let handle: UnsafeMutableRawPointer

    /// Opens `name` (a file name the loader searches for, or a path),
    /// resolving every symbol now so a broken library fails here, not mid-call.
    public static func open(_ name: String) throws(LoadFailure) -> DynamicLibrary {
        guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { throw LoadFailure(message: lastError() ?? "cannot load \(name)") }
        return DynamicLibrary(handle: handle)
    }

    /// The address of the function or variable called `name`.
    public func symbol(_ name: String) throws(LoadFailure) -> UnsafeMutableRawPointer {
        _ = dlerror()
        guard let address = dlsym(handle, name) else { throw LoadFailure(message: Self.lastError() ?? "no symbol \(name)") }
        return address
    }

    private static func lastError() -> String? {
        dlerror().map { String(cString: $0) }
    }
}
