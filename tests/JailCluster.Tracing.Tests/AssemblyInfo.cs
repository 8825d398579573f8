// Every test listens to the real JailCluster source names, so tests must not record at the same time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
