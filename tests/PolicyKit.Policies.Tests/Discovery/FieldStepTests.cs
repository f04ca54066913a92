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
        return FieldStep.PathTo(root, line, column, fieldPath) is { } found
            ? (string.Join(".", found.Steps.Select(s => s.Key)), found.IsKey)
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
}
