using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Evaluation;

/// <summary>
/// The <c>Namespace</c> objects of a run, found before anything is judged because their Pod Security labels decide
/// how the pods of every other file are judged. Only files whose bytes mention <c>Namespace</c> are parsed for it.
/// </summary>
internal static class NamespaceIndex
{
    private static readonly byte[] Marker = System.Text.Encoding.ASCII.GetBytes("Namespace");

    public static IReadOnlyDictionary<string, Resource> Build(IReadOnlyList<ManifestSource> sources, LoaderLimits limits, ParallelOptions parallel)
    {
        var found = new List<Resource>[sources.Count];
        Parallel.For(0, sources.Count, parallel, i => found[i] = NamespacesIn(sources[i], limits));

        // The first definition in input order wins, whatever the thread timing.
        var namespaces = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var list in found)
        {
            foreach (var resource in list)
            {
                if (!namespaces.ContainsKey(resource.Identity.Name!))
                {
                    namespaces[resource.Identity.Name!] = resource;
                }
            }
        }

        return namespaces;
    }

    private static List<Resource> NamespacesIn(ManifestSource source, LoaderLimits limits)
    {
        var namespaces = new List<Resource>();
        try
        {
            if (source.Length > limits.MaxFileBytes || !Contains(source.ReadAllBytes(), Marker))
            {
                return namespaces;
            }
        }
        catch (Exception exception) when (exception is System.IO.IOException or UnauthorizedAccessException)
        {
            // Unreadable files are reported when they are judged.
            return namespaces;
        }

        foreach (var resource in LoadedFile.Read(source, limits).Resources)
        {
            if (resource.Identity.Kind == "Namespace" && resource.Identity.ApiVersion == "v1" && resource.Identity.Name is not null)
            {
                namespaces.Add(resource);
            }
        }

        return namespaces;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        var last = haystack.Length - needle.Length;
        for (var i = 0; i <= last; i++)
        {
            if (haystack[i] != needle[0])
            {
                continue;
            }

            var j = 1;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return true;
            }
        }

        return false;
    }
}
