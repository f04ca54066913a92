using System.Linq;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Rules;
using static PolicyKit.Policies.Tests.Exceptions.ExceptionText;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>Valid exceptions are reported when they are expired, about to expire, or match nothing.</summary>
public sealed class StateTests
{
    private static ExceptionStatus StatusOf(string record, string? manifests = null) =>
        Run(File(record), manifests).Exceptions.Outcomes.Single().Status;

    [Fact]
    public void Exception_that_waives_a_finding_and_is_far_from_expiry_is_active()
    {
        Assert.Equal(ExceptionStatus.Active, StatusOf(Record()));
    }

    [Fact]
    public void Exception_within_the_warning_window_is_expiring()
    {
        Assert.Equal(ExceptionStatus.Expiring, StatusOf(Record(expires: "2026-12-12")));
    }

    [Fact]
    public void Exception_past_its_expiry_day_is_expired()
    {
        Assert.Equal(ExceptionStatus.Expired, StatusOf(Record(expires: "2026-11-27")));
    }

    [Fact]
    public void Exception_with_a_problem_is_invalid()
    {
        Assert.Equal(ExceptionStatus.Invalid, StatusOf(Record(ticket: "\"\"")));
    }

    [Fact]
    public void Exception_that_matches_no_finding_is_unused()
    {
        Assert.Equal(ExceptionStatus.Unused, StatusOf(Record(scope: "{names: [redis-legacy]}")));
    }

    [Fact]
    public void Unused_exception_is_reported_at_its_id_as_low()
    {
        var finding = Single(Run(File(Record(scope: "{names: [redis-legacy]}"))), "PK9011");

        Assert.Equal((2, 9, Severity.Low, false), (finding.Line, finding.Column, finding.Severity, finding.Blocking));
    }

    [Fact]
    public void Expiring_exception_is_reported_at_its_expiry_date_with_the_days_left()
    {
        var finding = Single(Run(File(Record(expires: "2026-12-12"))), "PK9010");

        Assert.Equal((10, 14), (finding.Line, finding.Column));
        Assert.Contains("in 14 days", finding.Message);
    }

    [Fact]
    public void Exception_one_day_beyond_the_warning_window_is_not_expiring()
    {
        Assert.Empty(Of(Run(File(Record(expires: "2026-12-13"))), "PK9010"));
    }

    [Fact]
    public void Warning_window_comes_from_the_policy_file()
    {
        using var folder = new TempFolder();
        var config = folder.Policy("exceptions:\n  expiringWithinDays: 30\n");

        Assert.Single(Of(Run(File(Record(expires: "2026-12-20")), config: config), "PK9010"));
    }

    [Fact]
    public void Expired_exception_is_reported_at_its_expiry_date_as_medium()
    {
        var finding = Single(Run(File(Record(expires: "2026-11-27"))), "PK9009");

        Assert.Equal((10, Severity.Medium), (finding.Line, finding.Severity));
        Assert.Contains("2026-11-27 (1 day ago)", finding.Message);
    }

    [Fact]
    public void Expired_exception_is_not_also_reported_as_unused()
    {
        Assert.Empty(Of(Run(File(Record(scope: "{names: [gone]}", expires: "2026-11-27"))), "PK9011"));
    }

    [Fact]
    public void Invalid_exception_is_not_also_reported_as_expired()
    {
        Assert.Empty(Of(Run(File(Record(approver: "maria.lopez@acme.example", expires: "2026-11-27"))), "PK9009"));
    }

    [Fact]
    public void Exception_for_a_rule_left_out_by_the_category_filter_is_not_judged_unused()
    {
        var result = Run(File(Record(rules: "[PK1001]", scope: "{images: [\"gone:*\"]}")), categories: new[] { "pod-security", "exceptions" });

        Assert.Equal(ExceptionStatus.Active, result.Exceptions.Outcomes.Single().Status);
        Assert.False(result.Exceptions.Outcomes.Single().JudgedForUse);
    }

    [Fact]
    public void Exception_for_a_rule_that_ran_is_judged_unused()
    {
        var result = Run(File(Record(rules: "[PK1001]", scope: "{images: [\"gone:*\"]}")), categories: new[] { "provenance", "exceptions" });

        Assert.Equal(ExceptionStatus.Unused, result.Exceptions.Outcomes.Single().Status);
    }

    [Fact]
    public void Days_remaining_is_zero_on_the_expiry_day_and_negative_after()
    {
        var onTheDay = Run(File(Record(expires: "2026-11-28"))).Exceptions.Outcomes.Single().DaysRemaining;
        var dayAfter = Run(File(Record(expires: "2026-11-27"))).Exceptions.Outcomes.Single().DaysRemaining;

        Assert.Equal((0, -1), (onTheDay, dayAfter));
    }

    [Fact]
    public void Evaluation_day_is_the_utc_day_of_now()
    {
        var lateEvening = new System.DateTimeOffset(2026, 11, 28, 23, 30, 0, System.TimeSpan.FromHours(-5));

        Assert.Equal(new System.DateTime(2026, 11, 29), Run(File(Record()), now: lateEvening).Exceptions.Today);
    }
}
