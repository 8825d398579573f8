namespace JailCluster.EndToEnd.Tests;

using System.Globalization;
using System.Text.Json;

/// <summary>
/// Three real silo processes with membership (and the panic log) in a private Redis, as on several machines,
/// started and stopped through jailctl. Tests that kill a silo start it again before they end.
/// </summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    /// <summary>The number of silos the cluster runs.</summary>
    public const int Silos = 3;

    private RedisServer? redis;

    /// <summary>The cluster's state directory.</summary>
    public string Home { get; } = TestHomes.Create("redis");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync(Home);
        await FixtureCluster.UpAsync(
            Home, "the Redis test cluster", "--silos", $"{Silos}", "--redis", redis.Connection);
    }

    /// <inheritdoc />
    public Task DisposeAsync() => FixtureCluster.DownAsync(Home, () => redis?.Dispose());

    /// <summary>Runs jailctl against the cluster.</summary>
    public Task<JailctlResult> RunAsync(params string[] args) => Jailctl.RunAsync(Home, args);

    /// <summary>The silos as <c>cluster status --json</c> lists them: the active ones.</summary>
    public async Task<IReadOnlyList<JsonElement>> ActiveSilosAsync() =>
        [.. Expect.Success(await RunAsync("cluster", "status", "--json")).Json().GetProperty("silos").EnumerateArray()];

    /// <summary>
    /// The name of the silo that started first, where the panic log and the host directory are active (their
    /// placement takes the smallest generation, then the smallest address).
    /// </summary>
    public async Task<string> OldestSiloAsync()
    {
        var silos = await ActiveSilosAsync();
        return silos
            .Select(s => (Name: s.GetProperty("name").GetString()!, Address: s.GetProperty("address").GetString()!))
            .OrderBy(s => long.Parse(s.Address[(s.Address.LastIndexOf('@') + 1)..], CultureInfo.InvariantCulture))
            .ThenBy(s => s.Address, StringComparer.Ordinal)
            .First().Name;
    }

    /// <summary>Starts again every silo that is not active, so that the next test finds the whole cluster.</summary>
    public async Task RestoreAsync()
    {
        var active = (await ActiveSilosAsync()).Select(s => s.GetProperty("name").GetString()).ToHashSet();
        foreach (var name in Enumerable.Range(0, Silos).Select(i => $"silo{i}").Where(n => !active.Contains(n)))
        {
            Expect.Success(await RunAsync("cluster", "start", name));
        }

        Expect.Success(await RunAsync("cluster", "wait", $"{Silos}", "90"));
    }
}
