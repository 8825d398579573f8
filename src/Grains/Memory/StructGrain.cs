namespace JailCluster.Kernel.Memory;

using JailCluster.Kernel.Placement;

/// <summary>An ifnet or an epair softc: fields and nothing else.</summary>
[KernelPlacement, CollectionAgeLimit(Minutes = 2)]
public sealed class StructGrain : KObjectGrain, IStructGrain
{
}
