import HandbillModel

/// Where text may go: a column on a page.
struct Frame {
    var page: Int
    var rect: Rect
}

/// Flows slices through frames (column after column, page after page), breaking only where a
/// slice allows it.
enum FrameFlow {
    /// A slice's place: which frame, and its top within it.
    struct Placement {
        var slice: Int
        var frame: Int
        var y: Double
    }

    /// Fills each frame as far as it can; when the next slice does not fit, backs up to the last
    /// slice that may start a frame. `frame(k)` gives the k-th frame.
    static func place(_ slices: [FlowSlice], in frame: (Int) -> Frame) throws(DiagnosticError) -> [Placement] {
        var placements: [Placement] = []
        var start = 0, frameIndex = 0
        while start < slices.count {
            let height = frame(frameIndex).rect.height
            var y = 0.0, next = start, lastBreak: Int?
            while next < slices.count {
                let gap = next == start ? 0 : slices[next].spaceBefore
                if y + gap + slices[next].height > height + 0.001 { break }
                y += gap + slices[next].height
                next += 1
                if next < slices.count, slices[next].breakBefore { lastBreak = next }
            }
            var end = next
            if next < slices.count {
                if slices[next].breakBefore && next > start {
                    end = next
                } else if let lastBreak, lastBreak > start {
                    end = lastBreak
                } else if next == start && frame(frameIndex + 1).rect.height > height + 0.001 {
                    // Nothing fits below the masthead: start on the next, full-height frame.
                    frameIndex += 1
                    continue
                } else if next == start {
                    throw DiagnosticError(.error(
                        "a block is \(Int(slices[next].height))pt tall, taller than a whole column (\(Int(height))pt)",
                        hint: "shorten it or split it: a callout or help service never breaks across pages"))
                }
                // else: the chain that must stay together is longer than a frame; break where it is full.
            }
            y = 0
            for index in start..<end {
                if index > start { y += slices[index].spaceBefore }
                placements.append(Placement(slice: index, frame: frameIndex, y: y))
                y += slices[index].height
            }
            start = end
            frameIndex += 1
        }
        return placements
    }
}
