import TestSupport

/// The golden files of the render tests.
let goldens = Goldens(besides: #filePath)
