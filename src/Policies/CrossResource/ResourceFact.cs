namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// A compact fact about one resource, recorded while its file streams and kept after its tree is gone: only the values
/// cross-resource rules compare, with the locations their findings need. Each concern defines its own subclass (one
/// file each) and a <see cref="FactCollector"/> that records it; <see cref="CrossResourceIndex.All{T}"/> finds them.
/// </summary>
internal abstract class ResourceFact
{
    protected ResourceFact(FactOrigin origin)
    {
        Origin = origin;
    }

    public FactOrigin Origin { get; }
}
