using System.Linq;

namespace PolicyKit.Policies.Tests.Evaluation;

/// <summary>PK1002's remedy speaks of the image the container uses, whatever it is.</summary>
public sealed class ImageTagMessageTests
{
    [Theory]
    [InlineData("amazon/aws-cli:latest", "amazon/aws-cli:<version>")]
    [InlineData("registry.example.com:5000/tools/busybox", "registry.example.com:5000/tools/busybox:<version>")]
    [InlineData("postgres:latest@sha256:zz", "postgres:<version>")]
    public void Remedy_names_the_image_at_hand(string image, string suggested)
    {
        var result = Evaluate.Text($$"""
            apiVersion: v1
            kind: Pod
            metadata: { name: backup }
            spec:
              containers:
                - name: s3-sync
                  image: "{{image}}"
            """);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "PK1002");
        Assert.EndsWith($"pin it to an explicit version tag, {suggested}", finding.Message);
        Assert.DoesNotContain("odoo", finding.Message);
    }
}
