namespace JailCluster.Kernel.Hosting;

using JailCluster.Kernel.Bench;
using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;

/// <summary>Registers the simulated kernel with a silo.</summary>
public static class KernelSiloBuilderExtensions
{
    /// <summary>
    /// Adds the kernel's placement director, the clock it reads, and in-memory storage for the panic log
    /// (<see cref="Hosts.PanicLogGrain.StorageName"/>); register a durable storage under that name after this
    /// call to keep panics across silo loss.
    /// </summary>
    public static ISiloBuilder AddJailClusterKernel(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FailPointMirror>();
        builder.Services.AddPlacementDirector<KernelPlacementStrategy, KernelPlacementDirector>();
        builder.Services.AddPlacementDirector<OldestSiloPlacementStrategy, OldestSiloPlacementDirector>();
        builder.AddMemoryGrainStorage(Hosts.PanicLogGrain.StorageName);
        builder.Services.AddHostedService<SiloLossWatcher>();

        // The benchmark counts grain calls per teardown; nothing else pays for the count.
        if (string.Equals(builder.Configuration["Bench:CountCalls"], "true", StringComparison.OrdinalIgnoreCase))
        {
            builder.AddIncomingGrainCallFilter<GrainCallCounter>();
        }

        return builder;
    }
}
