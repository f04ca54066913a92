using System.Collections.Generic;
using PolicyKit.Policies.Checks.PodSecurity;

namespace PolicyKit.Policies.Checks;

/// <summary>
/// The compact facts recorded while files stream, complete once every file is read: what deferred judgements may
/// consult about objects other than their own resource.
/// </summary>
internal sealed class StreamFacts
{
    public StreamFacts(IReadOnlyDictionary<string, NamespacePodSecurityLabels> namespaces)
    {
        Namespaces = namespaces;
    }

    /// <summary>The Pod Security labels of each <c>Namespace</c> in the input, by name; the first definition in input order wins.</summary>
    public IReadOnlyDictionary<string, NamespacePodSecurityLabels> Namespaces { get; }
}
