namespace JailCluster.Kernel.Memory;

using JailCluster.Panics;

/// <summary>
/// The memory semantics every kernel object shares. A load from freed memory returns the trash pattern
/// on an INVARIANTS kernel and the stale value otherwise; a store of NULL remembers who made it; a free
/// remembers who freed. None of it awaits anything.
/// </summary>
public abstract class KObjectGrain : Grain, IKObjectGrain
{
    // An object has a handful of fields: a short array searched in order costs a fraction of a dictionary's
    // memory, and every simulated jail is several of these objects.
    private KeyValuePair<string, ulong>[] _words = [];
    private int _wordCount;
    private Dictionary<string, Provenance>? _nulledBy;
    private List<Provenance>? _writesAfterFree;
    private List<Provenance>? _doubleFrees;
    private Provenance? _freedBy;

    /// <summary>The object's name.</summary>
    protected string Name { get; private set; } = "";

    /// <summary>Whether the host runs with INVARIANTS.</summary>
    protected bool Invariants { get; private set; }

    /// <summary>Whether the object was allocated in this activation.</summary>
    protected bool Allocated { get; private set; }

    /// <summary>Whether the object has been freed.</summary>
    protected bool Freed { get; private set; }

    /// <summary>This object's address, from its key.</summary>
    protected ulong Address => KernelKey.AddressOf(this.GetPrimaryKeyString());

    /// <inheritdoc />
    public Task Init(KObjectInit init)
    {
        Name = init.Name;
        Invariants = init.Invariants;
        _words = new KeyValuePair<string, ulong>[init.Words.Count];
        _wordCount = 0;
        foreach (var (k, v) in init.Words)
        {
            SetWord(k, v);
        }

        Allocated = true;
        Freed = false;
        _freedBy = null;
        _nulledBy = null;
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<KLoad> Load(string field)
    {
        if (!Allocated || Freed)
        {
            var value = Invariants || !Allocated ? (Invariants ? KAddr.Trash : 0UL) : Word(field);
            var nulled = value == 0 && _nulledBy is not null && _nulledBy.TryGetValue(field, out var n) ? n : null;
            return ValueTask.FromResult(new KLoad(value, true, nulled ?? _freedBy));
        }

        var word = Word(field);
        Provenance? origin = null;
        if (word == 0 && _nulledBy is not null)
        {
            _nulledBy.TryGetValue(field, out origin);
        }

        return ValueTask.FromResult(new KLoad(word, false, origin));
    }

    /// <inheritdoc />
    public ValueTask<KStore> Store(string field, ulong value, Provenance? who)
    {
        var old = Word(field);
        who = who is null ? null : who with { Object = Describe() };
        if (Freed && who is not null)
        {
            (_writesAfterFree ??= []).Add(who);
        }

        SetWord(field, value);
        if (value == 0 && who is not null)
        {
            (_nulledBy ??= new(StringComparer.Ordinal))[field] = who;
        }
        else
        {
            _nulledBy?.Remove(field);
        }

        return ValueTask.FromResult(new KStore(old, Freed));
    }

    /// <inheritdoc />
    public Task WroteAfterFree(Provenance who)
    {
        (_writesAfterFree ??= []).Add(who with { Object = Describe() });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<ulong> CompareExchange(string field, ulong expected, ulong value)
    {
        var old = Word(field);
        if (old == expected)
        {
            SetWord(field, value);
            _nulledBy?.Remove(field);
        }

        return ValueTask.FromResult(old);
    }

    /// <inheritdoc />
    public ValueTask<long> FetchAdd(string field, long delta)
    {
        var value = (long)Word(field) + delta;
        SetWord(field, (ulong)value);
        return ValueTask.FromResult(value);
    }

    /// <inheritdoc />
    public Task<bool> Free(Provenance who)
    {
        if (Freed)
        {
            (_doubleFrees ??= []).Add(who);
            return Task.FromResult(false);
        }

        Freed = true;
        _freedBy = who with { Object = Describe() };
        OnFreed();

        // Freed memory stays readable (stale or trash) until the activation is collected, which models
        // the memory being reused; after that a load reads as never allocated.
        DelayDeactivation(TimeSpan.Zero);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<string> GetName() => Task.FromResult(Name);

    /// <inheritdoc />
    public Task SetName(string name)
    {
        Name = name;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<KObjectView> View() => Task.FromResult(new KObjectView
    {
        Address = Address,
        Name = Name,
        Allocated = Allocated,
        Freed = Freed,
        Words = _words.Take(_wordCount).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal),
        FreedBy = _freedBy,
        WritesAfterFree = _writesAfterFree?.ToArray() ?? [],
        DoubleFrees = _doubleFrees?.ToArray() ?? [],
    });

    /// <inheritdoc />
    public Task Discard()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>This object as reports name it: type, name and address.</summary>
    protected string Describe()
    {
        KAddr.TryDecode(Address, out var type, out _, out _);
        return $"{KAddr.TypeName(type)} {Name}@{KAddr.Format(Address)}";
    }

    /// <summary>Called once when the object is freed, to drop typed state.</summary>
    protected virtual void OnFreed()
    {
    }

    /// <summary>A field's current value, zero when never stored.</summary>
    protected ulong Word(string field)
    {
        var i = IndexOf(field);
        return i < 0 ? 0UL : _words[i].Value;
    }

    private int IndexOf(string field)
    {
        for (var i = 0; i < _wordCount; i++)
        {
            var key = _words[i].Key;
            if (ReferenceEquals(key, field) || string.Equals(key, field, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void SetWord(string field, ulong value)
    {
        var i = IndexOf(field);
        if (i < 0)
        {
            if (_wordCount == _words.Length)
            {
                Array.Resize(ref _words, _words.Length + 4);
            }

            // Every name arrives as a fresh string off the wire, and each jail's objects have the same few field
            // names: keep one copy of each rather than one per object.
            _words[_wordCount++] = new(string.Intern(field), value);
            return;
        }

        _words[i] = new(_words[i].Key, value);
    }
}
