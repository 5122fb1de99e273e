import Core
import Foundation
import XCTest

final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 1_000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testBlockBoundaries() {
        // Message lengths around the 55/56/64-byte padding boundaries.
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 55)),
                       "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 56)),
                       "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 64)),
                       "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    func testTailsOfOneAndTwoBlocksAndNonContiguousInput() {
        // Byte i is (7i + 3) mod 256; the last whole block is read in place, the tail padded
        // into one block (fewer than 56 bytes left) or two.
        let expected: [Int: String] = [
            111: "67d9492e628fd376e0b2efec8ca2b99b123e202cf620deb270728df979b2f73e",
            112: "96b928cff8528dbb99602c709a65b846cb6467acb8b722f0d758e4dc27bfc508",
            119: "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e",
            120: "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5",
            127: "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07",
            128: "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6",
            129: "307f8fc2c1622b92762e818d39a185d4d667ad49a4b07ceae1f4afa008a93ec4",
            1_000_003: "987ab1b5b3b71c1d1053a817cffc3695c96e78c2b068d558c6b340a8255c3ed8",
        ]
        for (count, hex) in expected {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            XCTAssertEqual(SHA256.hex(bytes), hex, "\(count) bytes")
            XCTAssertEqual(SHA256.hex(bytes[...]), hex, "\(count) bytes as a slice")
            // A collection without contiguous storage is copied first, with the same digest.
            XCTAssertEqual(SHA256.hex((0..<count).lazy.map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }), hex, "\(count) lazy bytes")
        }
    }

    func testMatchesTheRecordedHashOfTheSeedDocument() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/disclosures/000_aa60969cd7f058a1.txt")
        let bytes = try Data(contentsOf: url)
        XCTAssertEqual(SHA256.hex(bytes), "ad55e39453befcca0fd4ffb4950c5ac7ccb00119dce321d83eed00aa28604c4b")
    }
}
