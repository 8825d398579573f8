namespace JailCluster.Tracing.Dashboard;

/// <summary>What <see cref="TraceReplayer"/> sent.</summary>
/// <param name="Requests">OTLP/HTTP requests posted, one per file line or per trace.</param>
/// <param name="Traces">Distinct traces sent.</param>
/// <param name="Spans">Spans sent.</param>
/// <param name="SkippedLines">File lines left out because they did not parse (a line still being written).</param>
public sealed record TraceReplayResult(int Requests, int Traces, int Spans, int SkippedLines);
