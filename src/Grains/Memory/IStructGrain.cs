namespace JailCluster.Kernel.Memory;

/// <summary>A plain structure with no critical sections of its own: ifnet, epair softc.</summary>
[Alias("jc.IStructGrain")]
public interface IStructGrain : IKObjectGrain
{
}
