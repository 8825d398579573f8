namespace JailCluster.Client;

using System.Diagnostics;
using JailCluster.Telemetry;

/// <summary>The client's activity source: one span per command and one root span per jail teardown.</summary>
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
