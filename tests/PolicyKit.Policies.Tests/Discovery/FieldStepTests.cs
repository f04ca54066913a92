using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Discovery;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.Discovery;

public sealed class FieldStepTests
{
    // kustomize writes keys in order, so a block mapping and its first key share a position in every render.
    private const string Rendered = "spec:\n  backup:\n    barmanObjectStore:\n      data:\n        compression: gzip\n      destinationPath: s3://b\n";

    private static (string Path, bool IsKey)? PathTo(int line, int column, string fieldPath)
    {
        var root = ManifestLoader.Load(ManifestSource.FromText("r.yaml", Rendered), LoaderLimits.Default).Documents.Single().Root;
        var steps = new List<FieldStep>();
        return FieldStep.TryPathTo(root, line, column, fieldPath, steps, out var isKey)
            ? (string.Join(".", steps.Select(s => s.Key)), isKey)
            : null;
    }

    [Fact]
    public void A_finding_below_the_first_key_points_at_that_key_not_at_the_mapping_it_opens()
    {
        Assert.Equal(("spec.backup.barmanObjectStore.data", true), PathTo(4, 7, "spec.backup.barmanObjectStore.data.encryption"));
    }

    [Fact]
    public void A_finding_about_the_mapping_itself_keeps_pointing_at_the_mapping()
    {
        Assert.Equal(("spec.backup.barmanObjectStore", false), PathTo(4, 7, "spec.backup.barmanObjectStore.retentionPolicy"));
    }

    [Fact]
    public void A_position_no_node_starts_at_is_not_found()
    {
        Assert.Null(PathTo(4, 3, "spec"));
    }

    [Theory]
    [InlineData(7, 8, "spec.replicas")]
    [InlineData(5, 26, "items.0.v")]
    [InlineData(11, 7, "m.k2")]
    public void A_position_is_found_in_the_first_place_that_writes_it_even_among_aliases_and_merged_keys(int line, int column, string expected)
    {
        const string text = "base: &b\n  image: x\n  port: 1\nitems:\n  - &first {name0: a, v: 1}\n  - *first\nspec: {replicas: 2}\nm:\n  k1: 1\n  <<: *b\n  k2: 3\n";
        var root = ManifestLoader.Load(ManifestSource.FromText("a.yaml", text), LoaderLimits.Default).Documents.Single().Root;

        var steps = new List<FieldStep> { FieldStep.ParseShared("stale")[0] };

        Assert.True(FieldStep.TryPathTo(root, line, column, expected, steps, out _));
        Assert.Equal(expected, string.Join(".", steps.Select(s => s.Key ?? s.ItemName ?? s.ItemIndex.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
