// The machine has two cores: clusters of real processes run one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
