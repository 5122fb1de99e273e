import Foundation
import XCTest
@testable import Store

/// A fresh temporary directory removed when the test ends.
func makeTemporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("dq-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Runs `body`, expecting a StoreError, and returns it.
func expectStoreError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> StoreError? {
    do {
        try body()
        XCTFail("expected a StoreError, got none", file: file, line: line)
    } catch let error as StoreError {
        return error
    } catch {
        XCTFail("expected a StoreError, got \(error)", file: file, line: line)
    }
    return nil
}
