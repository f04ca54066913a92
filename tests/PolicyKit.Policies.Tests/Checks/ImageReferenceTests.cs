using System.Linq;

namespace PolicyKit.Policies.Tests.Checks;

public sealed class ImageReferenceTests
{
    private const string Digest = "sha256:3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a";

    private static string Pod(string image) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
            - name: c
              image: {image}
        """;

    [Theory]
    [InlineData("odoo:17.0", false)]
    [InlineData("odoo:17.0@" + Digest, true)]
    [InlineData("registry.example:5000/odoo@" + Digest, true)]
    [InlineData("odoo@sha256:tooshort", false)]
    public void Only_a_well_formed_digest_pins_an_image(string image, bool pinned)
    {
        Assert.Equal(pinned, !Evaluate.Findings(Pod(image), "PK1001").Any());
    }

    [Theory]
    [InlineData("odoo:17.0", true)]
    [InlineData("registry.example:5000/odoo", false)]
    [InlineData("registry.example:5000/odoo:17.0", true)]
    [InlineData("odoo:latest", false)]
    [InlineData("odoo:LATEST", false)]
    [InlineData("odoo@" + Digest, true)]
    public void A_registry_port_is_not_a_tag_and_latest_is_not_a_version(string image, bool acceptable)
    {
        Assert.Equal(acceptable, !Evaluate.Findings(Pod(image), "PK1002").Any());
    }
}
