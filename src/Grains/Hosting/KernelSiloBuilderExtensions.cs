namespace JailCluster.Kernel.Hosting;

using JailCluster.Kernel.Bench;
using JailCluster.Kernel.Fail;
using JailCluster.Kernel.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

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
        // Orleans' own serializer, which the stored types are generated for: the default JSON one writes an object
        // shared by two host records (their tunables) as a reference that it then cannot read back.
        builder.AddMemoryGrainStorage(Hosts.PanicLogGrain.StorageName, memory =>
            memory.Configure<IServiceProvider>((o, services) =>
                o.GrainStorageSerializer =
                    new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
        builder.Services.AddHostedService<SiloLossWatcher>();

        // The benchmark counts grain calls per teardown; nothing else pays for the count.
        if (string.Equals(builder.Configuration["Bench:CountCalls"], "true", StringComparison.OrdinalIgnoreCase))
        {
            builder.AddIncomingGrainCallFilter<GrainCallCounter>();
        }

        return builder;
    }
}
