namespace JailCluster.Telemetry;

/// <summary>
/// The outgoing call filter of <see cref="TraceContext"/>. Register it on silos and clients that trace, in place
/// of Orleans' <c>AddActivityPropagation</c>.
/// </summary>
public sealed class TraceContextOutgoingFilter : IOutgoingGrainCallFilter
{
    /// <inheritdoc />
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TraceContext.Inject();
        return context.Invoke();
    }
}
