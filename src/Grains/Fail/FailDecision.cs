namespace JailCluster.Kernel.Fail;

/// <summary>What a thread must do at a step: the fail point's verdict, or that the host has halted.</summary>
[GenerateSerializer, Immutable, Alias("jc.FailDecision")]
public readonly record struct FailDecision(
    [property: Id(0)] string Action,
    [property: Id(1)] int Arg,
    [property: Id(2)] string? Because = null)
{
    /// <summary>Go on.</summary>
    public static FailDecision Continue { get; } = new("continue", 0);

    /// <summary>The host halted (a panic in another thread, a reboot, a lost silo): this CPU stops.</summary>
    public static FailDecision Halted(string because) => new("halted", 0, because);
}
