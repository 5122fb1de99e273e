/// SHA-256 (FIPS 180-4) of a byte sequence, as lowercase hex. Used to recognize a
/// document or the embedded seed data by content; not a security boundary.
public enum SHA256 {
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digest = digest(bytes)
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { buffer in
            for (k, byte) in digest.enumerated() {
                buffer[2 * k] = digits[Int(byte >> 4)]
                buffer[2 * k + 1] = digits[Int(byte & 0x0F)]
            }
            return 64
        }
    }

    public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ digest(contiguous: UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { digest(contiguous: $0) }
    }

    /// The digest of bytes in memory: whole blocks straight from `message`, the padded tail
    /// from a 128-byte buffer, one 64-word schedule for every block.
    private static func digest(contiguous message: UnsafeRawBufferPointer) -> [UInt8] {
        var state = State()
        let schedule = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        defer { schedule.deallocate() }
        let whole = message.count / 64
        for block in 0..<whole {
            state.compress(UnsafeRawPointer(message.baseAddress!) + block * 64, schedule: schedule)
        }
        // The tail: the bytes after the last whole block, 0x80, zeros, the length in bits.
        let tail = UnsafeMutableRawPointer.allocate(byteCount: 128, alignment: 8)
        defer { tail.deallocate() }
        tail.initializeMemory(as: UInt8.self, repeating: 0, count: 128)
        let rest = message.count - whole * 64
        if rest > 0 { tail.copyMemory(from: message.baseAddress! + whole * 64, byteCount: rest) }
        tail.storeBytes(of: 0x80, toByteOffset: rest, as: UInt8.self)
        let tailLength = rest < 56 ? 64 : 128
        let bitLength = UInt64(message.count) &* 8
        tail.storeBytes(of: bitLength.bigEndian, toByteOffset: tailLength - 8, as: UInt64.self)
        state.compress(UnsafeRawPointer(tail), schedule: schedule)
        if tailLength == 128 { state.compress(UnsafeRawPointer(tail) + 64, schedule: schedule) }
        return state.bytes
    }

    /// The eight working words between blocks.
    private struct State {
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19

        var bytes: [UInt8] {
            [h0, h1, h2, h3, h4, h5, h6, h7].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * $0)) } }
        }

        /// Folds the 64-byte block at `block` into the state.
        @inline(__always)
        mutating func compress(_ block: UnsafeRawPointer, schedule w: UnsafeMutablePointer<UInt32>) {
            for i in 0..<16 { w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
            for i in 16..<64 {
                let x = w[i - 15], y = w[i - 2]
                let s0 = rotate(x, 7) ^ rotate(x, 18) ^ (x >> 3)
                let s1 = rotate(y, 17) ^ rotate(y, 19) ^ (y >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
            roundConstants.withUnsafeBufferPointer { k in
                // Eight rounds a turn, the words' roles rotating instead of the words moving.
                var i = 0
                while i < 64 {
                    compressionRound(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                    compressionRound(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                    compressionRound(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                    compressionRound(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                    compressionRound(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w[i + 4])
                    compressionRound(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w[i + 5])
                    compressionRound(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w[i + 6])
                    compressionRound(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w[i + 7])
                    i += 8
                }
            }
            h0 = h0 &+ a; h1 = h1 &+ b; h2 = h2 &+ c; h3 = h3 &+ d
            h4 = h4 &+ e; h5 = h5 &+ f; h6 = h6 &+ g; h7 = h7 &+ h
        }
    }

    /// One round: `d` becomes the next e, `h` the next a (the caller renames the others).
    @inline(__always)
    private static func compressionRound(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantAndWord: UInt32) {
        let choice = g ^ (e & (f ^ g))
        let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ choice &+ constantAndWord
        let majority = (a & b) | (c & (a | b))
        let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ majority
        d = d &+ t1
        h = t1 &+ t2
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }

    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}
