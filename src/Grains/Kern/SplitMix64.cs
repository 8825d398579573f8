namespace JailCluster.Kernel.Kern;

/// <summary>A small seeded generator: a host's randomness must replay from its boot seed.</summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble()
    {
        var z = _state += 0x9e3779b97f4a7c15UL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
