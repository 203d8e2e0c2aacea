import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Child processes that each take one request at a time (a line on standard input) and answer
/// with one line: the pool behind batch builds (WorkerProcesses) and local editions
/// (EditionProcesses). Each child is told the plan first; children start when first needed and
/// stay until `finish`, so a child keeps what it prepared (fonts, a national layout) for the run.
///
/// A slot whose child could not start, or has died, does the rest of its work in this process.
/// The request a child died on is reported lost, not retried here: if the request is what
/// killed the child, it would kill this process too.
final class ChildProcessPool: @unchecked Sendable {  // each child is used by one slot's thread at a time
    private let arguments: [String]
    private let plan: String
    private var children: [WorkerProcesses.Child?] = []
    /// Per slot: false once its child has died or could not start.
    private var alive: [Bool] = []
    private let lock = NSLock()

    /// `arguments`: the child's command line; `plan`: the first line each child is sent.
    init(arguments: [String], plan: String) {
        self.arguments = arguments
        self.plan = plan
    }

    /// Runs requests `0..<count` on up to `workers` children. Each request's line (`request`) goes
    /// to a free child and its answer line to `answer`, which says whether it could read it; a
    /// request whose child died or answered nonsense goes to `lost`; `here(slot, index)` does a
    /// request in this process, for a slot without a child.
    func run(count: Int, workers: Int, request: @Sendable (Int) -> String?, answer: @Sendable (Int, String) -> Bool,
             lost: @Sendable (Int) -> Void, here: @Sendable (_ slot: Int, _ index: Int) -> Void) {
        let slots = min(workers, count)
        guard slots > 0 else { return }
        start(slots)
        let next = Counter()  // BatchBuilder.swift
        DispatchQueue.concurrentPerform(iterations: slots) { slot in
            while let index = next.take(below: count) {
                guard lock.withLock({ alive[slot] }), let child = lock.withLock({ children[slot] }) else { here(slot, index); continue }
                if let line = request(index), child.send(line), let reply = child.receive(), answer(index, reply) { continue }
                lock.withLock { alive[slot] = false }
                lost(index)
            }
        }
    }

    /// Closes the children's input (so they stop) and waits for them.
    func finish() {
        for child in lock.withLock({ children }) { child?.finish() }
        lock.withLock { children = [] }
    }

    /// Starts children until there are `count`.
    private func start(_ count: Int) {
        guard children.count < count else { return }
        signal(SIGPIPE, SIG_IGN)  // a child that died is noticed when its answer is missing
        // All started before any is sent its plan: a plan bigger than a pipe's buffer waits for its
        // child to read it, and the next child should be starting meanwhile.
        let new = (children.count..<count).map { _ in WorkerProcesses.Child(arguments: arguments) }
        let started = new.map { $0?.send(plan) ?? false }
        lock.withLock {
            children += new
            alive += started
        }
    }
}
