namespace JailCluster.Tracing.Reading;

/// <summary>Conversions between OTLP nanosecond timestamps and .NET times.</summary>
public static class TraceTime
{
    /// <summary>The time of a Unix-epoch nanosecond count (100 ns resolution).</summary>
    public static DateTimeOffset FromUnixNano(ulong nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(nanoseconds / 100));

    /// <summary>From <paramref name="start"/> to <paramref name="end"/>, or zero when end comes first.</summary>
    public static TimeSpan Between(ulong start, ulong end) =>
        end <= start ? TimeSpan.Zero : TimeSpan.FromTicks((long)((end - start) / 100));
}
