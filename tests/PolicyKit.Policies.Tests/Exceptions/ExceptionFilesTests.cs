using System.IO;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;
using PolicyKit.Testing;
using static PolicyKit.Policies.Tests.Exceptions.ExceptionText;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>Exception records live in a folder beside the policy file, which is never read as manifests.</summary>
public sealed class ExceptionFilesTests
{
    private static EvaluationResult Check(TempFolder folder, PolicyConfig config) =>
        PolicyEngine.Evaluate(new EvaluationRequest(InputCollector.Collect(new[] { folder.Path }, config, folder.Path), config) { Now = Day });

    [Fact]
    public void Exceptions_folder_of_the_sample_is_not_collected_as_manifests()
    {
        var sample = RepositoryPaths.Combine("samples", "odoo-distribution");
        var config = PolicyConfigLoader.Load(Path.Combine(sample, PolicyConfig.FileName), "policykit.yaml");

        var sources = InputCollector.Collect(new[] { sample }, config, sample);

        Assert.DoesNotContain(sources, s => s.DisplayPath.StartsWith("exceptions/"));
        Assert.NotEmpty(ExceptionFiles.Collect(config));
    }

    [Fact]
    public void Records_in_the_default_folder_apply_to_a_run()
    {
        using var folder = new TempFolder();
        folder.Write("redis.yaml", Redis());
        folder.Write("exceptions/redis.yaml", File(Record()));

        var result = Check(folder, folder.Policy("failOn: high\n"));

        Assert.True(Single(result, "PK1009").Suppressed);
        Assert.DoesNotContain(result.Findings, f => f.Category == Categories.Input);
    }

    [Fact]
    public void Configured_exceptions_path_is_read_and_not_collected_as_manifests()
    {
        using var folder = new TempFolder();
        folder.Write("redis.yaml", Redis());
        folder.Write("policy/waivers/redis.yaml", File(Record()));

        var result = Check(folder, folder.Policy("exceptions:\n  path: policy/waivers\n"));

        Assert.True(Single(result, "PK1009").Suppressed);
        Assert.DoesNotContain(result.Findings, f => f.Category == Categories.Input);
    }

    [Fact]
    public void Built_in_defaults_read_no_exception_records()
    {
        using var folder = new TempFolder();
        folder.Write("exceptions/redis.yaml", File(Record()));

        Assert.Empty(ExceptionFiles.Collect(PolicyConfig.Defaults(folder.Path)));
    }

    [Fact]
    public void Exception_files_are_shown_beside_the_policy_file_as_it_is_shown()
    {
        using var folder = new TempFolder();
        var file = folder.Write(PolicyConfig.FileName, "failOn: high\n");
        folder.Write("exceptions/a.yaml", File(Record()));
        var config = PolicyConfigLoader.Load(file, "tenant/policykit.yaml");

        Assert.Equal("tenant/exceptions/a.yaml", ExceptionFiles.Collect(config).Single().DisplayPath);
    }

    [Fact]
    public void Record_findings_are_judged_by_the_environment_of_the_exception_file()
    {
        using var folder = new TempFolder();
        folder.Write("redis.yaml", Redis());
        folder.Write("exceptions/redis.yaml", File(Record(expires: "2026-11-27")));
        var config = folder.Policy("failOn: high\nenvironments:\n  - name: production\n    paths: [\"**\"]\n    failOn: medium\n");

        var expired = Single(Check(folder, config), "PK9009");

        Assert.Equal(("production", true), (expired.Environment, expired.Blocking));
    }

    [Fact]
    public void Exceptions_pack_joins_a_run_with_records_even_when_the_policy_lists_only_core()
    {
        using var folder = new TempFolder();
        folder.Write("redis.yaml", Redis());
        folder.Write("exceptions/redis.yaml", File(Record()));

        var result = Check(folder, folder.Policy("packs:\n  - name: core\n    version: \"^1.0\"\n"));

        Assert.Contains(result.Packs, p => p.Name == "exceptions");
    }

    [Fact]
    public void Exceptions_pack_stays_out_of_a_run_without_records_when_the_policy_lists_only_core()
    {
        using var folder = new TempFolder();
        folder.Write("redis.yaml", Redis());

        var result = Check(folder, folder.Policy("packs:\n  - name: core\n    version: \"^1.0\"\n"));

        Assert.DoesNotContain(result.Packs, p => p.Name == "exceptions");
    }

    [Fact]
    public void Policy_can_turn_an_exceptions_rule_off_without_changing_the_status()
    {
        using var folder = new TempFolder();
        folder.Write("redis.yaml", Redis());
        folder.Write("exceptions/redis.yaml", File(Record(scope: "{names: [gone]}")));

        var result = Check(folder, folder.Policy("rules:\n  PK9011: {enabled: false}\n"));

        Assert.Empty(Of(result, "PK9011"));
        Assert.Equal(ExceptionStatus.Unused, result.Exceptions.Outcomes.Single().Status);
    }

    [Fact]
    public void Walking_the_exceptions_folder_itself_collects_no_manifests()
    {
        using var folder = new TempFolder();
        folder.Write("exceptions/redis.yaml", File(Record()));
        var config = folder.Policy("failOn: high\n");

        Assert.Empty(InputCollector.Collect(new[] { Path.Combine(folder.Path, "exceptions") }, config, folder.Path));
    }

    [Fact]
    public void Exceptions_path_that_is_the_policy_folder_is_a_configuration_error()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<PolicyDefinitionException>(() => folder.Policy("exceptions:\n  path: .\n"));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Unknown_key_under_exceptions_is_a_configuration_error_at_its_line()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<PolicyDefinitionException>(() => folder.Policy("failOn: high\nexceptions:\n  folder: waivers\n"));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Maximum_duration_for_an_unknown_severity_is_a_configuration_error()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<PolicyDefinitionException>(() => folder.Policy("exceptions:\n  maxDuration:\n    severe: 10\n"));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Duration_that_is_not_a_positive_number_of_days_is_a_configuration_error()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<PolicyDefinitionException>(() => folder.Policy("exceptions:\n  maxDuration: {critical: 0}\n"));

        Assert.Contains("exceptions.maxDuration.critical", error.Message);
    }

    [Fact]
    public void Exceptions_section_sets_path_durations_and_window()
    {
        using var folder = new TempFolder();

        var settings = folder.Policy("exceptions:\n  path: waivers\n  maxDuration: {critical: 14, low: 400}\n  expiringWithinDays: 21\n").Exceptions;

        Assert.Equal(("waivers", 14, 90, 400, 21), (settings.Path, settings.MaxDays(Severity.Critical), settings.MaxDays(Severity.High), settings.MaxDays(Severity.Low), settings.ExpiringWithinDays));
    }
}
