public enum VODHookCoreVersion { public static let string = "0.1.0" }
