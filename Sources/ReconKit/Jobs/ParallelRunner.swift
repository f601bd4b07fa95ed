import Foundation

/// Runs closures on up to `jobs` threads, reporting each result (serialised) as it finishes.
public enum ParallelRunner {
    public static func run<T>(_ work: [() -> Result<T, any Error>], jobs: Int,
                       report: (Int, Result<T, any Error>) -> Void) -> [Result<T, any Error>] {
        if jobs <= 1 || work.count <= 1 {
            return work.enumerated().map { index, body in
                let result = body()
                report(index, result)
                return result
            }
        }
        let state = SharedState(work: work)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, work.count) {
            group.enter()
            let thread = Thread {
                while let (index, body) = state.take() { state.finish(index, body()) }
                group.leave()
            }
            thread.start()
        }
        // Report on this thread as results come in.
        var reported = 0
        while reported < work.count {
            for (index, result) in state.waitForNew() {
                report(index, result)
                reported += 1
            }
        }
        group.wait()
        return state.results.map { $0! }
    }

    final class SharedState<T>: @unchecked Sendable {
        let condition = NSCondition()
        let work: [() -> Result<T, any Error>]
        var next = 0
        var results: [Result<T, any Error>?]
        var fresh: [(Int, Result<T, any Error>)] = []

        init(work: [() -> Result<T, any Error>]) {
            self.work = work
            results = Array(repeating: nil, count: work.count)
        }

        func take() -> (Int, () -> Result<T, any Error>)? {
            condition.lock(); defer { condition.unlock() }
            guard next < work.count else { return nil }
            next += 1
            return (next - 1, work[next - 1])
        }

        func finish(_ index: Int, _ result: Result<T, any Error>) {
            condition.lock(); defer { condition.unlock() }
            results[index] = result
            fresh.append((index, result))
            condition.broadcast()
        }

        func waitForNew() -> [(Int, Result<T, any Error>)] {
            condition.lock(); defer { condition.unlock() }
            while fresh.isEmpty { condition.wait() }
            defer { fresh.removeAll() }
            return fresh
        }
    }
}
