namespace JailCluster.Kernel.Kern;

/// <summary>
/// Grain references for the kernel's hot path. <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/>
/// reads the interface's attributes on every call to find its grain interface type and grain type; a kernel
/// memory step would pay that reflection each time. Both are resolved once per interface here, and each
/// reference is then made from its grain id alone.
/// </summary>
public static class GrainRefs
{
    /// <summary>The grain of interface <typeparamref name="T"/> with string key <paramref name="key"/>.</summary>
    public static T Get<T>(IGrainFactory grains, string key)
        where T : IGrainWithStringKey => Types<T>.Get(grains, key);

    private static class Types<T>
        where T : IGrainWithStringKey
    {
        // Grain and interface types are names derived from the types' attributes: the same in every silo.
        private static (GrainType Grain, GrainInterfaceType Interface)? _resolved;

        public static T Get(IGrainFactory grains, string key)
        {
            if (_resolved is { } types)
            {
                return (T)grains.GetGrain(GrainId.Create(types.Grain, IdSpan.Create(key)), types.Interface);
            }

            var first = grains.GetGrain<T>(key);
            var reference = (GrainReference)(object)first;
            _resolved = (reference.GrainId.Type, reference.InterfaceType);
            return first;
        }
    }
}
