using System;
using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks;

/// <summary>Resources must not use API versions that Kubernetes has removed: the API server rejects them outright.</summary>
public sealed class RemovedApiCheck : Check
{
    private readonly Dictionary<string, List<RemovedApi>> byApiVersion = new(StringComparer.Ordinal);

    public RemovedApiCheck(CheckParameters parameters)
    {
        var apis = parameters.GetSequence("apis") ?? throw parameters.Error(null, "parameter 'apis' is required");
        foreach (var item in apis.Items)
        {
            if (item is not MappingNode api
                || api.GetString("apiVersion") is not { } apiVersion
                || api.GetString("removedIn") is not { } removedIn
                || api.GetSequence("kinds") is not { } kinds)
            {
                throw parameters.Error(item, "each entry of 'apis' needs apiVersion, kinds and removedIn");
            }

            var kindSet = new HashSet<string>(StringComparer.Ordinal);
            foreach (var kind in kinds.Items)
            {
                kindSet.Add(((ScalarNode)kind).Value);
            }

            if (!byApiVersion.TryGetValue(apiVersion, out var list))
            {
                byApiVersion[apiVersion] = list = new List<RemovedApi>();
            }

            list.Add(new RemovedApi(kindSet, removedIn, api.GetString("replacement") ?? "a supported API version"));
        }
    }

    public override bool AppliesToKind(string kind) => true;

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (!byApiVersion.TryGetValue(resource.Identity.ApiVersion, out var candidates))
        {
            return;
        }

        foreach (var removed in candidates)
        {
            if (removed.Kinds.Contains("*") || removed.Kinds.Contains(resource.Identity.Kind))
            {
                var apiVersion = resource.Root.GetScalar("apiVersion")!;
                sink.Report(
                    apiVersion,
                    "apiVersion",
                    ViolationSink.Argument("apiVersion", apiVersion.Value),
                    ViolationSink.Argument("removedIn", removed.RemovedIn),
                    ViolationSink.Argument("replacement", removed.Replacement));
                return;
            }
        }
    }

    private sealed record RemovedApi(HashSet<string> Kinds, string RemovedIn, string Replacement);
}
