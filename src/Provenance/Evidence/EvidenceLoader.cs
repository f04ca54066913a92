using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Provenance;
using PolicyKit.Policies.Rules;
using PolicyKit.Provenance.Crypto;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Evidence;

/// <summary>
/// Finds the evidence files of the checked tree (<c>provenance.evidence</c> globs, any file name), takes them out of
/// the manifests, and indexes them with the policy's trusted root and keys.
/// </summary>
public static class EvidenceLoader
{
    /// <returns>The sources that remain manifests, and the evidence index.</returns>
    /// <exception cref="PolicyDefinitionException">The trusted root or a key named by the policy cannot be read.</exception>
    public static (IReadOnlyList<ManifestSource> Manifests, BundleEvidenceIndex Evidence) Split(
        IReadOnlyList<ManifestSource> sources, IEnumerable<string> checkedPaths, PolicyConfig config, ProvenanceSettings settings, string workingDirectory)
    {
        var evidence = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in checkedPaths)
        {
            var full = Path.GetFullPath(Path.Combine(workingDirectory, path));
            var files = Directory.Exists(full) ? Walk(full) : File.Exists(full) ? new[] { full } : Array.Empty<string>();
            foreach (var file in files)
            {
                var relative = InputCollector.RelativePath(file, config.RootDirectory);
                if (relative is not null && settings.Evidence.Any(glob => glob.IsMatch(relative)))
                {
                    evidence[file] = InputCollector.RelativePath(file, workingDirectory) ?? file.Replace('\\', '/');
                }
            }
        }

        var manifests = sources.Where(s => s.FullPath is null || !evidence.ContainsKey(s.FullPath)).ToList();
        var bundles = evidence.Select(e => new KeyValuePair<string, byte[]>(e.Value, File.ReadAllBytes(e.Key)));
        return (manifests, new BundleEvidenceIndex(bundles, LoadRoot(config, settings), LoadKeys(config, settings)));
    }

    private static TrustedRoot LoadRoot(PolicyConfig config, ProvenanceSettings settings)
    {
        if (settings.TrustedRootPath is null)
        {
            return TrustedRootParser.PublicGood;
        }

        try
        {
            return TrustedRootParser.Parse(File.ReadAllBytes(settings.TrustedRootPath));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BundleVerificationException)
        {
            throw new PolicyDefinitionException(config.SourcePath ?? "policy", 1, $"provenance.trustedRoot '{settings.TrustedRootPath}' cannot be used: {exception.Message}");
        }
    }

    private static List<KeyValuePair<string, VerificationKey>> LoadKeys(PolicyConfig config, ProvenanceSettings settings)
    {
        var keys = new List<KeyValuePair<string, VerificationKey>>();
        foreach (var (name, path) in settings.KeyPaths.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            try
            {
                keys.Add(new(name, VerificationKey.FromPem(File.ReadAllText(path), $"provenance key {name}")));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BundleVerificationException)
            {
                throw new PolicyDefinitionException(config.SourcePath ?? "policy", 1, $"provenance key '{name}' ({path}) cannot be used: {exception.Message}");
            }
        }

        return keys;
    }

    private static IEnumerable<string> Walk(string directory)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var child in Directory.GetDirectories(current).Where(d => !Path.GetFileName(d).StartsWith(".", StringComparison.Ordinal)))
            {
                pending.Push(child);
            }

            foreach (var file in Directory.GetFiles(current).Where(f => !Path.GetFileName(f).StartsWith(".", StringComparison.Ordinal)))
            {
                yield return file;
            }
        }
    }
}
