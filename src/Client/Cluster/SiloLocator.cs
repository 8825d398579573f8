namespace JailCluster.Client.Cluster;

using System.Reflection;
using JailCluster.Client.Cli;

/// <summary>Finds JailCluster.Silo.dll and the dotnet host that runs it.</summary>
public static class SiloLocator
{
    /// <summary>Overrides where the silo is found.</summary>
    public const string SiloVariable = "JAILCLUSTER_SILO_DLL";

    private const string SiloFileName = "JailCluster.Silo.dll";

    /// <summary>The silo assembly: <c>$JAILCLUSTER_SILO_DLL</c>, beside jailctl, or the one built with it.</summary>
    public static string FindSilo()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(SiloVariable) is { Length: > 0 } fromEnvironment)
        {
            candidates.Add(fromEnvironment);
        }

        candidates.Add(Path.Combine(AppContext.BaseDirectory, SiloFileName));
        var built = typeof(SiloLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "JailCluster.SiloPath")?.Value;
        if (built is not null)
        {
            candidates.Add(built);
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new JailctlException(
                $"cannot find {SiloFileName} (looked at {string.Join(", ", candidates)}); " +
                $"build it with 'dotnet build src/Silo' or set {SiloVariable}");
    }

    /// <summary>The dotnet host: the one running jailctl, the SDK's, or dotnet on PATH.</summary>
    public static string FindDotnet()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return "dotnet";
    }
}
