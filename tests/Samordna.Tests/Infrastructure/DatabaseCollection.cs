[assembly: CaptureConsole]
// Test classes run in parallel, each on its own database; two cores keep the pool small.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
