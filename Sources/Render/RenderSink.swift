/// Where rendered output goes: text chunks, and the UTF-8 bytes machine formats encode
/// row by row (a console can take them without building a String per row).
public struct RenderSink {
    public let text: (String) -> Void
    public let bytes: (UnsafeRawBufferPointer) -> Void

    public init(text: @escaping (String) -> Void, bytes: ((UnsafeRawBufferPointer) -> Void)? = nil) {
        self.text = text
        self.bytes = bytes ?? { text(String(decoding: $0, as: UTF8.self)) }
    }
}
