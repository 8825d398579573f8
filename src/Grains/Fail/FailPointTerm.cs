namespace JailCluster.Kernel.Fail;

/// <summary>One term of a fail(9) expression: <c>[p%][n*]type[(arg)]</c>.</summary>
[GenerateSerializer, Immutable, Alias("jc.FailPointTerm")]
public sealed record FailPointTerm
{
    /// <summary>off, return, sleep, delay, yield, pause, print, panic.</summary>
    [Id(0)] public required string Type { get; init; }

    /// <summary>The argument: errno for return, milliseconds for sleep and delay.</summary>
    [Id(1)] public int? Arg { get; init; }

    /// <summary>Probability in percent, 100 when not given.</summary>
    [Id(2)] public double Percent { get; init; } = 100;

    /// <summary>How many times the term may fire, null for no limit.</summary>
    [Id(3)] public int? Count { get; init; }
}
