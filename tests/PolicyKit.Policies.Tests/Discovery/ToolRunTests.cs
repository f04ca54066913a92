using PolicyKit.Policies.Discovery;

namespace PolicyKit.Policies.Tests.Discovery;

/// <summary>What a failed render says in a finding: one line, no scratch folder, no secret.</summary>
public sealed class ToolRunTests
{
    [Fact]
    public void The_message_is_the_first_line_without_the_scratch_folder()
    {
        var run = new ToolRun(1, System.Array.Empty<byte>(), "Error: accumulating resources: open /tmp/policykit-render-1/overlay/missing.yaml: no such file\nUsage: ...\n");

        Assert.Equal("accumulating resources: open overlay/missing.yaml: no such file", run.Message("/tmp/policykit-render-1"));
    }

    [Fact]
    public void A_credential_quoted_by_the_renderer_is_masked()
    {
        const string url = "postgresql://odoo:Xk2p9vLq7mZt3wRb@db:5432/odoo";
        var run = new ToolRun(1, System.Array.Empty<byte>(), $"Error: invalid value \"{url}\" in data.DATABASE_URL\n");

        var message = run.Message("/tmp/scratch");

        Assert.DoesNotContain("Xk2p9vLq7mZt3wRb", message);
        Assert.Contains("invalid value", message);
    }

    [Fact]
    public void Kubectl_log_headers_are_dropped_so_reports_do_not_change_from_run_to_run()
    {
        var first = new ToolRun(1, System.Array.Empty<byte>(), "E1203 19:38:50.450764    6712 run.go:72] \"command failed\" err=\"accumulating resources: open /tmp/s/a.yaml: \\\"no\\\" such file\"\n");
        var second = new ToolRun(1, System.Array.Empty<byte>(), "E1204 08:01:02.000001   99 run.go:72] \"command failed\" err=\"accumulating resources: open /tmp/s/a.yaml: \\\"no\\\" such file\"\n");

        Assert.Equal("accumulating resources: open a.yaml: \"no\" such file", first.Message("/tmp/s"));
        Assert.Equal(first.Message("/tmp/s"), second.Message("/tmp/s"));
    }
}
