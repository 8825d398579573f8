using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace JailCluster.OrleansDashboard;

/// <summary>The one call a silo makes to offer the Orleans dashboard, a live view of its grains.</summary>
public static class OrleansDashboardSiloBuilderExtensions
{
    /// <summary>
    /// Binds <see cref="OrleansDashboardOptions"/> from the <c>OrleansDashboard</c> section of
    /// <paramref name="configuration"/> and, when enabled, serves the dashboard on its loopback port.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is not valid; the message names it.</exception>
    public static ISiloBuilder AddJailClusterOrleansDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = new OrleansDashboardOptions();
        configuration.GetSection(OrleansDashboardOptions.SectionName).Bind(options);
        return silo.AddJailClusterOrleansDashboard(options);
    }

    /// <summary>
    /// When <see cref="OrleansDashboardOptions.Enabled"/>, adds Orleans' dashboard services to the silo and a
    /// small web server on <see cref="OrleansDashboardOptions.Address"/>:<see cref="OrleansDashboardOptions.Port"/>
    /// that serves the dashboard from them; otherwise adds nothing (not even the grain-call profiler).
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is not valid; the message names it.</exception>
    public static ISiloBuilder AddJailClusterOrleansDashboard(this ISiloBuilder silo, OrleansDashboardOptions options)
    {
        OrleansDashboardOptionsValidator.ThrowIfInvalid(options);
        if (!options.Enabled)
        {
            return silo;
        }

        var before = silo.Services.Select(d => d.ServiceType).ToHashSet();
        silo.AddDashboard(dashboard =>
            dashboard.CounterUpdateIntervalMs = (int)options.CounterUpdateInterval.TotalMilliseconds);

        // The dashboard's endpoints resolve what AddDashboard registered; the web server's own container
        // forwards exactly those services (and the dashboard's options) to the silo's.
        var forwarded = silo.Services
            .Select(d => d.ServiceType)
            .Where(t => !before.Contains(t) && !t.IsGenericTypeDefinition
                && t.Assembly == typeof(DashboardOptions).Assembly)
            .Append(typeof(IOptions<DashboardOptions>))
            .Distinct()
            .ToList();
        silo.Services.AddHostedService(services => new OrleansDashboardWebHost(services, options, forwarded));
        return silo;
    }
}
