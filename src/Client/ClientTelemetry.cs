namespace JailCluster.Client;

using System.Diagnostics;
using JailCluster.Telemetry;

/// <summary>The client's activity source: one span per command and one root span per jail teardown.</summary>
// TODO(tracing): jailctl records these spans only once the tracing component adds its listener and exporter here
// (and listens to Microsoft.Orleans.Application, without which no trace context crosses into the silos).
public static class ClientTelemetry
{
    /// <summary>The <c>JailCluster.Client</c> source.</summary>
    public static ActivitySource Source { get; } = new(TelemetryNames.ClientSource);

    /// <summary>Starts a span that is the root of a new trace, whatever span is current.</summary>
    public static Activity? StartRoot(string name)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = Source.StartActivity(name, ActivityKind.Client);
        if (activity is null)
        {
            Activity.Current = previous;
        }

        return activity;
    }
}
