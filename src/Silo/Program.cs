using System.Net;
using JailCluster.Kernel.Hosting;
using JailCluster.Kernel.Hosts;
using JailCluster.OrleansDashboard;
using JailCluster.Security;
using JailCluster.Silo;
using JailCluster.Telemetry;
using JailCluster.Tracing.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

// Short switches for the settings jailctl passes; anything else can be given as --Silo:Name=value,
// as Silo__Name in the environment, or in appsettings.json beside the silo.
var switches = new Dictionary<string, string>
{
    ["--cluster-id"] = "Silo:ClusterId",
    ["--service-id"] = "Silo:ServiceId",
    ["--name"] = "Silo:Name",
    ["--address"] = "Silo:Address",
    ["--silo-port"] = "Silo:SiloPort",
    ["--gateway-port"] = "Silo:GatewayPort",
    ["--primary-port"] = "Silo:PrimarySiloPort",
    ["--state-dir"] = "Silo:StateDirectory",
    ["--watch-pid"] = "Silo:WatchPid",
    ["--redis"] = "Clustering:Redis",
};

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Configuration.AddEnvironmentVariables("JAILCLUSTER_");
try
{
    builder.Configuration.AddCommandLine(args, switches);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"JailCluster.Silo: bad command line: {e.Message}");
    return 64;
}

var options = new SiloHostOptions();
try
{
    builder.Configuration.GetSection(SiloHostOptions.SectionName).Bind(options);
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"JailCluster.Silo: invalid configuration: {e.Message}");
    return 78;
}

options.RedisConnectionString = builder.Configuration["Clustering:Redis"];
var validation = new SiloHostOptionsValidator().Validate(null, options);
var failures = validation.Failed ? validation.Failures.ToList() : [];
var tlsOptions = new ClusterTlsOptions();
builder.Configuration.GetSection(ClusterTlsOptions.SectionName).Bind(tlsOptions);
using var tls = ClusterTls.Load(tlsOptions, failures);
if (failures.Count > 0)
{
    foreach (var failure in failures)
    {
        Console.Error.WriteLine($"JailCluster.Silo: invalid configuration: {failure}");
    }

    return 78;
}

builder.Logging.AddFilter("Orleans", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
builder.Logging.AddFilter("Polly", LogLevel.Warning);
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(20));

// Kernel and client spans to the traces directory (JAILCLUSTER_TRACES_DIR, default ./traces, shared by
// every process of the cluster) and to OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
builder.Services.AddJailClusterTelemetry("jailcluster-silo", serviceInstanceId: options.EffectiveName);

builder.UseOrleans(silo =>
{
    if (options.RedisConnectionString is { } redis)
    {
        silo.UseRedisClustering(redis);
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        silo.ConfigureEndpoints(IPAddress.Parse(options.Address), options.SiloPort, options.GatewayPort);
    }
    else
    {
        var primary = options.IsPrimary ? null : new IPEndPoint(IPAddress.Loopback, options.PrimarySiloPort);
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, primary, options.ServiceId,
            options.ClusterId);
    }

    silo.Configure<SiloOptions>(silo => silo.SiloName = options.EffectiveName);
    silo.Configure<GrainDirectoryOptions>(directory =>
    {
        // Orleans' cache holds at least 3 entries; 0 asks for none, which is a caching strategy of its own.
        if (options.DirectoryCacheSize == 0)
        {
            directory.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.None;
        }
        else
        {
            directory.CacheSize = options.DirectoryCacheSize;
        }
    });

    // Mutual TLS on every silo and gateway connection when Tls:CertificateFile is set.
    tls?.Apply(silo);
    silo.AddJailClusterKernel();
    if (options.RedisConnectionString is { } panicStore)
    {
        // Recorded panics outlive the silo that held the log only if the log lives outside the silos.
        // Orleans' own serializer, which the stored types are generated for: the default JSON one writes an
        // object shared by two records as a reference that it then cannot read back.
        silo.AddRedisGrainStorage(PanicLogGrain.StorageName, redis => redis.Configure<IServiceProvider>((o, services) =>
        {
            o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(panicStore);
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        }));
    }

    // Off unless OrleansDashboard:Enabled; loopback only.
    silo.AddJailClusterOrleansDashboard(builder.Configuration);

});

// After UseOrleans, so that the state file appears only once the silo has started.
builder.Services.AddHostedService<SiloStateFile>();
builder.Services.AddHostedService<WatchedProcessMonitor>();

using var host = builder.Build();
try
{
    await host.RunAsync();
}
catch (Exception e) when (e is not OperationCanceledException)
{
    // Orleans has logged the details; the operator gets the reason in one line (Redis unreachable, port taken).
    var reason = (e.InnerException is { } inner && e is AggregateException or OrleansLifecycleCanceledException
        ? inner
        : e).Message.Split('\n')[0].Trim();
    Console.Error.WriteLine($"JailCluster.Silo: could not start or run: {reason}");
    return 69;
}

return 0;
