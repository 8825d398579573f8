// The race tests measure real message timing; two clusters running side by side would share two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
