import FuzzEntries
import Foundation

/// libFuzzer entry: one document per input (`make fuzz`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntries.importDocument(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if !FUZZING
/// Without libFuzzer: replays the files named on the command line.
@main
enum FuzzImportReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            FuzzEntries.importDocument(Array(FileManager.default.contents(atPath: path) ?? Data()))
        }
    }
}
#endif
