using System;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Tests.Secrets;

public sealed class OdooConfigLoadingTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "policykit-secrets-tests", Guid.NewGuid().ToString("N"));

    public OdooConfigLoadingTests() => Directory.CreateDirectory(folder);

    [Fact]
    public void An_odoo_conf_becomes_one_odoo_config_resource_named_by_its_path()
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromText("tenants/acme/odoo.conf", "[options]\ndb_host = db\n"), LoaderLimits.Default);

        var root = (MappingNode)Assert.Single(loaded.Documents).Root;
        Assert.Equal("OdooConfig", root.GetString("kind"));
        Assert.Equal("policykit.io/v1", root.GetString("apiVersion"));
        Assert.Equal("tenants/acme/odoo.conf", root.GetMapping("metadata")!.GetString("name"));
        Assert.Empty(loaded.Problems);
    }

    [Fact]
    public void Option_values_keep_their_line_and_column()
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromText("odoo.conf", "; comment\n[options]\n  db_user = odoo\n"), LoaderLimits.Default);

        var value = ((MappingNode)loaded.Documents[0].Root).GetMapping("options")!.GetScalar("db_user")!;
        Assert.Equal((3, 13), (value.Line, value.Column));
    }

    [Fact]
    public void Option_values_stay_text_as_odoo_reads_them()
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromText("odoo.conf", "[options]\nlist_db = False\n"), LoaderLimits.Default);

        Assert.False(((MappingNode)loaded.Documents[0].Root).GetMapping("options")!.GetScalar("list_db")!.IsPlain);
    }

    [Fact]
    public void A_conf_file_without_an_options_section_yields_nothing_and_no_problem()
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromText("nginx.conf", "server {\n  listen 80;\n}\n"), LoaderLimits.Default);

        Assert.Empty(loaded.Documents);
        Assert.Empty(loaded.Problems);
    }

    [Fact]
    public void Odoo_options_written_without_their_header_are_read_as_options()
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromText("odoo.conf", "; no header\ndb_host = db\ndb_password = x\n"), LoaderLimits.Default);

        var options = ((MappingNode)loaded.Documents[0].Root).GetMapping("options")!;
        Assert.Equal(3, options.GetScalar("db_password")!.Line);
    }

    [Fact]
    public void A_section_less_conf_file_of_other_settings_yields_nothing()
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromText("app.conf", "listen = 80\nworkers = 4\ndb_host = db\n"), LoaderLimits.Default);

        Assert.Empty(loaded.Documents);
        Assert.Empty(loaded.Problems);
    }

    [Fact]
    public void Folder_walks_collect_odoo_configurations_and_skip_other_conf_files()
    {
        File.WriteAllText(Path.Combine(folder, "odoo.conf"), "[options]\ndb_host = db\n");
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), "server { listen 80; }\n");
        File.WriteAllText(Path.Combine(folder, "deployment.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n");

        var sources = InputCollector.Collect(new[] { folder }, PolicyConfig.Defaults(folder), folder);

        Assert.Equal(new[] { "deployment.yaml", "odoo.conf" }, sources.Select(s => s.DisplayPath));
    }

    [Fact]
    public void Other_rules_see_an_odoo_config_as_a_valid_input()
    {
        var result = Scan.Text("[options]\ndb_host = db\n", "odoo.conf");

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.ResourcesEvaluated);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
