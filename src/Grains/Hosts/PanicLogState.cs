namespace JailCluster.Kernel.Hosts;

using JailCluster.Panics;

/// <summary>What the panic log keeps in grain storage.</summary>
[GenerateSerializer, Alias("jc.PanicLogState")]
public sealed class PanicLogState
{
    /// <summary>Every recorded panic, oldest first.</summary>
    [Id(0)] public List<PanicReport> Reports { get; set; } = [];
}
