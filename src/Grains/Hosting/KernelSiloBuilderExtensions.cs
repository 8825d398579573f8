namespace JailCluster.Kernel.Hosting;

using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

/// <summary>Registers the simulated kernel with a silo.</summary>
public static class KernelSiloBuilderExtensions
{
    /// <summary>Adds the kernel's placement director and services to a silo.</summary>
    public static ISiloBuilder AddJailClusterKernel(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
