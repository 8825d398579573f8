namespace JailCluster.Client.Cluster;

using System.Diagnostics;
using JailCluster.Client.Cli;
using JailCluster.Client.Output;
using JailCluster.Security;
using JailCluster.Telemetry;
using JailCluster.Tracing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

/// <summary>An Orleans client connected to the cluster that the state directory describes.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>Names a Redis connection string for a cluster started elsewhere (no local state needed).</summary>
    public const string RedisVariable = "JAILCLUSTER_REDIS";

    /// <summary>Names the cluster id to join with <see cref="RedisVariable"/>. Default: jailcluster.</summary>
    public const string ClusterIdVariable = "JAILCLUSTER_CLUSTER_ID";

    /// <summary>The environment variables that ask for TLS, as the silo reads them from its environment.</summary>
    public static readonly (string Variable, string Setting)[] TlsVariables =
    [
        ("JAILCLUSTER_Tls__CertificateFile", "Tls:CertificateFile"),
        ("JAILCLUSTER_Tls__CertificatePassword", "Tls:CertificatePassword"),
        ("JAILCLUSTER_Tls__CaFile", "Tls:CaFile"),
    ];

    private readonly IHost host;

    private ClusterConnection(IHost host, ClusterState state)
    {
        this.host = host;
        State = state;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The connected client.</summary>
    public IClusterClient Client { get; }

    /// <summary>The cluster connected to.</summary>
    public ClusterState State { get; }

    /// <summary>
    /// Connects to the cluster of <paramref name="directory"/>, or fails with a one-line reason: no cluster
    /// started there, its silos have exited, or none answers within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ClusterConnection> ConnectAsync(
        StateDirectory directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var state = ReadState(directory);
        return await ConnectAsync(state, timeout, cancellationToken);
    }

    /// <summary>Connects to the cluster that <paramref name="state"/> describes.</summary>
    public static async Task<ClusterConnection> ConnectAsync(
        ClusterState state, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        Exception? last = null;
        var tls = LoadTls();
        while (true)
        {
            var host = Build(state, tls);

            // A gateway that accepts the connection but never completes the handshake (TLS on one side only, say)
            // keeps the client starting for ever: the attempt ends with the time given.
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var left = timeout - watch.Elapsed;
            attempt.CancelAfter(left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            try
            {
                await host.StartAsync(attempt.Token);
                return new ClusterConnection(host, state);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = new TimeoutException(
                    $"no gateway completed the connection within {timeout.TotalSeconds:0} s" +
                    (tls is null ? " (is the cluster on TLS? then set JAILCLUSTER_Tls__CertificateFile)" : ""));
                await DisposeQuietly(host);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                last = e;
                await DisposeQuietly(host);
            }

            if (watch.Elapsed >= timeout)
            {
                break;
            }

            await Task.Delay(250, cancellationToken);
        }

        var where = state.Redis is not null
            ? "through Redis"
            : "at " + string.Join(", ", state.Silos.Select(s => $"127.0.0.1:{s.GatewayPort}"));
        throw new JailctlException($"cannot reach the cluster {where}: {FirstLine(last?.Message)}",
            ExitCodes.Unavailable);
    }

    /// <summary>
    /// The cluster described by <paramref name="directory"/>, or by <c>$JAILCLUSTER_REDIS</c>; fails when none is
    /// running.
    /// </summary>
    public static ClusterState ReadState(StateDirectory directory)
    {
        if (Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } redis)
        {
            var id = Environment.GetEnvironmentVariable(ClusterIdVariable) is { Length: > 0 } given
                ? given : "jailcluster";
            return new ClusterState { ClusterId = id, ServiceId = "jailcluster", Redis = redis, Silos = [] };
        }

        ClusterState? state;
        try
        {
            state = JsonOutput.ReadFile<ClusterState>(directory.ClusterFile);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new JailctlException(
                $"{directory.ClusterFile} is damaged ({e.Message}); remove it and run 'jailctl cluster up'");
        }

        if (state is null)
        {
            throw new JailctlException(
                $"no cluster running (nothing started in {directory.Path}); start one with 'jailctl cluster up'",
                ExitCodes.Unavailable);
        }

        if (state.Silos.Count > 0 && !state.Silos.Any(s => ProcessControl.IsSilo(s.Pid, directory.Path)))
        {
            throw new JailctlException(
                $"no cluster running (the silos started in {directory.Path} have exited); " +
                "start one with 'jailctl cluster up'",
                ExitCodes.Unavailable);
        }

        return state;
    }

    /// <summary>
    /// What a call shows of a silo dying under it: the silo is unreachable, or the call got no answer in time.
    /// </summary>
    public static bool IsSiloLoss(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
            or Orleans.Runtime.Messaging.ConnectionFailedException;

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await DisposeQuietly(host);

    // The same settings as the silo's, from the same environment variables, so that one environment serves both.
    private static ClusterTls? LoadTls()
    {
        var options = new ClusterTlsOptions
        {
            CertificateFile = Environment.GetEnvironmentVariable(TlsVariables[0].Variable),
            CertificatePassword = Environment.GetEnvironmentVariable(TlsVariables[1].Variable),
            CaFile = Environment.GetEnvironmentVariable(TlsVariables[2].Variable),
        };
        var failures = new List<string>();
        var tls = ClusterTls.Load(options, failures);
        return failures.Count == 0
            ? tls
            : throw new JailctlException($"invalid configuration: {failures[0]}", ExitCodes.Config);
    }

    private static IHost Build(ClusterState state, ClusterTls? tls)
    {
        var settings = new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] };
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            if (state.Redis is not null)
            {
                client.UseRedisClustering(state.Redis);
                client.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = state.ClusterId;
                    cluster.ServiceId = state.ServiceId;
                });
            }
            else
            {
                int[] gateways = [.. state.Silos.Select(s => s.GatewayPort)];
                client.UseLocalhostClustering(gateways, state.ServiceId, state.ClusterId);
            }

            tls?.Apply(client);
        });
        return builder.Build();
    }

    private static async Task DisposeQuietly(IHost host)
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await host.StopAsync(stop.Token);
        }
        catch (Exception)
        {
            // The connection is going away either way; a failure to say goodbye changes nothing.
        }

        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }

    private static string FirstLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "no answer" : text.Split('\n')[0].Trim();
}
