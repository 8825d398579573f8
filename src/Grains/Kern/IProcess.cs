namespace JailCluster.Kernel.Kern;

/// <summary>What a program can ask of the process it runs in.</summary>
public interface IProcess
{
    /// <summary>Turns the process into a sleeper in <paramref name="prison"/> for <paramref name="seconds"/>.</summary>
    void SleepInJail(KThread td, ulong prison, int seconds);
}
