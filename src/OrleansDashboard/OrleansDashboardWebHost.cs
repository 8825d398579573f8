using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;

namespace JailCluster.OrleansDashboard;

/// <summary>
/// The dashboard's web server inside a silo whose host is a plain generic host: a Kestrel instance of its own on a
/// loopback endpoint, sharing the silo's dashboard services and logging, started and stopped with the silo's host.
/// </summary>
internal sealed partial class OrleansDashboardWebHost : IHostedService, IAsyncDisposable
{
    private readonly IServiceProvider silo;
    private readonly OrleansDashboardOptions options;
    private readonly IReadOnlyList<Type> forwarded;
    private readonly ILogger logger;
    private WebApplication? web;

    public OrleansDashboardWebHost(
        IServiceProvider silo,
        OrleansDashboardOptions options,
        IReadOnlyList<Type> forwarded)
    {
        this.silo = silo;
        this.options = options;
        this.forwarded = forwarded;
        logger = silo.GetRequiredService<ILogger<OrleansDashboardWebHost>>();
    }

    /// <summary>Where the dashboard answers.</summary>
    public Uri Url =>
        new($"http://{new IPEndPoint(IPAddress.Parse(options.Address), options.Port)}{options.RoutePrefix}/");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OrleansDashboardWebHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Parse(options.Address), options.Port));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(silo.GetRequiredService<ILoggerFactory>());
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        foreach (var type in forwarded)
        {
            builder.Services.AddSingleton(type, _ => silo.GetRequiredService(type));
        }

        web = builder.Build();
        web.MapOrleansDashboard(options.RoutePrefix);
        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            LogCannotListen(logger, Url, e);
            throw;
        }

        LogListening(logger, Url);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (web is not null)
        {
            await web.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (web is not null)
        {
            await web.DisposeAsync();
            web = null;
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Orleans dashboard listening on {Url}")]
    private static partial void LogListening(ILogger logger, Uri url);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Orleans dashboard cannot listen on {Url}")]
    private static partial void LogCannotListen(ILogger logger, Uri url, Exception exception);
}
